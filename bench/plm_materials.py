"""Times every generated material of a 350-participant Peer Learning Meeting; prints JSON.

Run with `make bench-plm`. By default it builds, in a throwaway SQLite database and media
folder, a national meeting like Bali 2015: 350 registered people from 19 kabupaten/kota
libraries and 76 village libraries (speakers, committee, facilitators among them), a
4-day agenda, check-ins on every day, and 40 accepted stories (half with a photo).
With `--demo` it uses the biggest meeting of the configured database instead.

Each material is made the way the background task makes it (`material_run` on a job, in
Indonesian), one after another in this process: seconds, pages and bytes of each, then the
package (the ZIP of all of them). Badges must take less than BADGES_BUDGET_SECONDS.
"""

import argparse
import io
import json
import os
import random
import resource
import sys
import tempfile
import time
import zipfile
from datetime import date, timedelta
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

PARTICIPANTS = int(os.environ.get("BENCH_PLM_PARTICIPANTS", "350"))
STORIES = 40
BADGES_BUDGET_SECONDS = 30

REGENCIES = (
    ("Jawa Timur", "Lumajang"),
    ("Jawa Timur", "Pamekasan"),
    ("Jawa Barat", "Sukabumi"),
    ("Sumatera Selatan", "Lubuklinggau"),
    ("Jawa Tengah", "Jepara"),
    ("Jawa Tengah", "Batang"),
    ("Jawa Tengah", "Wonosobo"),
    ("Jawa Tengah", "Sragen"),
    ("Jawa Tengah", "Kebumen"),
    ("Jawa Tengah", "Demak"),
    ("Kalimantan Selatan", "Tabalong"),
    ("Kalimantan Tengah", "Kotawaringin Barat"),
    ("DI Yogyakarta", "Gunungkidul"),
    ("Sulawesi Selatan", "Enrekang"),
    ("Sumatera Barat", "Payakumbuh"),
    ("Lampung", "Lampung Timur"),
    ("Lampung", "Lampung Selatan"),
    ("Bali", "Karangasem"),
    ("Bali", "Buleleng"),
)
VILLAGES = (
    "Tunas Bangsa Pandanwangi Tempeh Kidul Senduro Yosowilangun Rejosari Mentosari Sodong "
    "Bambapuang Karrang Kolai Tambakagung Tegalsambi Tulakan Labuhan Ratu Totoharjo Tlogosih "
    "Tianyar Sukamaju Sidomulyo Mekarsari Sumbersari Karangrejo Wonosari Harapan Jaya"
).split()
FIRST = (
    "Siti Dewi Sri Ayu Nur Putri Rina Wulan Fitri Indah Ratna Yuni Endang Lestari Kartika "
    "Agus Budi Joko Bambang Eko Hendra Rudi Wahyu Dedi Andi Rizky Fajar Yusuf Ahmad Muhammad "
    "Made Ketut Nyoman Wayan Gede Komang Putu Aisyah Nabila Zahra"
).split()
FAMILY = (
    "Santoso Wijaya Saputra Hidayat Nugroho Kusumawati Rahayu Setiawan Pratama Hasibuan "
    "Siregar Nasution Lubis Harahap Wibowo Susanto Gunawan Hartono Sulistyowati Purwanto "
    "Prasetyo Sembiring Ginting Mangkunegara Prawirodirdjo Soeryadiningrat Tjokroaminoto"
).split()


def configure_throwaway(folder: Path) -> None:
    from django.conf import settings

    settings.DATABASES = {
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(folder / "bench.db")}
    }
    settings.MEDIA_ROOT = str(folder / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
    }


def person_name(rng: random.Random, i: int) -> str:
    if i % 40 == 39:  # a few very long names, as on real badges
        words = [rng.choice(FIRST), *rng.sample(FAMILY, 6)]
        return "Raden Mas " + " ".join(words) + ", S.Sos., M.Si."
    words = [rng.choice(FIRST)] + rng.sample(FAMILY, rng.randint(1, 2))
    return rng.choice(("", "", "", "Hj. ", "Drs. ")) + " ".join(words)


