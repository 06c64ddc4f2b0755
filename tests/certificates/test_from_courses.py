"""Completing a real course issues its certificate exactly once (needs the courses app)."""

import pytest
from django.apps import apps

if not apps.is_installed("courses"):
    pytest.skip("the courses app is not installed", allow_module_level=True)

from decimal import Decimal  # noqa: E402

from wagtail.models import Page  # noqa: E402

from certificates.models import Certificate  # noqa: E402
from courses import selectors as course_selectors  # noqa: E402
from courses.achievements import COURSE_COMPLETED  # noqa: E402
from courses.services.enrollment import enrollment_create  # noqa: E402
from courses.services.progress import progress_record  # noqa: E402
from tests.courses import factories as courses  # noqa: E402

from . import factories  # noqa: E402


@pytest.fixture
def course(db):
    page = courses.course(modules=1, lessons_per_module=2, quiz=False, title="Literasi Digital")
    page.estimated_hours = Decimal("6.5")
    page.save()
    return page


def items_of(course):
    return [
        (Page.objects.get(pk=item.page_id), course_selectors.DONE_KIND[item.kind])
        for item in course_selectors.course_items(course)
    ]


def do(user, page, kind):
    return progress_record(user=user, page=page, kind=kind)


def test_completing_a_course_issues_one_certificate(
    learner, course, certificate_template, django_capture_on_commit_callbacks
):
    factories.rule(kind=COURSE_COMPLETED, template_=certificate_template)
    enrollment_create(user=learner, course=course, check_prerequisites=False)
    *first, last = items_of(course)
    for page, kind in first:
        with django_capture_on_commit_callbacks(execute=True):
            do(learner, page, kind)
    assert not Certificate.objects.filter(recipient=learner).exists()

    with django_capture_on_commit_callbacks(execute=True):
        do(learner, *last)

    (certificate,) = Certificate.objects.filter(recipient=learner)
    assert certificate.kind == COURSE_COMPLETED
    assert certificate.subject.pk == course.pk
    assert certificate.achievement_title == "Literasi Digital"
    assert certificate.hours == Decimal("6.5")
    assert certificate.is_rendered

    # Completing the last item again (a second tab, a double click) issues nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        do(learner, *last)
    assert Certificate.objects.filter(recipient=learner).count() == 1


def test_without_a_course_rule_completing_issues_nothing(
    learner, course, django_capture_on_commit_callbacks
):
    enrollment_create(user=learner, course=course, check_prerequisites=False)
    with django_capture_on_commit_callbacks(execute=True):
        for page, kind in items_of(course):
            do(learner, page, kind)
    assert not Certificate.objects.filter(recipient=learner).exists()
