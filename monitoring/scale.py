"""Monitoring's part of `seed_demo --scale`: twelve months of monthly reports for a share
of the synthetic libraries (every kabupaten/kota library, a fifth of the villages and
TBMs), then the summary table of everything the other apps generated."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from lms.models import Library
from lms.scale import SYNTHETIC_PREFIX, ScaleRun

from .models import ImpactRecord, LibraryReport, ReportActivity
from .periods import add_months
from .reporting import deadlines

REPORTING_VILLAGES = 0.2
MONTHS = 12
VISITORS = {
    Library.Kind.PROVINCIAL: (2000, 6000),
    Library.Kind.REGENCY: (800, 3000),
    Library.Kind.VILLAGE: (40, 400),
    Library.Kind.TBM: (30, 250),
}
ACTIVITY_TITLES = (
    "Pelatihan komputer dasar",
    "Kelas internet untuk UMKM",
    "Sosialisasi layanan perpustakaan",
    "Bimbingan belajar anak",
    "Pelatihan membuat kerajinan",
    "Diskusi kelompok tani",
)
STORIES = {
    ImpactRecord.Kind.JOB: "Setelah ikut kelas komputer, ia diterima bekerja sebagai staf TU.",
    ImpactRecord.Kind.INCOME: "Ia mulai menjual keripik lewat internet dan pendapatannya naik.",
    ImpactRecord.Kind.BUSINESS_STARTED: "Ia membuka usaha jahit setelah belajar dari video.",
    ImpactRecord.Kind.BUSINESS_GROWN: "Usaha kopinya kini punya pelanggan di tiga kabupaten.",
    ImpactRecord.Kind.EDUCATION: "Ia lulus ujian paket C dengan belajar di perpustakaan desa.",
    ImpactRecord.Kind.OTHER: "Kelompok ibu-ibu kini rutin membaca bersama anak-anak.",
}


def _reports(run: ScaleRun, rng: random.Random, libraries, months):
    now = timezone.now()
    for library_id, kind in libraries:
        low, high = VISITORS.get(kind, (30, 300))
        base = rng.randint(low, high)
        for n, month in enumerate(months):
            roll = rng.random()
            if roll < 0.07:
                continue  # never reported
            visitors = round(base * (0.85 + 0.03 * n) * rng.uniform(0.8, 1.2))
            computer_users = round(visitors * rng.uniform(0.25, 0.6))
            submitted = roll >= 0.1
            due = deadlines.due_date(month)
            late = rng.random() < 0.15
            sent = datetime.combine(
                due + timedelta(days=rng.randint(1, 20) if late else -rng.randint(0, 9)),
                time(10),
                tzinfo=timezone.get_current_timezone(),
            )
            yield LibraryReport(
                library_id=library_id,
                month=month,
                status=LibraryReport.Status.SUBMITTED if submitted else LibraryReport.Status.DRAFT,
                visitors=visitors,
                computer_users=computer_users,
                internet_users=round(computer_users * rng.uniform(0.6, 0.95)),
                computers_added=1 if rng.random() < 0.03 else 0,
                computers_removed=1 if rng.random() < 0.02 else 0,
                submitted_at=min(sent, now) if submitted else None,
            )


def _details(rng: random.Random, reports):
    activities, impacts = [], []
    kinds = list(ImpactRecord.Kind)
    for report in reports:
        for _n in range(rng.choice((0, 0, 1, 1, 1, 2))):
            activities.append(
                ReportActivity(
                    report_id=report.pk,
                    title=rng.choice(ACTIVITY_TITLES),
                    held_on=report.month.replace(day=rng.randint(1, 28)),
                    participants_female=rng.randint(3, 25),
                    participants_male=rng.randint(2, 20),
                )
            )
        if rng.random() < 0.12:
            kind = rng.choice(kinds)
            impacts.append(
                ImpactRecord(
                    report_id=report.pk,
                    kind=kind,
                    person_name=f"{rng.choice('ABDEFHIKMNRSTWY')}.{rng.choice('ABDEHKMNRSTW')}.",
                    gender=rng.choice(("female", "male")),
                    story=STORIES[kind],
                )
            )
    return activities, impacts


def generate(run: ScaleRun) -> dict[str, int]:
    """Writes the reports unless they are there already, then refreshes the summary."""
    from .services.summary import figures_refresh

    counts: dict[str, int] = {}
    synthetic = Library.objects.filter(code__startswith=SYNTHETIC_PREFIX)
    if not LibraryReport.objects.filter(library__in=synthetic).exists():
        rng = run.rng("monitoring")
        libraries = [
            (pk, kind)
            for pk, kind in synthetic.order_by("pk").values_list("pk", "kind")
            if kind not in Library.MENTORED_KINDS or rng.random() < REPORTING_VILLAGES
        ]
        last = add_months(run.today.replace(day=1), -1)
        months = [add_months(last, -n) for n in reversed(range(MONTHS))]
        reports = run.bulk_create(
            LibraryReport,
            _reports(run, rng, libraries, months),
            label="Library reports",
            total=len(libraries) * MONTHS,
        )
        activities, impacts = _details(rng, reports)
        run.bulk_create(ReportActivity, activities, label="Report activities", keep=False)
        run.bulk_create(ImpactRecord, impacts, label="Impact records", keep=False)
        counts.update(
            library_reports=len(reports), report_activities=len(activities), impacts=len(impacts)
        )
    bar = run.bar("Monitoring figures", 1)

    def progress(done, total):
        bar.total = max(total, 1)
        bar.advance(done - bar.done)

    counts["figure_cells"] = figures_refresh(on_progress=progress)
    bar.finish()
    return counts
