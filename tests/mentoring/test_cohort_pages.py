"""Cohort pages: creating a cohort, adding its sessions and participants, signing off runs."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import selectors as course_selectors
from courses.services.enrollment import OUTSIDE_MENTORED_LIBRARIES
from lms.models import Library, StaffProfile
from lms.roles import Role
from mentoring.models import (
    Cohort,
    CohortFacilitator,
    CohortParticipant,
    CohortSession,
    Level,
    TrainingEdge,
)
from mentoring.services.cohorts import NOT_A_FACILITATOR, cohort_finish
from tests.lms import factories

from . import builders

pytestmark = pytest.mark.django_db

NEW_URL = reverse("mentoring:cohort_new")


def _form_data(*, course, library, leads, co=(), **overrides) -> dict:
    return {
        "course": course.pk,
        "name": "Angkatan 7 Lumajang",
        "host_library": library.pk,
        "tier": "village",
        "mode": "face_to_face",
        "starts_on": "2024-05-06",
        "ends_on": "2024-05-08",
        "attendance_threshold": "75",
        "lead_facilitators": [u.pk for u in leads],
        "co_facilitators": [u.pk for u in co],
        **overrides,
    }


# A new cohort


def test_a_trainer_creates_a_cohort_through_the_page(client):
    curriculum = builders.course_factories.curriculum(title="Literasi Digital")
    course = builders.small_course(curriculum, title="Internet Sehat")
    regency_library, village = builders.network()
    trainer = builders.facilitator(curriculum, library=regency_library)
    co = builders.person(curriculum=curriculum, level=Level.MENTOR, role=Role.MENTOR)
    client.force_login(trainer)

    assert f'href="{NEW_URL}"' in client.get(reverse("mentoring:cohort_list")).content.decode()
    page = client.get(NEW_URL).content.decode()
    assert '<optgroup label="Literasi Digital">' in page
    assert f'<option value="{course.pk}">Internet Sehat</option>' in page
    assert f'value="{co.pk}"' in page

    response = client.post(
        NEW_URL, _form_data(course=course, library=village, leads=[trainer], co=[co])
    )
    cohort = Cohort.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("mentoring:cohort_detail", args=[cohort.pk])
    assert (cohort.name, cohort.host_library, cohort.course_id) == (
        "Angkatan 7 Lumajang",
        village,
        course.pk,
    )
    assert (cohort.attendance_threshold, cohort.created_by, cohort.ends_on) == (
        75,
        trainer,
        datetime.date(2024, 5, 8),
    )
    roles_of = dict(cohort.facilitators.values_list("user_id", "role"))
    assert roles_of == {trainer.pk: CohortFacilitator.Role.LEAD, co.pk: CohortFacilitator.Role.CO}


def test_a_lead_who_does_not_facilitate_the_curriculum_is_refused_on_the_form(
    client, programme_admin
):
    curriculum = builders.course_factories.curriculum(title="Literasi Digital")
    course = builders.small_course(curriculum)
    elsewhere = builders.facilitator(
        builders.course_factories.curriculum(title="Lain"), first_name="Rina", last_name=""
    )
    _regency, village = builders.network()
    client.force_login(programme_admin)
    client.cookies["django_language"] = "en"

    response = client.post(NEW_URL, _form_data(course=course, library=village, leads=[elsewhere]))
    assert response.status_code == 400
    page = response.content.decode()
    message = NOT_A_FACILITATOR % {"name": "Rina", "curriculum": "Literasi Digital"}
    assert message in page
    assert 'value="Angkatan 7 Lumajang"' in page  # nothing typed is lost
    assert f'<option value="{elsewhere.pk}" selected' in page
    assert not Cohort.objects.exists()

    # Ends before it starts: the model's message, on the form, still nothing created.
    response = client.post(
        NEW_URL,
        _form_data(course=course, library=village, leads=[programme_admin], ends_on="2024-05-01"),
    )
    assert response.status_code == 400 and not Cohort.objects.exists()


def test_a_learner_gets_403_on_the_new_cohort_page(client, learner):
    client.force_login(learner)
    assert client.get(NEW_URL).status_code == 403
    assert client.post(NEW_URL, {"name": "x"}).status_code == 403
    assert f'href="{NEW_URL}"' not in client.get(reverse("mentoring:cohort_list")).content.decode()


def test_a_mentor_may_not_host_at_another_districts_library(client):
    curriculum = builders.course_factories.curriculum()
    course = builders.small_course(curriculum)
    regency_library, village = builders.network()
    _other_regency, other_village = builders.network()
    mentor = builders.facilitator(curriculum, role=Role.MENTOR, library=regency_library)
    client.force_login(mentor)

    page = client.get(NEW_URL).content.decode()
    assert f'<option value="{village.pk}"' in page
    assert f'<option value="{other_village.pk}"' not in page
    response = client.post(
        NEW_URL, _form_data(course=course, library=other_village, leads=[mentor])
    )
    assert response.status_code == 400
    assert "host_library" in response.context["form"].errors
    assert not Cohort.objects.exists()

    response = client.post(NEW_URL, _form_data(course=course, library=village, leads=[mentor]))
    assert response.status_code == 302
    assert Cohort.objects.get().host_library == village


# Sessions


def test_a_facilitator_adds_several_sessions_at_once(client):
    setup = builders.cohort(participants=0, sessions=1)  # runs 4 March 2024, one day
    cohort = setup.cohort
    cohort.ends_on = datetime.date(2024, 3, 8)
    cohort.save()
    url = reverse("mentoring:cohort_sessions", args=[cohort.pk])
    client.force_login(setup.co)
    client.cookies["django_language"] = "en"
    assert client.get(url).status_code == 200

    def post(rows):
        data = {"sesi-TOTAL_FORMS": "3", "sesi-INITIAL_FORMS": "0"}
        for i, (day, title) in enumerate(rows):
            data[f"sesi-{i}-date"], data[f"sesi-{i}-title"] = day, title
        return client.post(url, data)

    response = post([("2024-03-06", "Praktik"), ("2024-03-05", ""), ("", "")])
    assert response.status_code == 302
    assert list(cohort.sessions.values_list("date", "title")) == [
        (datetime.date(2024, 3, 4), ""),
        (datetime.date(2024, 3, 5), ""),
        (datetime.date(2024, 3, 6), "Praktik"),
    ]
    assert 'data-date="2024-03-06"' in client.get(url).content.decode()

    response = post([("2024-03-07", ""), ("2024-03-20", "Terlambat"), ("", "")])
    assert response.status_code == 400
    page = response.content.decode()
    assert "falls outside the cohort" in page
    assert 'value="Terlambat"' in page
    assert cohort.sessions.count() == 3  # all or nothing

    outsider = builders.person(role=Role.MENTOR, library=setup.regency_library)
    client.force_login(outsider)
    assert client.get(url).status_code == 403
    assert post([("2024-03-07", ""), ("", ""), ("", "")]).status_code == 403
    assert not CohortSession.objects.filter(date=datetime.date(2024, 3, 7)).exists()


# Participants


def test_adding_participants_enrols_them_in_the_course(client):
    setup = builders.cohort(participants=0, sessions=1)
    cohort = setup.cohort
    a = builders.person(library=setup.host_library, first_name="Ani")
    b = builders.person(library=setup.regency_library, first_name="Budi")
    far = builders.person(library=factories.library(), first_name="Jauh")
    url = reverse("mentoring:cohort_participants", args=[cohort.pk])
    client.force_login(setup.lead)
    client.cookies["django_language"] = "en"

    page = client.get(url).content.decode()
    assert f'id="peserta-{a.pk}"' in page and f'id="peserta-{b.pk}"' in page
    assert f'data-user="{far.pk}"' not in page
    assert f'id="peserta-{setup.lead.pk}"' not in page  # facilitators cannot take part
    filtered = client.get(url, {"perpustakaan": setup.host_library.pk}).content.decode()
    assert f'id="peserta-{a.pk}"' in filtered and f'id="peserta-{b.pk}"' not in filtered

    response = client.post(url, {"peserta": [far.pk, a.pk]})
    assert response.status_code == 400
    assert "Choose only staff of libraries in the host library" in response.content.decode()
    assert not CohortParticipant.objects.exists()

    response = client.post(url, {"peserta": [a.pk, b.pk]})
    assert response.status_code == 302
    assert set(cohort.participants.values_list("user_id", flat=True)) == {a.pk, b.pk}
    enrolled = course_selectors.enrollments_of(user_ids=[a.pk, b.pk]).filter(course=setup.course)
    assert set(enrolled.values_list("user_id", flat=True)) == {a.pk, b.pk}
    assert "already taking part" in client.get(url).content.decode()


def test_the_enrolment_rules_refusal_is_shown_and_strangers_get_403(client):
    setup = builders.cohort(participants=0, sessions=1)
    # A village library of the same regency that the co-facilitator's library does not mentor.
    unmentored = factories.library(kind=Library.Kind.VILLAGE, regency=setup.host_library.regency)
    stranger = builders.person(library=unmentored)
    url = reverse("mentoring:cohort_participants", args=[setup.cohort.pk])
    client.force_login(setup.co)  # a mentor, who may enrol only her libraries' staff
    client.cookies["django_language"] = "en"
    response = client.post(url, {"peserta": [stranger.pk]})
    assert response.status_code == 400
    assert str(OUTSIDE_MENTORED_LIBRARIES) in response.content.decode()
    assert not CohortParticipant.objects.exists()

    learner = builders.person(library=setup.host_library)
    client.force_login(learner)
    assert client.get(url).status_code == 403
    assert client.post(url, {"peserta": [learner.pk]}).status_code == 403
    assert not CohortParticipant.objects.exists()


def _bulk_staff(library, count: int) -> None:
    """`count` staff accounts of `library`, written in two queries."""
    User = get_user_model()
    start = User.objects.count()
    users = User.objects.bulk_create(
        [User(username=f"massal-{start}-{i}", first_name=f"Massal {i:03d}") for i in range(count)]
    )
    StaffProfile.objects.bulk_create(
        [StaffProfile(user=user, library=library, gender="female") for user in users]
    )


def _participants_page_queries(client, staff: int) -> int:
    setup = builders.cohort(participants=2, sessions=1)
    _bulk_staff(setup.host_library, staff)
    client.force_login(setup.lead)
    url = reverse("mentoring:cohort_participants", args=[setup.cohort.pk])
    client.get(url)  # warm caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    listed = response.content.decode().count('<div class="coh-check" data-user=')
    assert listed == min(staff + 4, 50)  # and the 2 participants, the lead and the co
    return len(queries)


# session, user, cohort, facilitators, roles, libraries, count, staff page
PARTICIPANTS_PAGE_QUERIES = 8


def test_the_participants_page_runs_a_fixed_number_of_queries(client):
    assert _participants_page_queries(client, 5) == PARTICIPANTS_PAGE_QUERIES
    assert _participants_page_queries(client, 200) == PARTICIPANTS_PAGE_QUERIES


# Signing off a co-facilitator's run


def test_the_co_facilitators_own_trainer_signs_off_from_the_cohort_page(client):
    setup = builders.cohort(participants=0, sessions=1)
    co, lead = setup.co, setup.lead
    TrainingEdge.objects.create(
        trainee=co,
        trainer=lead,
        curriculum=setup.curriculum,
        tier="regency",
        trained_on=datetime.date(2023, 1, 1),
    )
    detail = reverse("mentoring:cohort_detail", args=[setup.cohort.pk])
    sign_off = reverse("mentoring:cohort_sign_off", args=[setup.cohort.pk, co.pk])
    client.force_login(lead)
    assert sign_off not in client.get(detail).content.decode()  # not finished yet
    cohort_finish(cohort=setup.cohort, finished_by=lead)
    assert f'id="sign-off-{co.pk}"' in client.get(detail).content.decode()

    others = [co, builders.person(role=Role.MENTOR, library=setup.regency_library)]
    for other in others:
        client.force_login(other)
        assert sign_off not in client.get(detail).content.decode()
        assert client.post(sign_off).status_code == 403
    row = CohortFacilitator.objects.get(cohort=setup.cohort, user=co)
    assert row.signed_off_at is None

    client.force_login(lead)
    assert client.get(sign_off).status_code == 405
    assert client.post(sign_off).status_code == 302
    row.refresh_from_db()
    assert row.signed_off_by == lead and row.signed_off_at is not None
    assert sign_off not in client.get(detail).content.decode()
