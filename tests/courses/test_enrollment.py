"""Enrolling: prerequisites, POST-only with CSRF, once only, withdrawing, and group enrolment."""

import threading

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import connection, connections
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from courses.models import Enrollment, Progress
from courses.services import enrollment as service
from courses.services.enrollment import (
    EnrollmentError,
    enrollment_bulk_create,
    enrollment_create,
    enrollment_withdraw,
    missing_prerequisites,
)
from lms.models import Library
from lms.roles import Role
from tests.courses import factories as courses
from tests.courses.enrollment_builders import complete, do, english_client
from tests.lms import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return courses.course(modules=1, lessons_per_module=2)


@pytest.fixture
def basics():
    return courses.course(modules=1, lessons_per_module=1, title="Dasar-dasar Internet")


@pytest.fixture
def advanced(basics):
    page = courses.course(modules=1, lessons_per_module=1, title="Layanan Berbasis TIK")
    page.prerequisites.add(basics)
    page.save()
    return page


def enrol_url(course):
    return reverse("courses:enroll", args=[course.pk])


def withdraw_url(course):
    return reverse("courses:withdraw", args=[course.pk])


# Prerequisites


def test_missing_prerequisites_until_completed(
    learner, basics, advanced, django_assert_num_queries
):
    with django_assert_num_queries(1):
        assert missing_prerequisites(user=learner, course=advanced) == [basics]
    complete(learner, basics)
    assert missing_prerequisites(user=learner, course=advanced) == []


def test_enrolment_refused_with_the_missing_course_named(learner, basics, advanced):
    with pytest.raises(EnrollmentError) as refused:
        enrollment_create(user=learner, course=advanced)
    assert "Dasar-dasar Internet" in str(refused.value.message)
    assert refused.value.missing == [basics]
    assert not Enrollment.objects.filter(course=advanced).exists()


def test_enrolment_allowed_once_the_prerequisite_is_completed(learner, basics, advanced):
    complete(learner, basics)
    enrollment = enrollment_create(user=learner, course=advanced)
    assert enrollment.status == Enrollment.Status.ACTIVE


def test_enrol_view_explains_missing_prerequisites_with_links(learner, basics, advanced):
    client = english_client(learner)
    response = client.post(enrol_url(advanced), follow=True)
    assert response.redirect_chain[0][0] == advanced.url
    messages = [str(m) for m in response.context["messages"]]
    assert len(messages) == 1
    assert "Complete these courses before you enrol" in messages[0]
    assert f'<a href="{basics.url}">Dasar-dasar Internet</a>' in messages[0]
    assert not Enrollment.objects.exists()


# The enrol and withdraw endpoints


def test_enrol_sets_counts_and_redirects_to_the_course(learner, course):
    response = english_client(learner).post(enrol_url(course))
    assert response.status_code == 302 and response.url == course.url
    enrollment = Enrollment.objects.get(user=learner, course=course)
    assert (enrollment.status, enrollment.items_total, enrollment.items_done) == ("active", 3, 0)
    assert enrollment.enrolled_by is None


def test_enrol_and_withdraw_are_post_only(client, learner, course):
    client.force_login(learner)
    assert client.get(enrol_url(course)).status_code == 405
    assert client.get(withdraw_url(course)).status_code == 405
    assert not Enrollment.objects.exists()


def test_enrol_without_csrf_token_is_forbidden(learner, course):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    assert client.post(enrol_url(course)).status_code == 403
    assert not Enrollment.objects.exists()


def test_enrol_needs_sign_in(client, course):
    response = client.post(enrol_url(course))
    assert response.status_code == 302
    assert response.url.startswith(reverse("lms:login"))
    assert not Enrollment.objects.exists()


def test_unpublished_course_cannot_be_enrolled(client, learner, course):
    course.unpublish()
    client.force_login(learner)
    assert client.post(enrol_url(course)).status_code == 404
    with pytest.raises(EnrollmentError):
        enrollment_create(user=learner, course=course)


def test_double_enrol_leaves_one_enrolment(client, learner, course):
    client.force_login(learner)
    client.post(enrol_url(course))
    client.post(enrol_url(course))
    assert Enrollment.objects.filter(user=learner, course=course).count() == 1


def test_enrol_survives_a_concurrent_enrolment(learner, course, monkeypatch):
    """A double click whose twin request inserts the row first gets that same enrolment."""

    def twin_enrols_meanwhile(*, user, course):
        # Runs after the service looked for an enrolment and before it inserts one.
        Enrollment.objects.create(user=user, course=course, enrolled_at=timezone.now())
        return []

    monkeypatch.setattr(service, "missing_prerequisites", twin_enrols_meanwhile)
    enrollment = enrollment_create(user=learner, course=course)
    assert enrollment.status == Enrollment.Status.ACTIVE
    assert Enrollment.objects.filter(user=learner, course=course).count() == 1


