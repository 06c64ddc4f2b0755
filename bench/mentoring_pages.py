"""Times the mentor dashboard (1,000 mentees) and the cascade view (10,000 people); prints JSON.

Run with `make bench-mentoring`. It never touches the dev database: it builds a throwaway
SQLite database (BENCH_DB, by default /tmp/sebaya-bench-mentoring.sqlite3, deleted and
migrated afresh), loads the demo course catalogue, then bulk-creates synthetic data:

- a district mentor assigned 100 village libraries of 10 staff each (1,000 mentees), each
  enrolled in the SPP course at varied progress, with three visits per library and their
  follow-ups;
- a cascade of 10,000 people in one curriculum, four levels deep: a master trainer, 10
  kabupaten facilitators, 300 mentors and 9,689 village graduates, with one cohort per
  trainer.

Each page is requested in-process with Django's test client, so the times are server
time without the network: median and p95 over BENCH_REQUESTS requests (default 30), and a
page stops early after BENCH_PAGE_SECONDS (default 120) so the run stays bounded. Bytes
are the page's HTML and the stylesheets it links, gzip-compressed. A page that does not
answer 200 (not written yet, or failing) is reported with its status instead of timings.
"""

import gzip
import json
import os
import random
import re
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

DB_PATH = Path(os.environ.get("BENCH_DB", "/tmp/sebaya-bench-mentoring.sqlite3"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "30"))
PAGE_SECONDS = float(os.environ.get("BENCH_PAGE_SECONDS", "120"))

import django  # noqa: E402
from django.conf import settings  # noqa: E402

# Point the default database at the throwaway file before anything connects.
settings.DATABASES["default"]["NAME"] = str(DB_PATH)
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.signals import request_started  # noqa: E402
from django.db import connection, reset_queries, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

LIBRARIES = 100
STAFF_PER_LIBRARY = 10
VISITS_PER_LIBRARY = 3
FACILITATORS = 10
MENTORS_PER_FACILITATOR = 30
TREE_PEOPLE = 10_000
CURRICULUM = "pelibatan-masyarakat"
STYLESHEET = re.compile(rb'<link rel="stylesheet" href="/static/([^"]+)"')
SEED = "sebaya-bench:mentoring"


def fresh_database() -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{DB_PATH}{suffix}").unlink(missing_ok=True)
    call_command("migrate", verbosity=0, interactive=False)


