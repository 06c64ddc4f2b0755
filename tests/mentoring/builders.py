"""Builders for cohorts and lineage chains, shared by the mentoring tests."""

import datetime
import itertools
from dataclasses import dataclass, field

from wagtail.models import Page

from courses import selectors as course_selectors
from courses.models import CoursePage, CurriculumPage
from courses.services.enrollment import enrollment_create
from courses.services.progress import progress_record
from lms.models import Library
from lms.roles import Role
from mentoring.models import Cohort, CohortSession, Level, Progression, Tier, TrainingEdge
from mentoring.services.cohorts import (
    attendance_record,
    cohort_add_participants,
    cohort_add_sessions,
    cohort_create,
)
from tests.courses import factories as course_factories
from tests.lms import factories

_seq = itertools.count(1)

STARTS_ON = datetime.date(2024, 3, 4)


def person(*, curriculum=None, level: int | None = None, role=Role.LEARNER, library=None, **kw):
    """A staff member; with `curriculum` and `level`, at that level of its progression."""
    user = factories.user(role=role, library=library, **kw)
    if curriculum is not None and level is not None:
        Progression.objects.create(user=user, curriculum=curriculum, level=level)
    return user


def facilitator(curriculum, *, level: int = Level.FACILITATOR, role=Role.TRAINER, **kw):
    """A trainer who may lead cohorts of `curriculum` (a facilitator of it by default)."""
    return person(curriculum=curriculum, level=level, role=role, **kw)


def small_course(curriculum: CurriculumPage | None = None, **kw) -> CoursePage:
    """A live course of one module with two lessons and no quiz: quick to complete."""
    return course_factories.course(
        parent=curriculum, modules=1, lessons_per_module=kw.pop("lessons", 2), quiz=False, **kw
    )


def complete_course(user, course: CoursePage) -> None:
    """Completes every item of `course` for `user` through the progress service, enrolling
    her first if needed; `course_completed` is sent when the transaction commits."""
    enrollment_create(user=user, course=course, check_prerequisites=False)
    for item in course_selectors.course_items(course):
        page = Page.objects.get(pk=item.page_id)
        progress_record(user=user, page=page, kind=course_selectors.DONE_KIND[item.kind])


def network():
    """A kabupaten library and a village library it mentors, in one regency."""
    regency_library = factories.library(kind=Library.Kind.REGENCY)
    village = factories.library(
        kind=Library.Kind.VILLAGE,
        regency=regency_library.regency,
        mentor_library=regency_library,
    )
    return regency_library, village


@dataclass
class CohortSetup:
    cohort: Cohort
    course: CoursePage
    curriculum: CurriculumPage
    lead: object
    co: object | None
    participants: list
    sessions: list[CohortSession]
    host_library: Library
    regency_library: Library
    extra: dict = field(default_factory=dict)

    def attend(self, users=None, sessions=None) -> None:
        """Marks `users` (default: everyone) present at `sessions` (default: all), replacing
        whatever those sessions recorded before."""
        ids = [u.pk for u in (self.participants if users is None else users)]
        for session in self.sessions if sessions is None else sessions:
            attendance_record(session=session, present_user_ids=ids, recorded_by=self.lead)


def cohort(
    *,
    participants: int = 3,
    sessions: int = 3,
    curriculum: CurriculumPage | None = None,
    course: CoursePage | None = None,
    lead=None,
    co: bool | object = True,
    host_library: Library | None = None,
    tier: str = Tier.VILLAGE,
    attendance_threshold: int = 80,
    starts_on: datetime.date = STARTS_ON,
    name: str | None = None,
) -> CohortSetup:
    """A cohort built through the services: a trainer leads it (a facilitator of the
    curriculum), a co-facilitator helps, village staff take part, sessions on
    consecutive days."""
    if course is None:
        curriculum = curriculum or course_factories.curriculum()
        course = small_course(curriculum)
    else:
        curriculum = course_selectors.curriculum_of(course)
    if host_library is None:
        regency_library, host_library = network()
    else:
        regency_library = host_library.mentor_library or host_library
    lead = lead or facilitator(curriculum, library=regency_library, first_name="Lead")
    if co is True:
        co = person(
            curriculum=curriculum,
            level=Level.MENTOR,
            role=Role.MENTOR,
            library=regency_library,
            first_name="Co",
        )
    co = co or None
    days = max(sessions, 1)
    created = cohort_create(
        course=course,
        name=name or f"Angkatan {next(_seq)}",
        host_library=host_library,
        tier=tier,
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=days - 1),
        lead_facilitators=[lead],
        co_facilitators=[co] if co else [],
        created_by=lead,
        attendance_threshold=attendance_threshold,
    )
    session_rows = cohort_add_sessions(
        cohort=created,
        dates=[starts_on + datetime.timedelta(days=i) for i in range(sessions)],
    )
    people = [
        person(library=host_library, first_name=f"Peserta {next(_seq):04d}")
        for _ in range(participants)
    ]
    if people:
        cohort_add_participants(cohort=created, users=people, added_by=lead)
    return CohortSetup(
        cohort=created,
        course=course,
        curriculum=curriculum,
        lead=lead,
        co=co,
        participants=people,
        sessions=session_rows,
        host_library=host_library,
        regency_library=regency_library,
    )


@dataclass
class LineageChain:
    curriculum: CurriculumPage
    people: list  # people[0] trained people[1], who trained people[2], ...
    edges: list[TrainingEdge]


CHAIN_TIERS = (Tier.NATIONAL, Tier.REGENCY, Tier.VILLAGE)


def lineage_chain(
    *, curriculum: CurriculumPage | None = None, depth: int = 3, start=None
) -> LineageChain:
    """`depth` people each trained by the one before, written straight to the tables: a
    master trainer (or `start`), facilitators, and a graduate at the end. Tiers count up from
    the last edge: village, then kabupaten/kota, then national."""
    curriculum = curriculum or course_factories.curriculum()
    people = [start] if start is not None else []
    while len(people) < depth:
        index = len(people)
        if index == 0:
            level = Level.MASTER_TRAINER
        elif index == depth - 1:
            level = Level.GRADUATE
        else:
            level = Level.FACILITATOR
        people.append(
            person(
                curriculum=curriculum,
                level=level,
                role=Role.TRAINER if level >= Level.FACILITATOR else Role.LEARNER,
                first_name=f"Generasi {index}",
            )
        )
    edges = [
        TrainingEdge.objects.create(
            trainee=trainee,
            trainer=trainer,
            curriculum=curriculum,
            tier=CHAIN_TIERS[max(0, len(CHAIN_TIERS) - (depth - 1) + i)],
            trained_on=STARTS_ON + datetime.timedelta(days=30 * i),
        )
        for i, (trainer, trainee) in enumerate(itertools.pairwise(people))
    ]
    return LineageChain(curriculum=curriculum, people=people, edges=edges)
