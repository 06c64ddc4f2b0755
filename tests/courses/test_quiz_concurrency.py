"""Two submissions of one attempt at the same moment grade it once (PostgreSQL only)."""

import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from courses.models import Enrollment, Progress, QuizAnswer, QuizAttempt, QuizPage
from courses.services import quiz as quiz_service
from tests.courses import factories as courses
from tests.lms import factories

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises writers; row locks are only meaningful on PostgreSQL",
    ),
]


def _in_threads(count: int, work) -> list:
    """Runs `work()` in `count` threads released together; returns results or exceptions."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=10)
            results[index] = work()
        except Exception as error:  # reported to the test below
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.fixture
def setup():
    course = courses.course(lessons_per_module=0)
    quiz = QuizPage.objects.descendant_of(course).get()
    user = factories.user()
    Enrollment.objects.create(user=user, course=course, enrolled_at=timezone.now())
    q1, q2, q3, q4 = list(quiz.questions)
    options = [[child.id for child in q.value["options"].bound_blocks] for q in (q1, q2)]
    answers = {
        q1.id: [options[0][0]],
        q2.id: options[1][:2],
        q3.id: "true",
        q4.id: "TIK",
    }
    return user, quiz, answers


def test_concurrent_submissions_grade_the_attempt_once(setup):
    user, quiz, answers = setup
    attempt = quiz_service.quiz_attempt_start(user=user, quiz=quiz)

    results = _in_threads(
        2,
        lambda: quiz_service.quiz_attempt_submit(attempt=attempt, user=user, responses=answers),
    )

    assert not [r for r in results if isinstance(r, Exception)], results
    assert {(r.pk, r.score_percent, r.passed, r.submitted_at) for r in results} == {
        (attempt.pk, 100, True, results[0].submitted_at)
    }
    assert QuizAttempt.objects.filter(user=user, submitted_at__isnull=False).count() == 1
    assert QuizAnswer.objects.filter(attempt=attempt).count() == 4
    assert Progress.objects.filter(user=user, kind=Progress.Kind.QUIZ_PASSED).count() == 1
    assert Enrollment.objects.get(user=user).completed_at is not None


def test_concurrent_starts_open_one_attempt(setup):
    user, quiz, _answers = setup

    results = _in_threads(2, lambda: quiz_service.quiz_attempt_start(user=user, quiz=quiz))

    assert not [r for r in results if isinstance(r, Exception)], results
    assert results[0].pk == results[1].pk
    assert QuizAttempt.objects.filter(user=user).count() == 1