def test_withdraw_keeps_the_enrolment_and_the_progress(client, learner, course):
    client.force_login(learner)
    client.post(enrol_url(course))
    do(learner, courses.lessons(course)[0])
    progress_before = Progress.objects.filter(user=learner).count()
    response = client.post(withdraw_url(course))
    assert response.status_code == 302
    enrollment = Enrollment.objects.get(user=learner, course=course)
    assert enrollment.status == Enrollment.Status.WITHDRAWN
    assert enrollment.withdrawn_at is not None
    assert enrollment.items_done == 1
    assert Progress.objects.filter(user=learner).count() == progress_before


def test_re_enrolling_reactivates_the_same_enrolment_with_its_progress(client, learner, course):
    client.force_login(learner)
    client.post(enrol_url(course))
    first = Enrollment.objects.get(user=learner, course=course)
    do(learner, courses.lessons(course)[0])
    client.post(withdraw_url(course))
    client.post(enrol_url(course))
    again = Enrollment.objects.get(user=learner, course=course)
    assert again.pk == first.pk
    assert again.status == Enrollment.Status.ACTIVE and again.withdrawn_at is None
    assert again.items_done == 1 and again.enrolled_at == first.enrolled_at


def test_withdrawing_without_an_enrolment_is_explained(learner, course):
    with pytest.raises(EnrollmentError) as refused:
        enrollment_withdraw(user=learner, course=course)
    assert refused.value.message == service.NOT_ENROLLED


# Group enrolment


@pytest.fixture
def mentor(regency_library):
    return factories.user(role=Role.MENTOR, library=regency_library)


@pytest.fixture
def trainer(regency_library):
    return factories.user(role=Role.TRAINER, library=regency_library)


@pytest.fixture
def outsider():
    elsewhere = factories.library(kind=Library.Kind.REGENCY)
    return factories.user(library=factories.library(mentor_library=elsewhere))


def test_learner_may_not_enrol_others(client, learner, course, village_library):
    colleague = factories.user(library=village_library)
    client.force_login(learner)
    url = reverse("courses:bulk_enroll", args=[course.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"users": [colleague.pk]}).status_code == 403
    with pytest.raises(PermissionDenied):
        enrollment_bulk_create(course=course, users=[colleague], enrolled_by=learner)
    assert not Enrollment.objects.exists()