def photo_file(rng: random.Random, n: int):
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from PIL import ImageDraw

    image = PILImage.new("RGB", (1600, 1200), (rng.randrange(256), 120, 90))
    draw = ImageDraw.Draw(image)
    for _ in range(60):
        x, y = rng.randrange(1600), rng.randrange(1200)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x, y, x + rng.randrange(40, 300), y + rng.randrange(40, 300)), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return ImageFile(io.BytesIO(buffer.getvalue()), name=f"foto-{n}.jpg")


def build_meeting():
    """The Bali-2015-sized meeting, written with bulk inserts."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone
    from wagtail.images.models import Image
    from wagtail.models import Site

    from lms.models import Library, Province, Regency, StaffProfile
    from lms.roles import Role, role_groups
    from peer_learning import codes
    from peer_learning.models import (
        AgendaSession,
        CheckIn,
        MeetingIndexPage,
        MeetingPage,
        Registration,
        Story,
        StoryPhoto,
    )

    rng = random.Random(2015)
    provinces = {}
    regency_libraries, village_libraries = [], []
    for number, (province_name, name) in enumerate(REGENCIES, 1):
        if province_name not in provinces:
            provinces[province_name] = Province.objects.create(name=province_name)
        regency = Regency.objects.create(province=provinces[province_name], name=name)
        hub = Library.objects.create(
            code=f"kab-{number}",
            name=f"Perpustakaan Umum Kab. {name}",
            kind=Library.Kind.REGENCY,
            regency=regency,
        )
        regency_libraries.append(hub)
        for v in range(4):
            village = VILLAGES[(number * 4 + v) % len(VILLAGES)]
            village_libraries.append(
                Library.objects.create(
                    code=f"desa-{number}-{v}",
                    name=f"Perpustakaan Desa {village} {v + 1}",
                    kind=Library.Kind.VILLAGE,
                    regency=regency,
                    mentor_library=hub,
                )
            )
    organiser = regency_libraries[-1]
    home = Site.objects.get(is_default_site=True).root_page
    index = MeetingIndexPage(title="Pertemuan Belajar Sebaya", slug="pbs")
    home.add_child(instance=index)
    starts = date(2015, 5, 18)
    meeting = MeetingPage(
        title="Pertemuan Belajar Sebaya Nasional PerpuSeru 2015",
        slug="pbs-nasional-2015",
        theme="Perpustakaan untuk kesejahteraan masyarakat",
        level=MeetingPage.Level.NATIONAL,
        starts_on=starts,
        ends_on=starts + timedelta(days=3),
        venue="Hotel Inna Grand Bali Beach, Sanur, Bali",
        organiser=organiser,
        capacity=PARTICIPANTS,
    )
    index.add_child(instance=meeting)

    User = get_user_model()
    password = make_password(None)
    users = User.objects.bulk_create(
        [
            User(username=f"pbs{i}", first_name=person_name(rng, i), password=password)
            for i in range(PARTICIPANTS)
        ]
    )
    users = list(User.objects.filter(username__startswith="pbs").order_by("pk"))
    libraries = [
        regency_libraries[i % 19] if i < 38 else village_libraries[i % 76]
        for i in range(PARTICIPANTS)
    ]
    StaffProfile.objects.bulk_create(
        [
            StaffProfile(user=u, library=libraries[i], gender=("female", "male")[i % 3 == 0])
            for i, u in enumerate(users)
        ]
    )
    role_groups()[Role.MENTOR].user_set.add(users[0])

    def role(i):
        if i < 20:
            return Registration.Role.SPEAKER
        if i < 40:
            return Registration.Role.COMMITTEE
        if i < 50:
            return Registration.Role.FACILITATOR
        return Registration.Role.PARTICIPANT

    Registration.objects.bulk_create(
        [
            Registration(
                meeting=meeting,
                user=u,
                library=libraries[i],
                role=role(i),
                code=codes.new_checkin_code(),
                queued_at=timezone.now(),
            )
            for i, u in enumerate(users)
        ]
    )
    registrations = list(Registration.objects.filter(meeting=meeting).order_by("pk"))
    CheckIn.objects.bulk_create(
        [
            CheckIn(registration=r, day=day, method=CheckIn.Method.SCAN)
            for day in meeting.days
            for r in registrations
            if rng.random() < 0.92
        ]
    )

    kinds = [k for k, _label in AgendaSession.Kind.choices]
    sessions = []
    for d, day in enumerate(meeting.days):
        for s, hour in enumerate((8, 9, 10, 11, 13, 14, 15, 16)):
            rooms = ("Ruang Kertha Gosa", "Ruang Ubud") if hour in (10, 13) else ("Aula Bali",)
            for room in rooms:
                sessions.append(
                    AgendaSession(
                        meeting=meeting,
                        day=day,
                        starts_at=clock(hour),
                        ends_at=clock(hour, 50),
                        kind=kinds[(d * 8 + s) % len(kinds)],
                        title=f"Sesi {d + 1}.{s + 1} {room.split()[-1]}",
                        room=room,
                        speakers=", ".join(users[(d * 8 + s) % 20].first_name.split(",")[:1]),
                        sort_order=len(sessions),
                    )
                )
    AgendaSession.objects.bulk_create(sessions)
    sessions = list(AgendaSession.objects.filter(meeting=meeting).order_by("pk"))

    themes = [t for t, _label in Story.Theme.choices]
    story_kinds = [k for k, _label in Story.Kind.choices]
    paragraph = (
        "Perpustakaan desa kami membuka kelas komputer untuk ibu-ibu PKK dan pemuda. "
        "Setelah tiga bulan, kelompok sablon kaos menjual produknya secara daring dan "
        "pendapatan anggota naik. Kepala desa menambah anggaran perpustakaan tahun berikutnya."
    )
    subjects = ("Kaos sablon", "Dupa herbal", "Kelas komputer", "Lapak keripik")
    for n in range(STORIES):
        library = village_libraries[(n * 7) % 76]
        story = Story.objects.create(
            meeting=meeting,
            library=library,
            author=users[50 + n],
            kind=story_kinds[n % 3],
            theme=themes[n % len(themes)],
            title=f"Cerita {n + 1}: {rng.choice(subjects)} {library.name.split()[-2]}",
            text="\n\n".join([paragraph] * rng.randint(2, 4)),
            solution=paragraph if n % 3 == 2 else "",
            beneficiaries_female=rng.randint(5, 80),
            beneficiaries_male=rng.randint(5, 60),
            status=Story.Status.ACCEPTED,
            session=sessions[(n * 3) % len(sessions)],
        )
        if n % 2 == 0:
            image = Image.objects.create(title=f"Foto {n + 1}", file=photo_file(rng, n))
            StoryPhoto.objects.create(story=story, image=image, caption=f"Kegiatan {n + 1}")
    return meeting, users[0]


def set_up_certificates(admin) -> None:
    from django.apps import apps

    if not apps.is_installed("certificates"):
        return
    from certificates.models import CertificateTemplate, KindRule, Signatory

    if KindRule.objects.filter(kind="plm_attendance").exists():
        return
    template = CertificateTemplate(
        name="Peserta PBS",
        title="Sertifikat",
        body="Diberikan kepada {name} dari {library}, {regency}, sebagai {achievement}.",
    )
    template.signatories = [Signatory(name="Ir. Bambang Supriyo", position="Ketua Pelaksana")]
    template.save()
    KindRule.objects.create(kind="plm_attendance", template=template)


def demo_meeting():
    from django.db.models import Count, Q

    from lms import roles
    from peer_learning.models import MeetingPage

    meeting = (
        MeetingPage.objects.annotate(
            people=Count("registrations", filter=Q(registrations__status="registered"))
        )
        .order_by("-people")
        .first()
    )
    if meeting is None:
        sys.exit("no meeting in the database: run `make demo` first, or leave out --demo")
    from django.contrib.auth import get_user_model

    admin = next((u for u in get_user_model().objects.all() if roles.is_programme_admin(u)), None)
    return meeting, admin


def pages_of(data: bytes, kind: str) -> int | None:
    if data.startswith(b"%PDF"):
        from pypdf import PdfReader

        return len(PdfReader(io.BytesIO(data)).pages)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return None if kind == "package" else len(archive.namelist())


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(meeting, user, kind: str) -> dict:
    from peer_learning.models import MaterialJob
    from peer_learning.services.materials import material_run

    job = MaterialJob.objects.create(meeting=meeting, kind=kind, requested_by=user)
    cpu = time.process_time() + _children_cpu()
    job = material_run(job=job, language="id")
    cpu = time.process_time() + _children_cpu() - cpu
    # CPU seconds (this process and any it forked) show the cost on a busy machine.
    row = {"status": job.status, "seconds": round(job.seconds or 0, 2), "cpu": round(cpu, 2)}
    if job.status != MaterialJob.Status.FINISHED:
        row["error"] = job.error
        return row
    data = job.file.read()
    row["bytes"] = len(data)
    if kind == "certificates":
        row["certificates"] = pages_of(data, kind)
    elif kind == "package":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            row["files"] = sorted(archive.namelist())
    else:
        row["pages"] = pages_of(data, kind)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", action="store_true", help="use the configured database")
    parser.add_argument(
        "--keep", metavar="DIR", help="build the throwaway data in DIR and keep it for reuse"
    )
    parser.add_argument("--only", metavar="KIND", action="append", help="time only these")
    options = parser.parse_args()
    folder = None
    reuse = False
    if options.keep:
        Path(options.keep).mkdir(parents=True, exist_ok=True)
        reuse = (Path(options.keep) / "bench.db").exists()
        configure_throwaway(Path(options.keep))
    elif not options.demo:
        folder = tempfile.TemporaryDirectory(prefix="bench-plm-")
        configure_throwaway(Path(folder.name))

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from peer_learning import materials
    from peer_learning.models import Registration

    built = time.perf_counter()
    if options.demo or reuse:
        meeting, user = demo_meeting()
    else:
        call_command("migrate", verbosity=0)
        meeting, user = build_meeting()
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.create_superuser("bench-admin", password=None)
    set_up_certificates(user)
    built = time.perf_counter() - built

    from django.utils import translation

    translation.activate("id")
    kinds = [kind for kind in materials.available_kinds() if kind in (options.only or [kind])]
    results = {kind: measure(meeting, user, kind) for kind in kinds}
    report = {
        "meeting": meeting.title,
        "database": connection.vendor,
        "data": "demo" if options.demo else "throwaway",
        "participants": Registration.objects.filter(
            meeting=meeting, status=Registration.Status.REGISTERED
        ).count(),
        "kabupaten": Registration.objects.filter(meeting=meeting)
        .values("library__regency")
        .distinct()
        .count(),
        "libraries": Registration.objects.filter(meeting=meeting)
        .values("library")
        .distinct()
        .count(),
        "days": len(meeting.days),
        "sessions": meeting.sessions.count(),
        "accepted_stories": meeting.stories.filter(status="accepted").count(),
        "cpus": os.cpu_count(),
        "setup_seconds": round(built, 1),
        "materials": results,
        "total_seconds": round(sum(r["seconds"] for r in results.values()), 2),
        "badges_budget_seconds": BADGES_BUDGET_SECONDS,
        "badges_within_budget": (
            results["badges"]["seconds"] < BADGES_BUDGET_SECONDS if "badges" in results else None
        ),
    }
    report["load_average"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(report, indent=2))
    if folder is not None:
        folder.cleanup()


if __name__ == "__main__":
    main()