class Builder:
    """Bulk-creates the synthetic network, mentees and cascade."""

    def __init__(self):
        from lms.roles import role_groups

        self.rng = random.Random(SEED)
        self.today = timezone.localdate()
        self.now = timezone.now()
        self.groups = role_groups()
        self.User = get_user_model()
        self.serial = 0

    def users(self, count: int, prefix: str, libraries: list, role) -> list:
        from lms.models import StaffProfile

        start = self.serial
        self.serial += count
        users = self.User.objects.bulk_create(
            [
                self.User(
                    username=f"{prefix}{start + i}",
                    first_name=f"Staf {prefix} {start + i}",
                    password="!",  # noqa: S106 (cannot sign in with a password)
                )
                for i in range(count)
            ],
            batch_size=1000,
        )
        group = self.groups[role]
        self.User.groups.through.objects.bulk_create(
            [self.User.groups.through(user_id=u.pk, group_id=group.pk) for u in users],
            batch_size=2000,
        )
        StaffProfile.objects.bulk_create(
            [
                StaffProfile(
                    user=user,
                    library=libraries[i % len(libraries)],
                    position=StaffProfile.Position.STAFF,
                    gender=("female", "male")[i % 2],
                )
                for i, user in enumerate(users)
            ],
            batch_size=1000,
        )
        return users

    def region(self, name: str, province):
        from lms.models import Library, Regency

        regency = Regency.objects.create(province=province, name=name)
        library = Library.objects.create(
            code=f"bench-{regency.pk}",
            name=f"Perpustakaan Kabupaten {name}",
            kind=Library.Kind.REGENCY,
            regency=regency,
        )
        return regency, library

    def villages(self, regency, mentor_library, count: int) -> list:
        from lms.models import Library

        return Library.objects.bulk_create(
            [
                Library(
                    code=f"bench-{regency.pk}-{i}",
                    name=f"Perpustakaan Desa {regency.name} {i}",
                    kind=Library.Kind.VILLAGE,
                    regency=regency,
                    mentor_library=mentor_library,
                    village=f"Desa {i}",
                )
                for i in range(count)
            ]
        )

    def build(self) -> dict:
        from courses import selectors as course_selectors
        from courses.demo import ContentLoader
        from lms.models import Province

        ContentLoader().load()
        curriculum = course_selectors.curricula().get(slug=CURRICULUM)
        course = course_selectors.courses_of(curriculum).first()
        province = Province.objects.create(name="Provinsi Uji", code="99")
        admin = self.User.objects.create_superuser("bench-admin", first_name="Admin")
        mentor = self.mentees(province, course)
        root = self.cascade(province, curriculum, course)
        return {"mentor": mentor, "admin": admin, "root": root, "curriculum": curriculum}

    def mentees(self, province, course):
        from taggit.models import Tag

        from courses.models import Enrollment
        from courses.selectors import course_items
        from lms.roles import Role
        from mentoring.models import FollowUp, MentorAssignment, Visit, VisitTopic

        rng = self.rng
        regency, home = self.region("Dampingan", province)
        (mentor,) = self.users(1, "mentor", [home], Role.MENTOR)
        libraries = self.villages(regency, home, LIBRARIES)
        staff = self.users(LIBRARIES * STAFF_PER_LIBRARY, "peserta", libraries, Role.LEARNER)
        since = self.today - timedelta(days=400)
        MentorAssignment.objects.bulk_create(
            [MentorAssignment(mentor=mentor, library=lib, starts_on=since) for lib in libraries]
        )

        total = len(course_items(course))
        enrollments = []
        for user in staff:
            done = rng.choice((0, 0, 1, total // 3, total // 2, total - 1, total))
            enrolled = self.now - timedelta(days=rng.randint(20, 200))
            enrollments.append(
                Enrollment(
                    user=user,
                    course=course,
                    enrolled_at=enrolled,
                    items_done=done,
                    items_total=total,
                    completed_at=enrolled + timedelta(days=30) if done == total else None,
                    last_activity_at=self.now - timedelta(days=rng.randint(0, 90)),
                )
            )
        Enrollment.objects.bulk_create(enrollments, batch_size=1000)

        by_library = [staff[i::LIBRARIES] for i in range(LIBRARIES)]  # matches users()
        visits, owners = [], []  # a visit's attendee owns its follow-up
        for index, library in enumerate(libraries):
            for days_ago in sorted(rng.sample(range(3, 180), VISITS_PER_LIBRARY)):
                visited = self.today - timedelta(days=days_ago)
                visits.append(
                    Visit(
                        mentor=mentor,
                        library=library,
                        visited_on=visited,
                        notes="Catatan kunjungan.",
                        next_visit_on=visited + timedelta(days=30),
                    )
                )
                owners.append(by_library[index][0].pk)
        visits = Visit.objects.bulk_create(visits, batch_size=1000)
        Visit.attendees.through.objects.bulk_create(
            [
                Visit.attendees.through(visit_id=v.pk, user_id=owners[i])
                for i, v in enumerate(visits)
            ],
            batch_size=2000,
        )
        tags = [
            Tag.objects.get_or_create(slug=s, defaults={"name": s})[0]
            for s in ("rencana-kerja", "laporan-bulanan")
        ]
        VisitTopic.objects.bulk_create(
            [VisitTopic(content_object=v, tag=tags[i % 2]) for i, v in enumerate(visits)],
            batch_size=2000,
        )
        statuses = (FollowUp.Status.OPEN, FollowUp.Status.DONE, FollowUp.Status.OPEN)
        FollowUp.objects.bulk_create(
            [
                FollowUp(
                    visit=v,
                    action="Kirim laporan bulanan",
                    owner_id=owners[i],
                    due_on=v.visited_on + timedelta(days=14),
                    status=statuses[i % 3],
                    done_at=self.now if statuses[i % 3] == FollowUp.Status.DONE else None,
                )
                for i, v in enumerate(visits)
            ],
            batch_size=1000,
        )
        return mentor

    def cascade(self, province, curriculum, course):
        from lms.roles import Role
        from mentoring.models import (
            Cohort,
            CohortFacilitator,
            CohortParticipant,
            Level,
            Progression,
            Tier,
            TrainingEdge,
        )

        rng = self.rng
        national_regency, national_home = self.region("Nasional", province)
        (root,) = self.users(1, "master", [national_home], Role.TRAINER)
        levels = {root.pk: Level.MASTER_TRAINER}
        edges: list[tuple[int, int, str, int]] = []  # trainee, trainer, tier, days ago

        regions = [self.region(f"Kaskade {i}", province) for i in range(FACILITATORS)]
        facilitators = []
        for regency, library in regions:
            (person,) = self.users(1, "fasilitator", [library], Role.MENTOR)
            facilitators.append((person, regency, library))
            levels[person.pk] = Level.FACILITATOR
            edges.append((person.pk, root.pk, Tier.REGENCY, 900))

        graduates_left = TREE_PEOPLE - 1 - FACILITATORS - FACILITATORS * MENTORS_PER_FACILITATOR
        per_mentor, extra = divmod(graduates_left, FACILITATORS * MENTORS_PER_FACILITATOR)
        mentor_number = 0
        for facilitator, regency, library in facilitators:
            villages = self.villages(regency, library, MENTORS_PER_FACILITATOR)
            mentors = self.users(MENTORS_PER_FACILITATOR, "pendamping", villages, Role.LEARNER)
            for village, person in zip(villages, mentors, strict=True):
                levels[person.pk] = Level.MENTOR
                edges.append((person.pk, facilitator.pk, Tier.VILLAGE, rng.randint(400, 700)))
                count = per_mentor + (1 if mentor_number < extra else 0)
                mentor_number += 1
                for graduate in self.users(count, "lulusan", [village], Role.LEARNER):
                    levels[graduate.pk] = Level.GRADUATE
                    edges.append((graduate.pk, person.pk, Tier.VILLAGE, rng.randint(10, 380)))

        # One cohort per trainer, holding her trainees.
        trainers = sorted({trainer for _trainee, trainer, _tier, _days in edges})
        homes = dict(
            get_user_model()
            .objects.filter(pk__in=trainers)
            .values_list("pk", "staff_profile__library_id")
        )
        cohorts = Cohort.objects.bulk_create(
            [
                Cohort(
                    name=f"Angkatan 1 ({trainer})",
                    course=course,
                    host_library_id=homes[trainer],
                    tier=Tier.VILLAGE,
                    starts_on=self.today - timedelta(days=720),
                    ends_on=self.today - timedelta(days=718),
                    status=Cohort.Status.FINISHED,
                    finished_at=self.now - timedelta(days=718),
                    created_by_id=trainer,
                )
                for trainer in trainers
            ]
        )
        cohort_of = {cohort.created_by_id: cohort.pk for cohort in cohorts}
        CohortFacilitator.objects.bulk_create(
            [CohortFacilitator(cohort_id=cohort_of[t], user_id=t) for t in trainers]
        )
        CohortParticipant.objects.bulk_create(
            [
                CohortParticipant(cohort_id=cohort_of[trainer], user_id=trainee)
                for trainee, trainer, _tier, _days in edges
            ],
            batch_size=2000,
        )
        TrainingEdge.objects.bulk_create(
            [
                TrainingEdge(
                    trainee_id=trainee,
                    trainer_id=trainer,
                    curriculum=curriculum,
                    cohort_id=cohort_of[trainer],
                    tier=tier,
                    trained_on=self.today - timedelta(days=days),
                )
                for trainee, trainer, tier, days in edges
            ],
            batch_size=2000,
        )
        Progression.objects.bulk_create(
            [
                Progression(user_id=user_id, curriculum=curriculum, level=level)
                for user_id, level in levels.items()
            ],
            batch_size=2000,
        )
        self.tree_people = len(levels)
        self.tree_edges = len(edges)
        return root


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def measure(client: Client, url: str) -> dict:
    started = time.perf_counter()
    response = client.get(url)
    first_ms = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        return {
            "url": url,
            "status": response.status_code,
            "note": "page missing or failing: no timings",
        }
    html = response.content
    css = b""
    for path in STYLESHEET.findall(html):
        found = finders.find(path.decode())
        if found:
            css += Path(found).read_bytes()
    reset_queries()  # the log is a bounded deque: a full one would count nothing
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    queries = len(captured)  # read now, before later requests push entries out
    timings = []
    deadline = time.perf_counter() + PAGE_SECONDS
    for _ in range(REQUESTS):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        if time.perf_counter() > deadline:
            break
    timings.sort()
    return {
        "url": url,
        "status": 200,
        "requests": len(timings),
        "first_request_ms": round(first_ms, 2),
        "median_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[max(0, int(len(timings) * 0.95) - 1)], 2),
        "queries": queries,
        "html_bytes": len(html),
        "html_gzip_bytes": gzipped(html),
        "css_gzip_bytes": gzipped(css) if css else 0,
        "total_gzip_bytes": gzipped(html) + (gzipped(css) if css else 0),
    }


def signed_in(user) -> Client:
    # A page still being written may raise: report its 500 rather than stop the run.
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def main() -> None:
    started = time.perf_counter()
    fresh_database()
    builder = Builder()
    with transaction.atomic():
        data = builder.build()
    reset_queries()  # the build filled the debug query log
    built_s = time.perf_counter() - started

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    # Each request would empty the query log that the counts read.
    request_started.disconnect(reset_queries)
    pages = {
        "mentor_dashboard": measure(signed_in(data["mentor"]), "/pendampingan/"),
        "cascade": measure(signed_in(data["admin"]), f"/kaskade/{data['curriculum'].pk}/"),
    }
    report = {
        "database": f"{connection.vendor} {DB_PATH}",
        "requests_per_page": REQUESTS,
        "data": {
            "mentees": LIBRARIES * STAFF_PER_LIBRARY,
            "mentored_libraries": LIBRARIES,
            "visits": LIBRARIES * VISITS_PER_LIBRARY,
            "cascade_people": builder.tree_people,
            "cascade_edges": builder.tree_edges,
            "cascade_levels": 4,
            "build_seconds": round(built_s, 1),
        },
        "pages": pages,
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