def test_bulk_page_needs_sign_in(client, course):
    response = client.get(reverse("courses:bulk_enroll", args=[course.pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("lms:login"))


def test_mentor_enrols_her_library_and_the_libraries_it_mentors(
    mentor, learner, regency_library, course
):
    colleague = factories.user(library=regency_library)
    result = enrollment_bulk_create(course=course, users=[learner, colleague], enrolled_by=mentor)
    assert (result.created, result.already_enrolled, result.reactivated) == (2, 0, 0)
    enrollment = Enrollment.objects.get(user=learner, course=course)
    assert enrollment.enrolled_by == mentor and enrollment.items_total == 3


def test_mentor_cannot_enrol_staff_outside_her_libraries(mentor, learner, outsider, course):
    with pytest.raises(PermissionDenied):
        enrollment_bulk_create(course=course, users=[learner, outsider], enrolled_by=mentor)
    assert not Enrollment.objects.exists()  # all or nothing: not even the allowed learner


def test_mentor_bulk_view_refuses_an_outsider_and_writes_nothing(
    client, mentor, learner, outsider, course
):
    client.force_login(mentor)
    url = reverse("courses:bulk_enroll", args=[course.pk])
    assert client.post(url, {"users": [learner.pk, outsider.pk]}).status_code == 403
    assert not Enrollment.objects.exists()


def test_mentor_bulk_page_lists_only_her_staff(client, mentor, learner, outsider, course):
    client.force_login(mentor)
    response = client.get(reverse("courses:bulk_enroll", args=[course.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="bulk-user-{learner.pk}"' in html
    assert f'<label for="bulk-user-{learner.pk}">' in html
    assert f'id="bulk-user-{outsider.pk}"' not in html


def test_bulk_page_filters_by_library(client, trainer, learner, outsider, course):
    client.force_login(trainer)
    url = reverse("courses:bulk_enroll", args=[course.pk])
    html = client.get(url, {"perpustakaan": outsider.staff_profile.library_id}).content.decode()
    assert f'id="bulk-user-{outsider.pk}"' in html
    assert f'id="bulk-user-{learner.pk}"' not in html


def test_trainer_enrols_anyone_through_the_form(trainer, learner, outsider, course):
    client = english_client(trainer)
    url = reverse("courses:bulk_enroll", args=[course.pk])
    response = client.post(url, {"users": [learner.pk, outsider.pk]}, follow=True)
    assert response.status_code == 200
    assert set(Enrollment.objects.filter(course=course).values_list("user_id", flat=True)) == {
        learner.pk,
        outsider.pk,
    }
    assert "2 new" in str(list(response.context["messages"])[0])


def test_bulk_counts_new_already_enrolled_and_reactivated(trainer, village_library, course):
    staying, leaving, new = (factories.user(library=village_library) for _ in range(3))
    enrollment_create(user=staying, course=course)
    enrollment_create(user=leaving, course=course)
    do(leaving, courses.lessons(course)[0])
    enrollment_withdraw(user=leaving, course=course)
    result = enrollment_bulk_create(
        course=course, users=[staying, leaving, new], enrolled_by=trainer
    )
    assert (result.created, result.already_enrolled, result.reactivated) == (1, 1, 1)
    reactivated = Enrollment.objects.get(user=leaving, course=course)
    assert reactivated.status == Enrollment.Status.ACTIVE and reactivated.items_done == 1
    assert Enrollment.objects.filter(course=course).count() == 3


def test_bulk_enrols_without_prerequisites_but_names_who_lacks_them(
    trainer, village_library, basics, advanced
):
    ready, not_ready = (factories.user(library=village_library) for _ in range(2))
    complete(ready, basics)
    result = enrollment_bulk_create(course=advanced, users=[ready, not_ready], enrolled_by=trainer)
    assert result.created == 2
    assert result.lacking_prerequisites == [(not_ready, [basics])]


def test_bulk_query_count_does_not_grow_with_the_group(trainer, village_library):
    def enrol_group(size):
        page = courses.course(modules=1, lessons_per_module=2)
        users = [factories.user(library=village_library) for _ in range(size)]
        with CaptureQueriesContext(connection) as queries:
            enrollment_bulk_create(course=page, users=users, enrolled_by=trainer)
        assert Enrollment.objects.filter(course=page).count() == size
        return len(queries)

    enrol_group(1)  # warm the role and content type caches
    assert enrol_group(2) == enrol_group(25)


# The enrolment box the course page includes


def render_box(user, page, **context):
    request = RequestFactory().get(page.url)
    request.user = user
    with translation.override("en"):
        return render_to_string(
            "courses/includes/enrollment_box.html",
            {
                "page": page,
                "enrollment": None,
                "missing_prerequisites": [],
                "user": user,
                **context,
            },
            request=request,
        )


def test_box_offers_a_csrf_protected_enrol_form(learner, course):
    html = render_box(learner, course)
    assert f'method="post" action="{enrol_url(course)}"' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_box_shows_progress_and_withdraw_when_enrolled(learner, course):
    enrollment = enrollment_create(user=learner, course=course)
    do(learner, courses.lessons(course)[0])
    enrollment.refresh_from_db()
    html = render_box(learner, course, enrollment=enrollment)
    assert "You are enrolled in this course." in html
    assert 'aria-valuenow="33"' in html
    assert f'action="{withdraw_url(course)}"' in html
    assert f'action="{enrol_url(course)}"' not in html


def test_box_lists_missing_prerequisites_and_disables_the_button(learner, basics, advanced):
    missing = missing_prerequisites(user=learner, course=advanced)
    html = render_box(learner, advanced, missing_prerequisites=missing)
    assert f'<a href="{basics.url}">Dasar-dasar Internet</a>' in html
    assert 'disabled aria-describedby="enrol-reason"' in html
    assert f'action="{enrol_url(advanced)}"' not in html


def test_box_asks_visitors_to_sign_in(advanced):
    html = render_box(AnonymousUser(), advanced)
    assert f'href="{reverse("lms:login")}?next=' in html
    assert "csrfmiddlewaretoken" not in html


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writers, so requests cannot race; CI runs this on PostgreSQL.",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_enrolments_leave_one_row():
    course = courses.course(modules=1, lessons_per_module=1, quiz=False)
    learner = factories.user()
    barrier = threading.Barrier(2)
    errors, results = [], []

    def enrol():
        try:
            barrier.wait(timeout=10)
            results.append(enrollment_create(user=learner, course=course).pk)
        except Exception as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=enrol) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert Enrollment.objects.filter(user=learner, course=course).count() == 1
    assert len(set(results)) == 1
