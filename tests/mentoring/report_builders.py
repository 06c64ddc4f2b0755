"""Test builders for the district and fidelity reports: regencies, visits, quiz attempts."""

import datetime

from django.utils import timezone

from courses.models import Enrollment, QuizAttempt
from courses.services.enrollment import enrollment_create
from courses.services.quiz import quiz_attempt_start, quiz_attempt_submit
from lms.models import Library
from lms.roles import Role
from mentoring.models import (
    Cohort,
    CohortParticipant,
    FollowUp,
    Tier,
    TrainingEdge,
    Visit,
)
from tests.courses import factories as course_factories
from tests.lms import factories


def district_mentor(regency):
    """A mentor on the staff of the regency's kabupaten/kota library: she owns its view."""
    regency_library = Library.objects.filter(regency=regency, kind=Library.Kind.REGENCY).first()
    if regency_library is None:
        regency_library = factories.library(kind=Library.Kind.REGENCY, regency=regency)
    return factories.user(role=Role.MENTOR, library=regency_library)


def villages(regency, count: int, *, kind=Library.Kind.VILLAGE) -> list[Library]:
    return [factories.library(kind=kind, regency=regency) for _ in range(count)]


def staff(library, *, role=Role.LEARNER):
    return factories.user(role=role, library=library)


def enrol(user, course, *, completed: bool = False) -> Enrollment:
    enrollment = enrollment_create(user=user, course=course, check_prerequisites=False)
    if completed:
        Enrollment.objects.filter(pk=enrollment.pk).update(completed_at=timezone.now())
    return enrollment


def bulk_enrol(users, course, *, completed: bool = False) -> None:
    """Many enrolments at once, for data-size tests (bypasses the service's checks)."""
    now = timezone.now()
    Enrollment.objects.bulk_create(
        [
            Enrollment(
                user=user, course=course, enrolled_at=now, completed_at=now if completed else None
            )
            for user in users
        ]
    )


def visit(*, mentor, library, on: datetime.date, follow_ups=()) -> Visit:
    """A visit; `follow_ups` is a list of (due_on, status) pairs, owned by the mentor."""
    record = Visit.objects.create(mentor=mentor, library=library, visited_on=on)
    for due_on, status in follow_ups:
        FollowUp.objects.create(
            visit=record, action="Susun rencana kerja", owner=mentor, due_on=due_on, status=status
        )
    return record


def cohort(*, course, host_library, starts_on: datetime.date, participants=()) -> Cohort:
    record = Cohort.objects.create(
        name=f"Angkatan {host_library.name}",
        course=course,
        host_library=host_library,
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=3),
    )
    CohortParticipant.objects.bulk_create(
        [CohortParticipant(cohort=record, user=user) for user in participants]
    )
    return record


def edge(*, trainee, trainer, curriculum, tier=Tier.VILLAGE) -> TrainingEdge:
    return TrainingEdge.objects.create(
        trainee=trainee,
        trainer=trainer,
        curriculum=curriculum,
        tier=tier,
        trained_on=timezone.localdate(),
    )


# Quiz attempts through the courses services. The factories' quiz has four questions; the
# right answers are option 0 of Q1, options 0+1 of Q2, "true" for Q3 and "TIK" for Q4.


def _responses(attempt, quiz, right: int) -> dict:
    """Responses with the first `right` questions (in authored order) answered correctly."""
    options = attempt.layout["options"]
    responses = {}
    for index, block in enumerate(quiz.questions):
        correct = index < right
        ids = options.get(block.id, [])
        if block.block_type == "single_choice":
            responses[block.id] = [ids[0] if correct else ids[1]]
        elif block.block_type == "multiple_choice":
            responses[block.id] = ids[:2] if correct else [ids[2]]
        elif block.block_type == "true_false":
            responses[block.id] = "true" if correct else "false"
        else:
            responses[block.id] = "TIK" if correct else "salah"
    return responses


def take_quiz(user, quiz, *, right: int) -> QuizAttempt:
    """One submitted attempt scoring right * 25 percent; the user must be enrolled."""
    attempt = quiz_attempt_start(user=user, quiz=quiz)
    return quiz_attempt_submit(
        attempt=attempt, user=user, responses=_responses(attempt, quiz, right)
    )


def quiz_course(curriculum):
    """A course of one module with one quiz; returns (course, quiz)."""
    course = course_factories.course(parent=curriculum, lessons_per_module=1)
    return course, course_factories.quizzes(course)[0]


def bulk_attempts(users, quiz, *, score: int) -> None:
    """First submitted attempts for many people at once, for data-size tests."""
    now = timezone.now()
    QuizAttempt.objects.bulk_create(
        [
            QuizAttempt(user=user, quiz=quiz, number=1, submitted_at=now, score_percent=score)
            for user in users
        ]
    )
