"""The cascade and mentoring for `seed_demo --scale` (see lms.scale).

In every curriculum the national trainers train each kabupaten/kota library's staff (one
cohort per kabupaten and course), whose facilitator then trains the village staff who
completed the village course (one cohort per kabupaten and course): a three-tier lineage.
Each facilitator mentors all the village libraries of her kabupaten, visits them over the
last year and leaves follow-up actions, some of them overdue.
"""

from collections import defaultdict
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import selectors as course_selectors
from lms.models import Library, StaffProfile
from lms.roles import GROUP_NAMES, Role
from lms.scale import SYNTHETIC_PREFIX, USERNAME_PREFIX, ScaleRun

from .models import (
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

COHORT_DAYS = 3
FOLLOW_UP_ACTIONS = (
    "Perbarui data pengunjung bulanan",
    "Jadwalkan pelatihan komputer untuk ibu-ibu PKK",
    "Ajukan anggaran internet ke pemerintah desa",
    "Dokumentasikan kegiatan kelas menjahit",
    "Siapkan cerita dampak untuk pertemuan belajar sebaya",
)


def _at(day, hour: int = 16) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


class CascadeGenerator:
    def __init__(self, run: ScaleRun):
        self.run = run
        self.rng = run.rng("mentoring")
        self.today = run.today
        self.counts = defaultdict(int)

    def generate(self) -> dict[str, int]:
        User = get_user_model()
        self.admin = User.objects.filter(is_superuser=True).order_by("pk").first()
        trainers = list(
            User.objects.filter(
                username__startswith=USERNAME_PREFIX, groups__name=GROUP_NAMES[Role.TRAINER]
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if not trainers:
            return {}
        self.load_people()
        for curriculum in course_selectors.curricula():
            courses = list(course_selectors.courses_of(curriculum))
            for course in courses:
                if course.tier == "regency":
                    self.regency_cohorts(curriculum, course, trainers)
                else:
                    self.village_cohorts(curriculum, course)
        self.write_levels()
        self.mentoring()
        self.counts["lineage_edges"] = TrainingEdge.objects.count()
        return dict(self.counts)

    def load_people(self) -> None:
        profiles = StaffProfile.objects.filter(
            user__username__startswith=USERNAME_PREFIX,
            library__code__startswith=SYNTHETIC_PREFIX,
        ).values_list(
            "user_id", "library_id", "library__kind", "library__mentor_library_id", "position"
        )
        self.regency_staff = defaultdict(list)  # regency library id -> [user ids]
        self.facilitator = {}  # regency library id -> the facilitator's user id
        self.library_of = {}
        self.mentor_library_of = {}
        self.village_staff = defaultdict(list)  # village library id -> [user ids]
        for user_id, library_id, kind, mentor_library_id, position in profiles:
            self.library_of[user_id] = library_id
            if kind == Library.Kind.REGENCY:
                self.regency_staff[library_id].append(user_id)
                if position == StaffProfile.Position.FACILITATOR:
                    self.facilitator[library_id] = user_id
            elif kind in Library.MENTORED_KINDS:
                self.village_staff[library_id].append(user_id)
                self.mentor_library_of[library_id] = mentor_library_id
        self.completed = defaultdict(dict)  # course id -> {user id: completed on}
        synthetic = get_user_model().objects.filter(username__startswith=USERNAME_PREFIX)
        for user_id, course_id, completed_at in course_selectors.completions(
            user_ids=synthetic.values("pk")
        ):
            self.completed[course_id][user_id] = timezone.localdate(completed_at)
        self.levels = {}  # (user id, curriculum id) -> level

    def level(self, user_id, curriculum_id, level: Level) -> None:
        key = (user_id, curriculum_id)
        self.levels[key] = max(self.levels.get(key, Level.PARTICIPANT), level)

    def cohort(self, *, name, course, host_id, tier, lead_id, participants, ends_on):
        """One finished cohort with its sessions, lead facilitator and participants."""
        starts_on = ends_on - timedelta(days=COHORT_DAYS - 1)
        cohort = Cohort.objects.create(
            name=name,
            course=course,
            host_library_id=host_id,
            tier=tier,
            starts_on=starts_on,
            ends_on=ends_on,
            status=Cohort.Status.FINISHED,
            finished_at=_at(ends_on),
            created_by_id=lead_id,
        )
        CohortSession.objects.bulk_create(
            [
                CohortSession(
                    cohort=cohort, date=starts_on + timedelta(days=n), title=f"Hari {n + 1}"
                )
                for n in range(COHORT_DAYS)
            ]
        )
        CohortFacilitator.objects.create(cohort=cohort, user_id=lead_id)
        CohortParticipant.objects.bulk_create(
            [
                CohortParticipant(cohort=cohort, user_id=user_id, finished_at=_at(ends_on))
                for user_id in participants
            ]
        )
        self.counts["cohorts"] += 1
        self.counts["cohort_participants"] += len(participants)
        return cohort

    def edges(self, cohort, trainer_id, trainees, curriculum, tier, on) -> None:
        TrainingEdge.objects.bulk_create(
            [
                TrainingEdge(
                    trainee_id=trainee,
                    trainer_id=trainer_id,
                    curriculum=curriculum,
                    cohort=cohort,
                    tier=tier,
                    trained_on=on,
                )
                for trainee in trainees
                if trainee != trainer_id
            ],
            # A trainee who completed two courses of one curriculum is one edge.
            ignore_conflicts=True,
        )

    def regency_cohorts(self, curriculum, course, trainers) -> None:
        """A national trainer trains each kabupaten library's staff: its facilitator
        always, the others who completed the course."""
        done = self.completed[course.pk]
        libraries = sorted(self.regency_staff)
        bar = self.run.bar(_("Cascade: %(course)s") % {"course": course.title[:20]}, len(libraries))
        for n, library_id in enumerate(libraries):
            trainer = trainers[n % len(trainers)]
            facilitator = self.facilitator.get(library_id)
            trainees = [u for u in self.regency_staff[library_id] if u in done or u == facilitator]
            if not trainees:
                bar.advance()
                continue
            ends_on = min(
                [done[u] for u in trainees if u in done] or [self.today - timedelta(days=600)]
            )
            cohort = self.cohort(
                name=f"Angkatan {course.title[:60]} {n + 1}",
                course=course,
                host_id=library_id,
                tier=Tier.REGENCY,
                lead_id=trainer,
                participants=trainees,
                ends_on=ends_on,
            )
            self.edges(cohort, trainer, trainees, curriculum, Tier.REGENCY, ends_on)
            self.level(trainer, curriculum.pk, Level.MASTER_TRAINER)
            for trainee in trainees:
                self.level(trainee, curriculum.pk, Level.GRADUATE)
            if facilitator:
                self.level(facilitator, curriculum.pk, Level.FACILITATOR)
            bar.advance()
        bar.finish()

    def village_cohorts(self, curriculum, course) -> None:
        """Each facilitator trains the village staff of her kabupaten who completed it."""
        done = self.completed[course.pk]
        by_regency = defaultdict(list)
        for library_id, staff in self.village_staff.items():
            for user_id in staff:
                if user_id in done:
                    by_regency[self.mentor_library_of[library_id]].append(user_id)
        bar = self.run.bar(
            _("Cascade: %(course)s") % {"course": course.title[:20]}, len(by_regency)
        )
        for n, (regency_library_id, trainees) in enumerate(sorted(by_regency.items())):
            facilitator = self.facilitator.get(regency_library_id)
            if facilitator is None:
                bar.advance()
                continue
            ends_on = min(done[u] for u in trainees)
            cohort = self.cohort(
                name=f"Angkatan {course.title[:60]} Desa {n + 1}",
                course=course,
                host_id=regency_library_id,
                tier=Tier.VILLAGE,
                lead_id=facilitator,
                participants=trainees,
                ends_on=ends_on,
            )
            self.edges(cohort, facilitator, trainees, curriculum, Tier.VILLAGE, ends_on)
            self.level(facilitator, curriculum.pk, Level.FACILITATOR)
            for trainee in trainees:
                self.level(trainee, curriculum.pk, Level.GRADUATE)
            bar.advance()
        bar.finish()

    def write_levels(self) -> None:
        self.run.bulk_create(
            Progression,
            (
                Progression(user_id=user_id, curriculum_id=curriculum_id, level=level)
                for (user_id, curriculum_id), level in self.levels.items()
            ),
            label=_("Progressions"),
            total=len(self.levels),
            keep=False,
        )
        promoted = [
            (key, level)
            for key, level in self.levels.items()
            if level >= Level.FACILITATOR and self.admin is not None
        ]
        Promotion.objects.bulk_create(
            [
                Promotion(
                    user_id=user_id,
                    curriculum_id=curriculum_id,
                    from_level=Level.GRADUATE,
                    to_level=level,
                    approved_by=self.admin,
                    promoted_at=_at(self.today - timedelta(days=self.rng.randint(60, 600))),
                )
                for (user_id, curriculum_id), level in promoted
            ],
            batch_size=5000,
        )
        self.counts["progressions"] = len(self.levels)
        self.counts["promotions"] = len(promoted)

    def mentoring(self) -> None:
        """Assignments of each facilitator to her kabupaten's villages, a year of visits
        (one to three per village) and follow-ups, a third still open."""
        since = self.today - timedelta(days=730)
        villages = sorted(self.village_staff)
        pairs = [
            (self.facilitator[self.mentor_library_of[v]], v)
            for v in villages
            if self.mentor_library_of.get(v) in self.facilitator
        ]
        self.run.bulk_create(
            MentorAssignment,
            (MentorAssignment(mentor_id=m, library_id=v, starts_on=since) for m, v in pairs),
            label=_("Mentoring assignments"),
            total=len(pairs),
            keep=False,
        )
        plans = []
        for mentor_id, library_id in pairs:
            for _visit in range(self.rng.randint(1, 3)):
                plans.append(
                    (mentor_id, library_id, self.today - timedelta(days=self.rng.randint(1, 365)))
                )
        visits = self.run.bulk_create(
            Visit,
            (
                Visit(
                    mentor_id=mentor_id,
                    library_id=library_id,
                    visited_on=day,
                    notes="Pendampingan rutin: data pengunjung, kegiatan, dan rencana bulan depan.",
                    next_visit_on=day + timedelta(days=90),
                )
                for mentor_id, library_id, day in plans
            ),
            label=_("Visits"),
            total=len(plans),
        )
        Attendee = Visit.attendees.through
        self.run.bulk_create(
            Attendee,
            (
                Attendee(visit_id=visit.pk, user_id=self.village_staff[visit.library_id][0])
                for visit in visits
            ),
            label=_("Visit attendees"),
            total=len(visits),
            keep=False,
        )
        follow_ups = []
        for visit in visits:
            if self.rng.random() < 0.5:
                continue
            due = visit.visited_on + timedelta(days=self.rng.randint(14, 60))
            open_ = self.rng.random() < 0.33
            follow_ups.append(
                FollowUp(
                    visit_id=visit.pk,
                    action=self.rng.choice(FOLLOW_UP_ACTIONS),
                    owner_id=self.village_staff[visit.library_id][0],
                    due_on=due,
                    status=FollowUp.Status.OPEN if open_ else FollowUp.Status.DONE,
                    done_at=None if open_ else _at(min(due, self.today)),
                )
            )
        self.run.bulk_create(FollowUp, follow_ups, label=_("Follow-ups"), keep=False)
        self.counts["assignments"] = len(pairs)
        self.counts["visits"] = len(visits)
        self.counts["follow_ups"] = len(follow_ups)


def generate(run: ScaleRun) -> dict[str, int]:
    return CascadeGenerator(run).generate()
