"""Demo cohorts, lineage, promotions and mentoring visits, loaded by `manage.py seed_demo`.

Runs after the demo network and the demo courses exist. The national master trainer
`pelatih` trained a handful of kabupaten facilitators per curriculum (one of whom, in each,
has trained no one yet); each of the others trained staff of their own regency's village
libraries in one or two cohorts, and one graduate per second cohort co-facilitated it and
was promoted to mentor. Every kabupaten facilitator mentors her regency's village
libraries and has logged visits with follow-ups over the last six months.

Loading is idempotent: every row is found by its natural key and only missing rows are
written. Dates are relative to the day the demo was first loaded (read back from the
national cohort), so a later run finds the same rows, and the dashboards show stalled
learners and overdue follow-ups as time goes by.
"""

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import selectors as courses
from lms.models import Library, StaffProfile
from lms.roles import GROUP_NAMES, Role

from .models import (
    Attendance,
    Cohort,
    CohortFacilitator,
    CohortParticipant,
    CohortSession,
    FollowUp,
    Level,
    MentorAssignment,
    Progression,
    Promotion,
    Tier,
    TrainingEdge,
    Visit,
)

SEED = "sebaya-demo:mentoring"
NATIONAL_COHORT = "Angkatan 1 Nasional"
HOME_MENTOR = "pendamping"  # the demo mentor account, Lumajang's facilitator
MOST_TRAINEES = 10
FEWEST_TRAINEES = 3
RUNNING_COHORT_SIZE = 8
VISIT_WINDOW_DAYS = 180


@dataclass(frozen=True)
class CascadePlan:
    """One curriculum's cascade: the regencies whose facilitator `pelatih` trained."""

    curriculum: str  # slug
    regencies: tuple[str, ...]  # codes of kabupaten/kota libraries
    idle: tuple[str, ...]  # of those, the facilitators who have trained no one yet
    national_days_ago: int  # when the national cohort started


CASCADES = (
    CascadePlan(
        "pelibatan-masyarakat",
        ("lumajang", "batang", "enrekang", "jepara", "kebumen", "gunungkidul"),
        ("gunungkidul",),
        560,
    ),
    CascadePlan(
        "teknologi-informasi",
        ("lumajang", "sukabumi", "demak", "pamekasan", "kebumen", "wonosobo"),
        ("wonosobo",),
        500,
    ),
)

# Visit content is data written by mentors, so it stays in Indonesian like course content.
TOPICS = (
    "rencana-kerja",
    "laporan-bulanan",
    "layanan-internet",
    "kegiatan-warga",
    "advokasi-desa",
    "dokumentasi",
    "literasi-informasi",
    "promosi-perpustakaan",
)
NOTES = (
    "Pengelola sudah menjalankan kelas komputer untuk ibu-ibu PKK dua kali sebulan. "
    "Pengunjung naik, tetapi daftar hadir belum rapi.",
    "Kepala desa hadir dan setuju memasukkan biaya internet ke rencana anggaran desa "
    "tahun depan. Perlu surat usulan resmi.",
    "Laporan bulanan dua bulan terakhir belum dikirim. Kami isi bersama formatnya dan "
    "menyepakati tanggal kirim setiap awal bulan.",
    "Karang Taruna ingin memakai ruang perpustakaan untuk pelatihan desain poster. "
    "Jadwal pemakaian komputer perlu diatur.",
    "Satu komputer rusak sejak bulan lalu. Layanan tetap jalan dengan dua komputer, "
    "antrean panjang pada sore hari.",
    "Cerita dampak tentang petani yang belajar harga pasar lewat internet sudah ditulis; "
    "tinggal foto dan persetujuan narasumber.",
    "Relawan baru belum pernah ikut pelatihan SPP. Disarankan ikut angkatan berikutnya "
    "dan belajar modul daring lebih dulu.",
    "Pertemuan lewat telepon karena jalan ke desa putus setelah hujan. Rencana kegiatan "
    "bulan depan dibahas singkat.",
)
ACTIONS = (
    "Kirim laporan bulanan ke perpustakaan kabupaten",
    "Susun usulan anggaran internet untuk musyawarah desa",
    "Rapikan daftar hadir kelas komputer",
    "Perbaiki atau ganti komputer yang rusak",
    "Tulis satu cerita dampak dengan foto",
    "Daftarkan relawan baru ke pelatihan SPP daring",
    "Jadwalkan kelas internet untuk Karang Taruna",
    "Pasang papan informasi layanan di balai desa",
)


