"""Builders for enrolments and progress, shared by the enrolment, dashboard and catalogue tests."""

from django.test import Client
from django.utils import timezone
from wagtail.models import Page

from courses import selectors
from courses.models import CoursePage, Enrollment, Progress
from courses.services.progress import enrollment_refresh, progress_record


def enrol(user, course: CoursePage, **fields) -> Enrollment:
    """An active enrolment with its counts, as enrolling through the service leaves it."""
    Enrollment.objects.create(user=user, course=course, enrolled_at=timezone.now(), **fields)
    return enrollment_refresh(user=user, course=course)


def do(user, item) -> None:
    """Marks a lesson or quiz (a page or a selectors.Item) done for `user`."""
    page = Page.objects.get(pk=getattr(item, "page_id", None) or item.pk)
    kind = (
        Progress.Kind.QUIZ_PASSED
        if page.specific_class.__name__ == "QuizPage"
        else Progress.Kind.COMPLETED
    )
    progress_record(user=user, page=page, kind=kind)


def complete(user, course: CoursePage) -> Enrollment:
    """Enrols `user` (if she is not) and completes every item of the course."""
    if not Enrollment.objects.filter(user=user, course=course).exists():
        enrol(user, course)
    for item in selectors.course_items(course):
        do(user, item)
    return Enrollment.objects.get(user=user, course=course)


def english_client(user=None, **kwargs) -> Client:
    """A test client that reads the site in English, signed in as `user` if given."""
    client = Client(**kwargs)
    client.cookies["django_language"] = "en"
    if user is not None:
        client.force_login(user)
    return client
