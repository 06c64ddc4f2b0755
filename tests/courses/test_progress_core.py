"""The progress core: items in course order, progress recorded once, completion once."""

import pytest
from django.utils import timezone

from courses import selectors
from courses.models import Enrollment, Progress
from courses.services.progress import enrollment_refresh, progress_record
from lms import signals
from tests.courses import factories as courses
from tests.lms import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return courses.course(modules=2, lessons_per_module=2)


def enrol(user, course):
    return Enrollment.objects.create(user=user, course=course, enrolled_at=timezone.now())


def test_course_items_in_tree_order_with_their_module(course, django_assert_num_queries):
    with django_assert_num_queries(1):
        items = selectors.course_items(course)
    assert [item.title for item in items] == [
        "Pelajaran 1.1",
        "Pelajaran 1.2",
        "Kuis modul 1",
        "Pelajaran 2.1",
        "Pelajaran 2.2",
        "Kuis modul 2",
    ]
    assert {item.module_title for item in items} == {"Modul 1", "Modul 2"}
    assert items[2].kind == "quizpage" and items[0].kind == "lessonpage"


def test_unpublished_content_is_not_an_item(course):
    courses.lessons(course)[0].unpublish()
    assert len(selectors.course_items(course)) == 5


def test_progress_is_recorded_once(course):
    user = factories.user()
    lesson = courses.lessons(course)[0]
    assert progress_record(user=user, page=lesson, kind=Progress.Kind.VIEWED)
    assert not progress_record(user=user, page=lesson, kind=Progress.Kind.VIEWED)
    assert Progress.objects.filter(user=user).count() == 1


def test_counts_follow_progress_and_completion_is_sent_once(
    course, django_capture_on_commit_callbacks
):
    user = factories.user()
    enrollment = enrol(user, course)
    received = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    signals.course_completed.connect(receiver)
    try:
        pages = [*courses.lessons(course), *courses.quizzes(course)]
        with django_capture_on_commit_callbacks(execute=True):
            for page in pages:
                kind = (
                    Progress.Kind.QUIZ_PASSED
                    if page.specific_class.__name__ == "QuizPage"
                    else Progress.Kind.COMPLETED
                )
                progress_record(user=user, page=page, kind=kind)
            enrollment_refresh(user=user, course=course)  # a second refresh completes nothing new
    finally:
        signals.course_completed.disconnect(receiver)
    enrollment.refresh_from_db()
    assert (enrollment.items_done, enrollment.items_total, enrollment.percent) == (6, 6, 100)
    assert enrollment.completed_at is not None
    assert len(received) == 1 and received[0]["user"] == user and received[0]["course"] == course


def test_progress_without_enrolment_changes_no_enrolment(course):
    user = factories.user()
    progress_record(user=user, page=courses.lessons(course)[0], kind=Progress.Kind.COMPLETED)
    assert not Enrollment.objects.exists()
