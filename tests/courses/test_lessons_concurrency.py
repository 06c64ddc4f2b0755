"""Two requests completing the same lesson at once record it, and the course, only once."""

import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from courses.models import Enrollment, Progress
from courses.services import lessons as lesson_services
from courses.services.progress import enrollment_refresh
from lms import signals
from tests.courses import factories as courses
from tests.lms import factories

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writers, so requests cannot race; CI runs this on PostgreSQL.",
)

THREADS = 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_completions_leave_one_row_one_completion_one_signal():
    course = courses.course(modules=1, lessons_per_module=1, quiz=False)
    (lesson,) = courses.lessons(course)
    learner = factories.user()
    Enrollment.objects.create(user=learner, course=course, enrolled_at=timezone.now())
    enrollment_refresh(user=learner, course=course)

    received = []
    barrier = threading.Barrier(THREADS)
    errors = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    def complete():
        try:
            barrier.wait(timeout=10)
            lesson_services.lesson_complete(user=learner, lesson=lesson)
        except Exception as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)
        finally:
            connections.close_all()

    signals.course_completed.connect(receiver)
    try:
        threads = [threading.Thread(target=complete) for _ in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        signals.course_completed.disconnect(receiver)

    assert errors == []
    assert (
        Progress.objects.filter(user=learner, page=lesson, kind=Progress.Kind.COMPLETED).count()
        == 1
    )
    enrollment = Enrollment.objects.get(user=learner, course=course)
    assert enrollment.completed_at is not None
    assert (enrollment.items_done, enrollment.items_total) == (1, 1)
    assert len(received) == 1 and received[0]["user"] == learner
