"""Demo monthly reports, loaded by `manage.py seed_demo` after the network exists.

Targets for every kind of library and measure, and twelve months of reports (ending last
month) for the demo network's kabupaten/kota libraries, village libraries and TBMs: visits
follow the school holidays and Ramadan and grow over the year, most reports are
submitted on time, some late, a few stay drafts or are never written. The demo `peserta`'s
library has last month's report still in draft, and one library of the demo `pendamping`
has missed its last two months, so that the home page and the mentor's grid show them.

Idempotent: targets and reports that exist are left as they are (an admin may have
changed them); only missing ones are written, each the same whenever it is written,
since each report draws from its own seeded random generator.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import demo_network
from lms.models import Library, StaffProfile

from .models import ImpactRecord, LibraryReport, ReportActivity, ReportTarget
from .periods import add_months
from .reporting import deadlines

SEED = "sebaya-demo:monitoring"
MONTHS = 12
DRAFT_LIBRARY = "lumajang-tunas-bangsa"  # the demo peserta's library
MISSING_LIBRARY = "lumajang-senduro"  # a library of the demo pendamping, two months behind

Kind = Library.Kind
Measure = ReportTarget.Measure

# Monthly targets: (target, yellow from %) per kind of library and measure.
TARGETS: dict[str, dict[str, tuple[int, int]]] = {
    Kind.PROVINCIAL: {
        Measure.VISITORS: (4000, 70),
        Measure.COMPUTER_USERS: (1200, 60),
        Measure.INTERNET_USERS: (1000, 60),
        Measure.ACTIVITIES: (6, 50),
        Measure.PARTICIPANTS: (150, 60),
        Measure.IMPACTS: (2, 50),
    },
    Kind.REGENCY: {
        Measure.VISITORS: (1500, 70),
        Measure.COMPUTER_USERS: (500, 60),
        Measure.INTERNET_USERS: (400, 60),
        Measure.ACTIVITIES: (3, 60),
        Measure.PARTICIPANTS: (60, 60),
        Measure.IMPACTS: (1, 50),
    },
    Kind.VILLAGE: {
        Measure.VISITORS: (200, 70),
        Measure.COMPUTER_USERS: (80, 60),
        Measure.INTERNET_USERS: (60, 60),
        Measure.ACTIVITIES: (2, 50),
        Measure.PARTICIPANTS: (30, 60),
        Measure.IMPACTS: (1, 50),
    },
    Kind.TBM: {
        Measure.VISITORS: (150, 70),
        Measure.COMPUTER_USERS: (50, 60),
        Measure.INTERNET_USERS: (40, 60),
        Measure.ACTIVITIES: (2, 50),
        Measure.PARTICIPANTS: (25, 60),
        Measure.IMPACTS: (1, 50),
    },
}
VISITORS = {Kind.REGENCY: (900, 2200), Kind.VILLAGE: (110, 320), Kind.TBM: (80, 220)}
# School holidays (June-July, December) fill the libraries; the fasting month (it moves:
# March in 2024-2026) and the rice harvest (April) empty them a little.
SEASON = dict(
    zip(range(1, 13), (0.95, 0.95, 0.85, 0.9, 1, 1.15, 1.2, 1, 1, 1.05, 1.05, 1.15), strict=True)
)

# What a library writes is data, so it stays in Indonesian like the rest of the demo.
ACTIVITIES = (
    "Pelatihan komputer dasar untuk ibu-ibu PKK",
    "Kelas internet sehat untuk pelajar",
    "Pelatihan pemasaran daring untuk UMKM",
    "Bimbingan belajar anak sepulang sekolah",
    "Sosialisasi layanan perpustakaan di balai desa",
    "Pelatihan membuat kerajinan dari bambu",
    "Diskusi kelompok tani: harga pasar lewat internet",
    "Lomba mendongeng anak",
    "Kelas membuat surel dan akun media sosial usaha",
)
STORIES = {
    ImpactRecord.Kind.JOB: (
        "Setelah ikut kelas komputer, ia diterima bekerja sebagai staf administrasi sekolah.",
        "Ia belajar membuat surat lamaran dan CV di perpustakaan, lalu diterima di pabrik.",
    ),
    ImpactRecord.Kind.INCOME: (
        "Ia mulai menjual keripik singkong lewat internet; penghasilannya naik hampir dua kali.",
        "Dengan mencari harga gabah di internet, ia menjual panen dengan harga lebih baik.",
    ),
    ImpactRecord.Kind.BUSINESS_STARTED: (
        "Ia membuka usaha jahit di rumah setelah belajar pola dari video di perpustakaan.",
        "Bersama dua tetangga ia memulai usaha kue kering yang dipasarkan lewat WhatsApp.",
    ),
    ImpactRecord.Kind.BUSINESS_GROWN: (
        "Usaha kopinya kini punya pelanggan di tiga kabupaten sejak dipasarkan secara daring.",
        "Warung kelontongnya kini mencatat stok dengan lembar kerja yang dipelajari di sini.",
    ),
    ImpactRecord.Kind.EDUCATION: (
        "Ia lulus ujian paket C setelah belajar setiap sore di perpustakaan desa.",
        "Anaknya diterima di SMK negeri setelah mendaftar daring dengan bantuan pengelola.",
    ),
    ImpactRecord.Kind.OTHER: (
        "Kelompok ibu-ibu kini rutin membaca bersama anak-anak setiap Sabtu pagi.",
        "Karang Taruna memakai ruang perpustakaan untuk rapat dan membuat poster kegiatan.",
    ),
}
INITIALS = "ABDEFHIKMNRSTWY"


def _targets() -> int:
    existing = set(ReportTarget.objects.values_list("library_kind", "measure"))
    rows = [
        ReportTarget(library_kind=kind, measure=measure, target=target, yellow_from=yellow)
        for kind, measures in TARGETS.items()
        for measure, (target, yellow) in measures.items()
        if (kind, measure) not in existing
    ]
    for row in rows:
        row.full_clean(validate_constraints=False)
    ReportTarget.objects.bulk_create(rows)
    return len(rows)


def _demo_libraries() -> list[Library]:
    codes = [partner.code for partner in demo_network.PARTNER_REGENCIES]
    for villages in demo_network.VILLAGE_LIBRARIES.values():
        codes.extend(village.code for village in villages)
    return list(
        Library.objects.filter(code__in=codes, kind__in=list(VISITORS))
        .order_by("code")
        .only("pk", "code", "kind", "computers")
    )


def _at(day: date, hour: int, minute: int) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=timezone.get_default_timezone())


class _Plan:
    """What one library reports, month by month."""

    def __init__(self, library: Library, months: list[date], now: datetime, reporter):
        self.library = library
        self.months = months  # oldest first
        self.now = now
        self.reporter = reporter
        rng = random.Random(f"{SEED}:{library.code}")
        low, high = VISITORS[library.kind]
        self.base = rng.randint(low, high)
        # Most libraries are punctual; some often late; a few miss months.
        self.late_rate = rng.choice((0.05, 0.05, 0.1, 0.3))
        self.miss_rate = rng.choice((0.0, 0.03, 0.05, 0.12))
        self.draft_rate = 0.04

    def report(self, index: int, month: date):
        rng = random.Random(f"{SEED}:{self.library.code}:{month:%Y-%m}")
        newest = index == len(self.months) - 1
        code = self.library.code
        if code == MISSING_LIBRARY and index >= len(self.months) - 2:
            return None
        fate = rng.random()
        due = deadlines.due_date(month)
        past_due = deadlines.is_past_due(month, now=self.now)
        if code == DRAFT_LIBRARY and newest:
            status = LibraryReport.Status.DRAFT
        elif newest and not past_due:
            # Last month's reports are still coming in.
            if fate < 0.25:
                return None
            status = LibraryReport.Status.DRAFT if fate < 0.5 else LibraryReport.Status.SUBMITTED
        elif fate < self.miss_rate:
            return None
        elif fate < self.miss_rate + self.draft_rate:
            status = LibraryReport.Status.DRAFT
        else:
            status = LibraryReport.Status.SUBMITTED

        season = SEASON[month.month] * (1 + 0.02 * index)
        visitors = round(self.base * season * rng.uniform(0.88, 1.12))
        computer_users = round(visitors * rng.uniform(0.3, 0.5))
        internet_users = round(computer_users * rng.uniform(0.7, 0.95))
        added = 1 if rng.random() < 0.06 else 0
        removed = 1 if rng.random() < 0.05 and self.library.computers + added else 0
        notes = []
        if added:
            notes.append("Satu komputer baru dari dana desa.")
        if removed:
            notes.append("Satu komputer rusak, menunggu perbaikan.")

        submitted_at = None
        if status == LibraryReport.Status.SUBMITTED:
            opened = add_months(month, 1)
            if past_due and rng.random() < self.late_rate:
                day = due + timedelta(days=rng.randint(1, 20))
            else:
                latest = min(due, timezone.localdate(self.now))
                day = opened + timedelta(days=rng.randint(0, max((latest - opened).days, 0)))
            submitted_at = min(_at(day, rng.randint(8, 16), rng.randint(0, 59)), self.now)
            if submitted_at < _at(opened, 0, 0):  # never before the month is over
                submitted_at = self.now
        report = LibraryReport(
            library_id=self.library.pk,
            month=month,
            status=status,
            visitors=visitors,
            computer_users=computer_users,
            internet_users=internet_users,
            computers_added=added,
            computers_removed=removed,
            inventory_note=" ".join(notes),
            submitted_at=submitted_at,
            submitted_by_id=self.reporter if submitted_at else None,
        )
        return report, self.details(rng, month)

    def details(self, rng: random.Random, month: date):
        last_day = (add_months(month, 1) - timedelta(days=1)).day
        activities = [
            ReportActivity(
                title=rng.choice(ACTIVITIES),
                held_on=month.replace(day=rng.randint(1, last_day)),
                participants_female=rng.randint(4, 22),
                participants_male=rng.randint(1, 15),
            )
            for _n in range(rng.choice((0, 1, 1, 2, 2, 3)))
        ]
        impacts = []
        for _n in range(rng.choice((0, 0, 0, 1, 1, 2))):
            kind = rng.choice(list(ImpactRecord.Kind))
            impacts.append(
                ImpactRecord(
                    kind=kind,
                    person_name=f"{rng.choice(INITIALS)}.{rng.choice(INITIALS)}.",
                    gender=rng.choice(("female", "male")),
                    story=rng.choice(STORIES[kind]),
                )
            )
        return activities, impacts


def _write(libraries: list[Library], now: datetime) -> dict[str, int]:
    last = deadlines.last_month(timezone.localdate(now))
    months = [add_months(last, -n) for n in reversed(range(MONTHS))]
    existing = set(
        LibraryReport.objects.filter(library__in=libraries, month__gte=months[0]).values_list(
            "library_id", "month"
        )
    )
    reporters: dict[int, int] = {}
    for library_id, user_id in (
        StaffProfile.objects.filter(library__in=libraries)
        .order_by("library_id", "pk")
        .values_list("library_id", "user_id")
    ):
        reporters.setdefault(library_id, user_id)

    planned = []
    for library in libraries:
        plan = _Plan(library, months, now, reporters.get(library.pk))
        for index, month in enumerate(months):
            if (library.pk, month) in existing:
                continue
            if (written := plan.report(index, month)) is not None:
                planned.append(written)
    reports = LibraryReport.objects.bulk_create([report for report, _details in planned])
    if any(report.pk is None for report in reports):  # a database that returns no ids
        ids = {
            (row.library_id, row.month): row.pk
            for row in LibraryReport.objects.filter(library__in=libraries, month__gte=months[0])
        }
        for report in reports:
            report.pk = ids[(report.library_id, report.month)]
    activities, impacts = [], []
    for report, (report_activities, report_impacts) in zip(
        reports, (d for _r, d in planned), strict=True
    ):
        for row in (*report_activities, *report_impacts):
            row.report_id = report.pk
        activities.extend(report_activities)
        impacts.extend(report_impacts)
    ReportActivity.objects.bulk_create(activities, batch_size=1000)
    ImpactRecord.objects.bulk_create(impacts, batch_size=1000)
    submitted = [r for r in reports if r.status == LibraryReport.Status.SUBMITTED]
    return {
        "reports": len(reports),
        "submitted": len(submitted),
        "late": sum(
            deadlines.submitted_late(month=r.month, submitted_at=r.submitted_at) for r in submitted
        ),
        "drafts": len(reports) - len(submitted),
        "activities": len(activities),
        "impacts": len(impacts),
    }


def load(*, stdout) -> None:
    with transaction.atomic():
        libraries = _demo_libraries()
        if not libraries:
            stdout.write(_("Demo reports skipped: load the demo network first."))
            return
        targets = _targets()
        counts = _write(libraries, timezone.now())
    stdout.write(
        _(
            "Demo reports: %(libraries)d libraries, %(reports)d new reports (%(submitted)d "
            "submitted, %(late)d of them late; %(drafts)d drafts), %(activities)d activities, "
            "%(impacts)d impact records, %(targets)d new targets."
        )
        % {**counts, "libraries": len(libraries), "targets": targets}
    )