@dataclass
class CohortPlan:
    name: str
    course_id: int
    host_id: int
    tier: str
    lead_id: int
    dates: list[date]
    status: str
    co_id: int | None = None
    co_signed_off_by: int | None = None  # None: not signed off yet
    participants: list[int] = field(default_factory=list)
    finishers: set[int] = field(default_factory=set)
    absent: dict[int, set[date]] = field(default_factory=dict)  # user id -> missed days
    instance: Cohort | None = None


@dataclass
class EdgePlan:
    trainee_id: int
    trainer_id: int
    curriculum_id: int
    cohort: CohortPlan
    tier: str


@dataclass
class FollowUpPlan:
    action: str
    owner_id: int
    due_on: date
    status: str
    done_on: date | None = None


@dataclass
class VisitPlan:
    mentor_id: int
    library_id: int
    visited_on: date
    mode: str
    attendee_ids: list[int]
    topics: list[str]
    notes: str
    next_visit_on: date
    follow_ups: list[FollowUpPlan] = field(default_factory=list)


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


class MentoringDemo:
    """Plans the whole demo in memory (always the same for the same data), then writes the
    rows that are missing."""

    def __init__(self):
        self.rng = random.Random(SEED)
        self.created: Counter[str] = Counter()
        self.cohorts: list[CohortPlan] = []
        self.edges: list[EdgePlan] = []
        self.levels: dict[tuple[int, int], int] = {}
        self.promotions: dict[tuple[int, int, int], tuple[int, int, date]] = {}
        self.assignments: dict[tuple[int, int], date] = {}
        self.visits: list[VisitPlan] = []

    # Planning

    def plan(self) -> bool:
        users = get_user_model().objects.in_bulk(
            ["pelatih", "admin", HOME_MENTOR], field_name="username"
        )
        self.trainer = users.get("pelatih")
        self.admin = users.get("admin")
        self.home_mentor = users.get(HOME_MENTOR)
        trainer_profile = StaffProfile.objects.filter(user=self.trainer).first()
        if not (self.trainer and self.admin and trainer_profile and trainer_profile.library_id):
            return False
        self.national_library_id = trainer_profile.library_id
        self.co_trainer_id = (
            StaffProfile.objects.filter(
                library_id=self.national_library_id,
                user__groups__name=GROUP_NAMES[Role.TRAINER],
            )
            .exclude(user=self.trainer)
            .order_by("user__username")
            .values_list("user_id", flat=True)
            .first()
        )
        self.mentors = self.regency_mentors()
        self.village_staff = self.staff_by_mentor_library()

        by_slug = {
            c.slug: c for c in courses.curricula().filter(slug__in=[p.curriculum for p in CASCADES])
        }
        plans = [
            (plan, by_slug[plan.curriculum]) for plan in CASCADES if plan.curriculum in by_slug
        ]
        if not plans:
            return False
        self.anchor = self.find_anchor(plans[0])
        self.plan_national_trainers([curriculum for _plan, curriculum in plans])
        for plan, curriculum in plans:
            self.plan_cascade(plan, curriculum)
        self.plan_mentoring()
        return True

    def regency_mentors(self) -> dict[str, StaffProfile]:
        """The kabupaten/kota facilitator holding the mentor role, by library code."""
        mentors: dict[str, StaffProfile] = {}
        profiles = (
            StaffProfile.objects.filter(
                library__kind=Library.Kind.REGENCY,
                user__is_active=True,
                user__groups__name=GROUP_NAMES[Role.MENTOR],
            )
            .select_related("library__regency")
            .order_by("library__code", "user__username")
        )
        for profile in profiles:
            mentors.setdefault(profile.library.code, profile)
        return mentors

    def staff_by_mentor_library(self) -> dict[int, list[StaffProfile]]:
        staff: dict[int, list[StaffProfile]] = {}
        profiles = (
            StaffProfile.objects.filter(
                library__kind__in=Library.MENTORED_KINDS,
                library__mentor_library__isnull=False,
                user__is_active=True,
            )
            .select_related("library")
            .order_by("library__code", "user__username")
        )
        for profile in profiles:
            staff.setdefault(profile.library.mentor_library_id, []).append(profile)
        return staff

    def find_anchor(self, first: tuple[CascadePlan, object]) -> date:
        plan, curriculum = first
        course = courses.courses_of(curriculum).first()
        started = (
            Cohort.objects.filter(name=NATIONAL_COHORT, course=course)
            .values_list("starts_on", flat=True)
            .first()
        )
        if started is None:
            return timezone.localdate()
        return started + timedelta(days=plan.national_days_ago)

    def day(self, days_ago: int) -> date:
        return self.anchor - timedelta(days=days_ago)

    def promote(self, user_id, curriculum_id, to_level: Level, approved_by, on: date) -> None:
        key = (user_id, curriculum_id, int(to_level))
        self.promotions[key] = (int(to_level) - 1, approved_by, on)
        level_key = (user_id, curriculum_id)
        self.levels[level_key] = max(self.levels.get(level_key, 0), int(to_level))

    def plan_national_trainers(self, curricula) -> None:
        for curriculum in curricula:
            self.promote(
                self.trainer.pk, curriculum.pk, Level.MASTER_TRAINER, self.admin.pk, self.day(900)
            )
            if self.co_trainer_id:
                self.promote(
                    self.co_trainer_id,
                    curriculum.pk,
                    Level.FACILITATOR,
                    self.trainer.pk,
                    self.day(700),
                )

    def plan_cascade(self, plan: CascadePlan, curriculum) -> None:
        course = courses.courses_of(curriculum).first()
        if course is None:
            return
        enrolments = courses.enrollments_in_curriculum(curriculum).values_list(
            "user_id", "completed_at"
        )
        completed = {user_id for user_id, done in enrolments if done}
        in_progress = {user_id for user_id, done in enrolments if not done} - completed

        facilitators = [self.mentors[code] for code in plan.regencies if code in self.mentors]
        start = self.day(plan.national_days_ago)
        national = CohortPlan(
            name=NATIONAL_COHORT,
            course_id=course.pk,
            host_id=self.national_library_id,
            tier=Tier.REGENCY,
            lead_id=self.trainer.pk,
            dates=[start + timedelta(days=i) for i in range(4)],
            status=Cohort.Status.FINISHED,
            co_id=self.co_trainer_id,
            co_signed_off_by=self.trainer.pk if self.co_trainer_id else None,
            participants=[f.user_id for f in facilitators],
            finishers={f.user_id for f in facilitators},
        )
        self.cohorts.append(national)
        certified = national.dates[-1]
        idle = [f for f in facilitators if f.library.code in plan.idle]
        for facilitator in facilitators:
            self.edges.append(
                EdgePlan(
                    facilitator.user_id, self.trainer.pk, curriculum.pk, national, Tier.REGENCY
                )
            )
            steps = [(Level.GRADUATE, 2), (Level.MENTOR, 45)]
            if facilitator not in idle:
                steps.append((Level.FACILITATOR, 100))
            for level, after in steps:
                on = certified + timedelta(days=after)
                self.promote(facilitator.user_id, curriculum.pk, level, self.trainer.pk, on)
        for facilitator in facilitators:
            if facilitator not in idle:
                self.plan_villages(
                    facilitator,
                    curriculum,
                    course,
                    qualified=certified + timedelta(days=100),
                    co=idle[0] if idle else None,
                    completed=completed,
                    in_progress=in_progress,
                )

    def plan_villages(
        self, facilitator, curriculum, course, *, qualified, co, completed, in_progress
    ):
        """One or two finished cohorts of the facilitator's village staff, and for the demo
        mentor a running one of those still learning."""
        rng = self.rng
        lead = facilitator.user_id
        regency = facilitator.library
        place = regency.regency.name
        staff = [p.user_id for p in self.village_staff.get(regency.pk, [])]
        learning = [user_id for user_id in staff if user_id in in_progress]
        done_first = [user_id for user_id in staff if user_id in completed]
        others = [u for u in staff if u not in in_progress and u not in completed]
        rng.shuffle(others)
        pool = done_first + others
        if len(pool) < FEWEST_TRAINEES:
            pool += learning[: FEWEST_TRAINEES - len(pool)]
            learning = [u for u in learning if u not in pool]
        if len(pool) < FEWEST_TRAINEES:
            return
        is_home = self.home_mentor is not None and lead == self.home_mentor.pk
        most = min(MOST_TRAINEES, len(pool))
        count = most if is_home else rng.randint(FEWEST_TRAINEES, most)
        trainees = pool[:count]
        groups = (
            [trainees]
            if count < 6
            else [trainees[: (count + 1) // 2], trainees[(count + 1) // 2 :]]
        )

        number = 0
        previous_end = qualified + timedelta(days=rng.randint(20, 90))
        graduates: list[int] = []
        for index, group in enumerate(groups):
            number += 1
            if index == 0:
                start = previous_end
            else:
                start = min(previous_end + timedelta(days=rng.randint(45, 100)), self.day(60))
                start = max(start, previous_end + timedelta(days=14))
            sessions = rng.randint(2, 4)
            dates = [start + timedelta(days=i) for i in range(sessions)]
            cohort = CohortPlan(
                name=f"Angkatan {number} {place}",
                course_id=course.pk,
                host_id=regency.pk,
                tier=Tier.VILLAGE,
                lead_id=lead,
                dates=dates,
                status=Cohort.Status.FINISHED,
                participants=list(group),
                finishers=set(group),
            )
            if index == 0:
                if co is not None:
                    cohort.co_id, cohort.co_signed_off_by = co.user_id, self.trainer.pk
                if learning and not is_home:
                    dropout = learning.pop(0)
                    cohort.participants.append(dropout)
                    cohort.absent[dropout] = {dates[-1]}
            else:
                helper = rng.choice(graduates)
                cohort.co_id, cohort.co_signed_off_by = helper, lead
                self.promote(
                    helper, curriculum.pk, Level.MENTOR, lead, dates[-1] + timedelta(days=14)
                )
            self.cohorts.append(cohort)
            for trainee in group:
                self.edges.append(EdgePlan(trainee, lead, curriculum.pk, cohort, Tier.VILLAGE))
                self.promote(
                    trainee, curriculum.pk, Level.GRADUATE, lead, dates[-1] + timedelta(days=3)
                )
            graduates.extend(group)
            previous_end = dates[-1]

        if is_home and learning:
            number += 1
            running = CohortPlan(
                name=f"Angkatan {number} {place}",
                course_id=course.pk,
                host_id=regency.pk,
                tier=Tier.VILLAGE,
                lead_id=lead,
                dates=[self.day(9), self.day(8), self.day(-4), self.day(-5)],
                status=Cohort.Status.RUNNING,
                co_id=graduates[0],
                participants=learning[:RUNNING_COHORT_SIZE],
            )
            for user_id in running.participants[::3]:
                running.absent[user_id] = {self.day(8)}
            self.cohorts.append(running)

    def plan_mentoring(self) -> None:
        rng = self.rng
        libraries: dict[int, list[Library]] = {}
        for library in Library.objects.filter(
            kind__in=Library.MENTORED_KINDS, mentor_library__isnull=False
        ).order_by("code"):
            libraries.setdefault(library.mentor_library_id, []).append(library)
        staff_of: dict[int, list[int]] = {}
        for profiles in self.village_staff.values():
            for profile in profiles:
                staff_of.setdefault(profile.library_id, []).append(profile.user_id)

        for mentor in self.mentors.values():  # in library code order
            home = self.home_mentor is not None and mentor.user_id == self.home_mentor.pk
            mentored = libraries.get(mentor.library_id, [])
            since = self.day(720 if home else rng.randint(200, 700))
            for library in mentored:
                self.assignments[(mentor.user_id, library.pk)] = since
            for position, library in enumerate(mentored):
                attendees = staff_of.get(library.pk, [])
                if not attendees:
                    continue
                if home:
                    count = rng.randint(2, 4)
                    # The last library has not been visited for months: its visit is overdue.
                    window = (
                        range(95, VISIT_WINDOW_DAYS)
                        if position == len(mentored) - 1
                        else range(3, VISIT_WINDOW_DAYS)
                    )
                else:
                    count = rng.choice((0, 1, 1, 2))
                    window = range(3, VISIT_WINDOW_DAYS)
                for days_ago in sorted(rng.sample(window, count), reverse=True):
                    self.visits.append(
                        self.plan_visit(mentor.user_id, library, attendees, days_ago)
                    )
        if self.home_mentor is not None:
            self.make_home_mentor_varied()

    def plan_visit(self, mentor_id, library, staff, days_ago) -> VisitPlan:
        rng = self.rng
        visited = self.day(days_ago)
        attendees = rng.sample(staff, min(len(staff), rng.randint(1, 3)))
        visit = VisitPlan(
            mentor_id=mentor_id,
            library_id=library.pk,
            visited_on=visited,
            mode=rng.choices(
                (Visit.Mode.VISIT, Visit.Mode.ONLINE, Visit.Mode.PHONE), weights=(6, 2, 2)
            )[0],
            attendee_ids=attendees,
            topics=rng.sample(TOPICS, 2),
            notes=rng.choice(NOTES),
            next_visit_on=visited + timedelta(days=rng.randint(21, 45)),
        )
        for action in rng.sample(ACTIONS, rng.randint(1, 2)):
            owner = mentor_id if rng.random() < 0.2 else rng.choice(attendees)
            due = visited + timedelta(days=rng.randint(7, 30))
            status, done_on = FollowUp.Status.OPEN, None
            if due < self.anchor:
                status = rng.choices(
                    (FollowUp.Status.DONE, FollowUp.Status.OPEN, FollowUp.Status.CANCELLED),
                    weights=(55, 35, 10),
                )[0]
                if status == FollowUp.Status.DONE:
                    done_on = max(visited, due - timedelta(days=rng.randint(0, 5)))
            visit.follow_ups.append(FollowUpPlan(action, owner, due, status, done_on))
        return visit

    def make_home_mentor_varied(self) -> None:
        """The demo mentor's dashboard shows every case: done, overdue and upcoming."""
        own = [v for v in self.visits if v.mentor_id == self.home_mentor.pk]
        if len(own) < 3:
            return
        own.sort(key=lambda v: v.visited_on)
        done, overdue, upcoming = (
            own[0].follow_ups[0],
            own[1].follow_ups[0],
            own[-1].follow_ups[0],
        )
        done.status, done.done_on = FollowUp.Status.DONE, min(done.due_on, self.anchor)
        # Visits are at least three days old, so a due date yesterday is after the visit.
        overdue.due_on = min(overdue.due_on, self.day(1))
        overdue.status, overdue.done_on = FollowUp.Status.OPEN, None
        upcoming.due_on = max(upcoming.due_on, self.day(-14))
        upcoming.status, upcoming.done_on = FollowUp.Status.OPEN, None

    # Writing

    def write(self) -> None:
        self.write_cohorts()
        self.write_lineage()
        self.write_mentoring()

    def add(self, model, rows: list) -> None:
        if rows:
            model.objects.bulk_create(rows)
            self.created[model.__name__] += len(rows)

    def saved(self, instance):
        instance.save()
        self.created[type(instance).__name__] += 1
        return instance

    def write_cohorts(self) -> None:
        course_ids = {plan.course_id for plan in self.cohorts}
        existing = {
            (cohort.course_id, cohort.name): cohort
            for cohort in Cohort.objects.filter(course_id__in=course_ids)
        }
        cohort_ids = [cohort.pk for cohort in existing.values()]
        sessions = {
            (s.cohort_id, s.date): s for s in CohortSession.objects.filter(cohort_id__in=cohort_ids)
        }
        facilitating = set(
            CohortFacilitator.objects.filter(cohort_id__in=cohort_ids).values_list(
                "cohort_id", "user_id"
            )
        )
        participating = set(
            CohortParticipant.objects.filter(cohort_id__in=cohort_ids).values_list(
                "cohort_id", "user_id"
            )
        )
        attended = set(
            Attendance.objects.filter(session__cohort_id__in=cohort_ids).values_list(
                "session_id", "user_id"
            )
        )
        today = self.anchor
        facilitators, participants, attendance = [], [], []
        for plan in self.cohorts:
            finished = plan.status == Cohort.Status.FINISHED
            cohort = existing.get((plan.course_id, plan.name))
            if cohort is None:
                cohort = self.saved(
                    Cohort(
                        name=plan.name,
                        course_id=plan.course_id,
                        host_library_id=plan.host_id,
                        tier=plan.tier,
                        starts_on=plan.dates[0],
                        ends_on=plan.dates[-1],
                        status=plan.status,
                        finished_at=_at(plan.dates[-1], 16) if finished else None,
                        created_by_id=plan.lead_id,
                    )
                )
            plan.instance = cohort
            roles = [(plan.lead_id, CohortFacilitator.Role.LEAD, None)]
            if plan.co_id:
                roles.append((plan.co_id, CohortFacilitator.Role.CO, plan.co_signed_off_by))
            for user_id, role, signer in roles:
                if (cohort.pk, user_id) not in facilitating:
                    facilitators.append(
                        CohortFacilitator(
                            cohort=cohort,
                            user_id=user_id,
                            role=role,
                            signed_off_by_id=signer,
                            signed_off_at=_at(plan.dates[-1] + timedelta(days=3))
                            if signer
                            else None,
                        )
                    )
            for user_id in plan.participants:
                if (cohort.pk, user_id) not in participating:
                    participants.append(
                        CohortParticipant(
                            cohort=cohort,
                            user_id=user_id,
                            finished_at=_at(plan.dates[-1], 16)
                            if user_id in plan.finishers
                            else None,
                        )
                    )
            for day in plan.dates:
                session = sessions.get((cohort.pk, day))
                if session is None:
                    session = self.saved(
                        CohortSession(
                            cohort=cohort,
                            date=day,
                            title=f"Hari {plan.dates.index(day) + 1}",
                        )
                    )
                if day > today:
                    continue
                for user_id in plan.participants:
                    if day in plan.absent.get(user_id, ()):
                        continue
                    if (session.pk, user_id) not in attended:
                        attendance.append(
                            Attendance(
                                session=session, user_id=user_id, recorded_by_id=plan.lead_id
                            )
                        )
        self.add(CohortFacilitator, facilitators)
        self.add(CohortParticipant, participants)
        self.add(Attendance, attendance)

    def write_lineage(self) -> None:
        curriculum_ids = {edge.curriculum_id for edge in self.edges} | {
            curriculum_id for _user, curriculum_id in self.levels
        }
        edges = set(
            TrainingEdge.objects.filter(curriculum_id__in=curriculum_ids).values_list(
                "trainee_id", "trainer_id", "curriculum_id"
            )
        )
        self.add(
            TrainingEdge,
            [
                TrainingEdge(
                    trainee_id=edge.trainee_id,
                    trainer_id=edge.trainer_id,
                    curriculum_id=edge.curriculum_id,
                    cohort=edge.cohort.instance,
                    tier=edge.tier,
                    trained_on=edge.cohort.dates[-1],
                )
                for edge in self.edges
                if (edge.trainee_id, edge.trainer_id, edge.curriculum_id) not in edges
            ],
        )
        levels = set(
            Progression.objects.filter(curriculum_id__in=curriculum_ids).values_list(
                "user_id", "curriculum_id"
            )
        )
        self.add(
            Progression,
            [
                Progression(user_id=user_id, curriculum_id=curriculum_id, level=level)
                for (user_id, curriculum_id), level in self.levels.items()
                if (user_id, curriculum_id) not in levels
            ],
        )
        promoted = set(
            Promotion.objects.filter(curriculum_id__in=curriculum_ids).values_list(
                "user_id", "curriculum_id", "to_level"
            )
        )
        self.add(
            Promotion,
            [
                Promotion(
                    user_id=user_id,
                    curriculum_id=curriculum_id,
                    from_level=from_level,
                    to_level=to_level,
                    approved_by_id=approved_by,
                    promoted_at=_at(on),
                )
                for (user_id, curriculum_id, to_level), (
                    from_level,
                    approved_by,
                    on,
                ) in self.promotions.items()
                if (user_id, curriculum_id, to_level) not in promoted
            ],
        )

    def write_mentoring(self) -> None:
        mentor_ids = {mentor for mentor, _library in self.assignments}
        assigned = set(
            MentorAssignment.objects.filter(
                mentor_id__in=mentor_ids, library__isnull=False
            ).values_list("mentor_id", "library_id")
        )
        self.add(
            MentorAssignment,
            [
                MentorAssignment(mentor_id=mentor, library_id=library, starts_on=since)
                for (mentor, library), since in self.assignments.items()
                if (mentor, library) not in assigned
            ],
        )
        visits = {
            (v.mentor_id, v.library_id, v.visited_on): v
            for v in Visit.objects.filter(mentor_id__in=mentor_ids)
        }
        follow_ups = set(
            FollowUp.objects.filter(visit__mentor_id__in=mentor_ids).values_list(
                "visit_id", "action"
            )
        )
        new_follow_ups = []
        for plan in self.visits:
            visit = visits.get((plan.mentor_id, plan.library_id, plan.visited_on))
            if visit is None:
                visit = Visit(
                    mentor_id=plan.mentor_id,
                    library_id=plan.library_id,
                    visited_on=plan.visited_on,
                    mode=plan.mode,
                    notes=plan.notes,
                    next_visit_on=plan.next_visit_on,
                )
                visit.topics.add(*plan.topics)
                self.saved(visit)
                visit.attendees.set(plan.attendee_ids)
            for follow_up in plan.follow_ups:
                if (visit.pk, follow_up.action) in follow_ups:
                    continue
                new_follow_ups.append(
                    FollowUp(
                        visit=visit,
                        action=follow_up.action,
                        owner_id=follow_up.owner_id,
                        due_on=follow_up.due_on,
                        status=follow_up.status,
                        done_at=_at(follow_up.done_on, 15) if follow_up.done_on else None,
                    )
                )
        self.add(FollowUp, new_follow_ups)

    def counts(self) -> dict[str, int]:
        return {
            "cohorts": len(self.cohorts),
            "edges": len(self.edges),
            "promotions": len(self.promotions),
            "assignments": len(self.assignments),
            "visits": len(self.visits),
            "follow_ups": sum(len(v.follow_ups) for v in self.visits),
            "created": sum(self.created.values()),
        }


def load(*, stdout) -> None:
    with transaction.atomic():
        demo = MentoringDemo()
        if not demo.plan():
            stdout.write(_("Demo mentoring skipped: load the demo network and courses first."))
            return
        demo.write()
    stdout.write(
        _(
            "Demo mentoring: %(cohorts)d cohorts, %(edges)d lineage edges, %(promotions)d "
            "promotions, %(assignments)d mentoring assignments, %(visits)d visits, "
            "%(follow_ups)d follow-ups (%(created)d rows created)."
        )
        % demo.counts()
    )
