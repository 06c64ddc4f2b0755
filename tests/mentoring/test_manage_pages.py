"""The assignment and promotion management pages: permissions, writes and fixed query counts.

Pinned (warm session): assignment list 6 queries for an admin, 5 for a mentor; promotion
page 13 for an admin, 15 for a mentor (her trainees and mentees are looked up).
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lms.models import Library
from lms.roles import Role
from mentoring.models import Level, MentorAssignment, Progression, Promotion
from mentoring.services.assignments import ASSIGNMENT_ALREADY_ENDED
from mentoring.services.progression import (
    PROMOTION_APPROVER_NOT_ALLOWED,
    PROMOTION_NEEDS_FACILITATOR_TRAINING,
)
from mentoring.services.visits import ASSIGNMENT_NOT_ALLOWED
from tests.courses import factories as course_factories
from tests.lms import factories

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
LIST = reverse("mentoring:assignment_list")
NEW = reverse("mentoring:assignment_new")


def client_for(client, user):
    client.cookies["django_language"] = "en"
    client.force_login(user)
    return client


@pytest.fixture
def mentor(regency_library):
    return factories.user(role=Role.MENTOR, library=regency_library, first_name="Mentari")


@pytest.fixture
def other_village(db):
    other_regency_library = factories.library(kind=Library.Kind.REGENCY)
    return factories.library(
        kind=Library.Kind.VILLAGE,
        regency=other_regency_library.regency,
        mentor_library=other_regency_library,
    )


# Assignments.


def test_admin_creates_an_assignment_for_a_mentor(client, programme_admin, mentor, village_library):
    form = client_for(client, programme_admin).get(NEW)
    assert 'name="mentor"' in form.content.decode()
    response = client.post(
        NEW,
        {"mentor": mentor.pk, "library": village_library.pk, "starts_on": TODAY.isoformat()},
    )
    assert response.status_code == 302
    assignment = MentorAssignment.objects.get()
    assert (assignment.mentor, assignment.library, assignment.ends_on) == (
        mentor,
        village_library,
        None,
    )


def test_mentor_assigns_herself_a_person_of_her_village(client, mentor, learner):
    form = client_for(client, mentor).get(NEW).content.decode()
    assert 'name="mentor"' not in form and learner.get_full_name() in form
    response = client.post(NEW, {"mentee": learner.pk, "starts_on": TODAY.isoformat()})
    assert response.status_code == 302
    assert MentorAssignment.objects.get().mentee == learner
    page = client.get(LIST)
    assert page.status_code == 200
    assert learner.get_full_name() in page.content.decode()


def test_mentor_cannot_assign_another_districts_village(client, mentor, other_village):
    response = client_for(client, mentor).post(
        NEW, {"library": other_village.pk, "starts_on": TODAY.isoformat(), "mentor": 999}
    )
    assert response.status_code == 200
    assert str(ASSIGNMENT_NOT_ALLOWED) in response.content.decode()
    assert response.context["form"].data["starts_on"] == TODAY.isoformat()
    assert not MentorAssignment.objects.exists()


def test_service_refusal_is_shown_on_the_form(client, programme_admin, mentor, village_library):
    MentorAssignment.objects.create(mentor=mentor, library=village_library, starts_on=TODAY)
    response = client_for(client, programme_admin).post(
        NEW,
        {"mentor": mentor.pk, "library": village_library.pk, "starts_on": TODAY.isoformat()},
    )
    assert response.status_code == 200
    assert "already assigned" in response.content.decode()
    assert MentorAssignment.objects.count() == 1


def test_learner_gets_403_everywhere(client, learner, mentor, village_library):
    assignment = MentorAssignment.objects.create(
        mentor=mentor, library=village_library, starts_on=TODAY
    )
    client_for(client, learner)
    assert client.get(LIST).status_code == 403
    assert client.get(NEW).status_code == 403
    assert client.get(LIST + "?format=csv").status_code == 403
    end = reverse("mentoring:assignment_end", args=[assignment.pk])
    assert client.post(end).status_code == 403
    assert MentorAssignment.objects.get().ends_on is None


def test_mentor_ends_her_assignment_but_not_anothers(client, mentor, village_library):
    start = TODAY - datetime.timedelta(days=10)
    own = MentorAssignment.objects.create(mentor=mentor, library=village_library, starts_on=start)
    other_mentor = factories.user(role=Role.MENTOR)
    others = MentorAssignment.objects.create(
        mentor=other_mentor, library=village_library, starts_on=start
    )
    client_for(client, mentor)
    response = client.post(reverse("mentoring:assignment_end", args=[own.pk]), follow=True)
    assert response.status_code == 200
    own.refresh_from_db()
    assert own.ends_on == TODAY
    # Ending it twice says so; another mentor's assignment does not exist for her.
    again = client.post(reverse("mentoring:assignment_end", args=[own.pk]), follow=True)
    assert str(ASSIGNMENT_ALREADY_ENDED) in again.content.decode()
    assert client.post(reverse("mentoring:assignment_end", args=[others.pk])).status_code == 404
    assert client.get(reverse("mentoring:assignment_end", args=[own.pk])).status_code == 405
    others.refresh_from_db()
    assert others.ends_on is None


def test_admin_filters_by_regency_and_exports(
    client, programme_admin, mentor, village_library, other_village
):
    MentorAssignment.objects.create(mentor=mentor, library=village_library, starts_on=TODAY)
    MentorAssignment.objects.create(mentor=mentor, library=other_village, starts_on=TODAY)
    client_for(client, programme_admin)
    page = client.get(LIST, {"regency": other_village.regency_id})
    assert [row["target"] for row in page.context["rows"]] == [other_village.name]
    csv = client.get(LIST, {"regency": other_village.regency_id, "format": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    body = csv.content.decode("utf-8-sig")
    assert other_village.name in body and village_library.name not in body
    xlsx = client.get(LIST, {"format": "xlsx"})
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def _list_queries(client, count: int, mentor, libraries) -> int:
    MentorAssignment.objects.bulk_create(
        MentorAssignment(
            mentor=mentor,
            library=libraries[i % len(libraries)],
            starts_on=TODAY - datetime.timedelta(days=i),
            ends_on=TODAY - datetime.timedelta(days=1) if i % 3 == 0 else None,
        )
        for i in range(count)
    )
    client.get(LIST)  # warm the session and caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["admin", "mentor"])
def test_assignment_list_runs_a_fixed_number_of_queries(
    client, role, programme_admin, mentor, village_library
):
    viewer = programme_admin if role == "admin" else mentor
    client_for(client, viewer)
    small = _list_queries(client, 2, mentor, [village_library])
    MentorAssignment.objects.all().delete()
    villages = [
        factories.library(
            regency=village_library.regency, mentor_library=village_library.mentor_library
        )
        for _ in range(5)
    ]
    large = _list_queries(client, 120, mentor, villages)
    assert small == large
    assert large == {"admin": 6, "mentor": 5}[role]


# Promotions.


@pytest.fixture
def curriculum(db):
    return course_factories.curriculum()


def promotions_url(curriculum):
    return reverse("mentoring:promotions", args=[curriculum.pk])


def test_admin_promotes_a_graduate_through_the_page(client, programme_admin, curriculum, learner):
    Progression.objects.create(user=learner, curriculum=curriculum, level=Level.GRADUATE)
    client_for(client, programme_admin)
    page = client.get(promotions_url(curriculum))
    assert "Promote to Mentor" in page.content.decode()
    response = client.post(
        promotions_url(curriculum),
        {"user": learner.pk, "to_level": int(Level.MENTOR), "note": "Siap"},
    )
    assert response.status_code == 302
    promotion = Promotion.objects.get()
    assert (promotion.to_level, promotion.approved_by, promotion.note) == (
        Level.MENTOR,
        programme_admin,
        "Siap",
    )
    assert Progression.objects.get(user=learner).level == Level.MENTOR
    history = client.get(promotions_url(curriculum))
    assert f'id="promotion-{promotion.pk}"' in history.content.decode()
    csv = client.get(promotions_url(curriculum), {"table": "history", "format": "csv"})
    assert learner.get_full_name() in csv.content.decode("utf-8-sig")


def test_refusal_when_the_rules_are_not_met(client, programme_admin, curriculum, learner):
    Progression.objects.create(user=learner, curriculum=curriculum, level=Level.MENTOR)
    client_for(client, programme_admin)
    page = client.get(promotions_url(curriculum))
    assert [w.user_id for w in page.context["waiting"]] == [learner.pk]
    response = client.post(
        promotions_url(curriculum),
        {"user": learner.pk, "to_level": int(Level.FACILITATOR), "note": "kept"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert str(PROMOTION_NEEDS_FACILITATOR_TRAINING) in body
    assert response.context["posted"]["note"] == "kept"
    assert not Promotion.objects.exists()
    assert Progression.objects.get(user=learner).level == Level.MENTOR


def test_mentor_who_may_not_approve_sees_why_and_is_refused(client, mentor, curriculum, learner):
    Progression.objects.create(user=learner, curriculum=curriculum, level=Level.GRADUATE)
    client_for(client, mentor)
    page = client.get(promotions_url(curriculum))
    (row,) = page.context["rows"]
    assert not row.may_approve and row.reason == str(PROMOTION_APPROVER_NOT_ALLOWED)
    response = client.post(
        promotions_url(curriculum), {"user": learner.pk, "to_level": int(Level.MENTOR)}
    )
    assert str(PROMOTION_APPROVER_NOT_ALLOWED) in response.content.decode()
    assert not Promotion.objects.exists()
    # Once she mentors the learner, she may.
    MentorAssignment.objects.create(mentor=mentor, mentee=learner, starts_on=TODAY)
    (row,) = client.get(promotions_url(curriculum)).context["rows"]
    assert row.may_approve


def test_learner_cannot_view_or_post_promotions(client, learner, curriculum):
    someone = factories.user()
    Progression.objects.create(user=someone, curriculum=curriculum, level=Level.GRADUATE)
    client_for(client, learner)
    assert client.get(promotions_url(curriculum)).status_code == 403
    response = client.post(
        promotions_url(curriculum), {"user": someone.pk, "to_level": int(Level.MENTOR)}
    )
    assert response.status_code == 403
    assert not Promotion.objects.exists()


def test_unknown_curriculum_is_404(client, programme_admin):
    client_for(client, programme_admin)
    assert client.get(reverse("mentoring:promotions", args=[999999])).status_code == 404


def _promotion_queries(client, curriculum, approver, size: int) -> int:
    people = [factories.user(role=None) for _ in range(size)]
    Progression.objects.bulk_create(
        Progression(user=user, curriculum=curriculum, level=level)
        for user in people
        for level in [(Level.GRADUATE, Level.MENTOR, Level.FACILITATOR)[user.pk % 3]]
    )
    Promotion.objects.bulk_create(
        Promotion(
            user=user,
            curriculum=curriculum,
            from_level=Level.PARTICIPANT,
            to_level=Level.GRADUATE,
            approved_by=approver,
            promoted_at=timezone.now(),
        )
        for user in people
    )
    url = promotions_url(curriculum)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["rows"]) + len(response.context["waiting"]) == size
    return len(queries)


@pytest.mark.parametrize("role", [Role.PROGRAMME_ADMIN, Role.MENTOR])
def test_promotion_page_runs_a_fixed_number_of_queries(client, role, regency_library):
    viewer = factories.user(role=role, library=regency_library)
    client_for(client, viewer)
    small = _promotion_queries(client, course_factories.curriculum("Kecil"), viewer, 3)
    large = _promotion_queries(client, course_factories.curriculum("Besar"), viewer, 45)
    assert small == large
    assert large == {Role.PROGRAMME_ADMIN: 13, Role.MENTOR: 15}[role]
