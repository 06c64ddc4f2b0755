"""Mentoring assignments, visits and follow-ups: who may do what, and nothing half-done."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from lms.models import Library
from lms.roles import Role
from mentoring.models import FollowUp, MentorAssignment, Visit
from mentoring.services import visits as service
from tests.courses.enrollment_builders import english_client
from tests.lms import factories

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
YESTERDAY = TODAY - datetime.timedelta(days=1)
NEXT_WEEK = TODAY + datetime.timedelta(days=7)


@pytest.fixture
def mentor(regency_library):
    return factories.user(
        role=Role.MENTOR, library=regency_library, username="dewi", first_name="Dewi"
    )


@pytest.fixture
def other_mentor(regency_library):
    return factories.user(role=Role.MENTOR, library=regency_library, username="rina")


@pytest.fixture
def colleague(village_library):
    return factories.user(role=Role.LEARNER, library=village_library, username="budi")


@pytest.fixture
def other_village(regency_library):
    return factories.library(
        kind=Library.Kind.VILLAGE,
        name="Perpustakaan Desa Sumber Ilmu",
        regency=regency_library.regency,
        mentor_library=regency_library,
    )


@pytest.fixture
def far_village(db):
    far_regency_library = factories.library(kind=Library.Kind.REGENCY)
    return factories.library(
        kind=Library.Kind.VILLAGE,
        regency=far_regency_library.regency,
        mentor_library=far_regency_library,
    )


@pytest.fixture
def assigned(mentor, village_library):
    return service.assignment_create(
        mentor=mentor, library=village_library, starts_on=YESTERDAY, assigned_by=mentor
    )


def log(mentor, library, **fields) -> Visit:
    values = {
        "visited_on": TODAY,
        "mode": Visit.Mode.VISIT,
        "attendee_ids": [],
        "topics": ["internet"],
        "notes": "",
        **fields,
    }
    return service.visit_log(mentor=mentor, library=library, **values)


# Assignments.


def test_programme_admin_assigns_any_mentor_any_library(programme_admin, mentor, far_village):
    assignment = service.assignment_create(
        mentor=mentor, library=far_village, starts_on=TODAY, assigned_by=programme_admin
    )
    assert assignment.pk and assignment.library == far_village


def test_mentor_assigns_herself_villages_and_people_her_library_mentors(
    mentor, village_library, learner
):
    service.assignment_create(
        mentor=mentor, library=village_library, starts_on=TODAY, assigned_by=mentor
    )
    service.assignment_create(mentor=mentor, mentee=learner, starts_on=TODAY, assigned_by=mentor)
    assert MentorAssignment.objects.filter(mentor=mentor).count() == 2


def test_mentor_cannot_assign_a_village_her_library_does_not_mentor(mentor, far_village):
    with pytest.raises(PermissionDenied):
        service.assignment_create(
            mentor=mentor, library=far_village, starts_on=TODAY, assigned_by=mentor
        )


def test_mentor_cannot_assign_another_mentor(mentor, other_mentor, village_library):
    with pytest.raises(PermissionDenied):
        service.assignment_create(
            mentor=other_mentor, library=village_library, starts_on=TODAY, assigned_by=mentor
        )
    assert not MentorAssignment.objects.exists()


def test_learner_cannot_assign(learner, mentor, village_library):
    with pytest.raises(PermissionDenied):
        service.assignment_create(
            mentor=mentor, library=village_library, starts_on=TODAY, assigned_by=learner
        )


def test_only_mentors_can_be_assigned(programme_admin, learner, village_library):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        service.assignment_create(
            mentor=learner, library=village_library, starts_on=TODAY, assigned_by=programme_admin
        )
    assert "mentor role" in str(error.value)


def test_an_assignment_needs_exactly_one_target_and_sane_dates(
    programme_admin, mentor, village_library
):
    with pytest.raises(ValidationError):
        service.assignment_create(mentor=mentor, starts_on=TODAY, assigned_by=programme_admin)
    with pytest.raises(ValidationError):
        service.assignment_create(
            mentor=mentor,
            library=village_library,
            starts_on=TODAY,
            ends_on=YESTERDAY,
            assigned_by=programme_admin,
        )


def test_the_same_assignment_twice_is_refused(mentor, village_library, assigned):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        service.assignment_create(
            mentor=mentor, library=village_library, starts_on=TODAY, assigned_by=mentor
        )
    assert "already assigned" in str(error.value)


# Logging visits.


def test_a_visit_is_logged_with_attendees_topics_and_follow_ups(
    mentor, assigned, village_library, learner, colleague
):
    visit = log(
        mentor,
        village_library,
        attendee_ids=[learner.pk, colleague.pk],
        topics=["internet", "Internet", " kegiatan  literasi "],
        notes="Membahas pelatihan internet.",
        next_visit_on=NEXT_WEEK,
        follow_ups=[
            {"action": "Jadwalkan pelatihan", "owner_id": learner.pk, "due_on": NEXT_WEEK},
            {"action": "Kirim materi", "owner_id": mentor.pk, "due_on": NEXT_WEEK},
            {"action": "", "owner_id": None, "due_on": None},
        ],
    )
    visit.refresh_from_db()
    assert set(visit.attendees.values_list("pk", flat=True)) == {learner.pk, colleague.pk}
    assert sorted(t.name for t in visit.topics.all()) == ["internet", "kegiatan literasi"]
    assert visit.next_visit_on == NEXT_WEEK
    assert sorted(visit.follow_ups.values_list("action", "status")) == [
        ("Jadwalkan pelatihan", FollowUp.Status.OPEN),
        ("Kirim materi", FollowUp.Status.OPEN),
    ]


def test_a_visit_to_a_library_not_assigned_is_refused(mentor, assigned, other_village):
    with pytest.raises(ValidationError) as error:
        log(mentor, other_village)
    assert error.value.message_dict["library"]
    assert not Visit.objects.exists()


def test_a_visit_is_refused_once_the_assignment_has_ended(mentor, village_library):
    MentorAssignment.objects.create(
        mentor=mentor,
        library=village_library,
        starts_on=TODAY - datetime.timedelta(days=60),
        ends_on=YESTERDAY,
    )
    with pytest.raises(ValidationError):
        log(mentor, village_library)


def test_the_library_of_an_assigned_person_may_be_visited(mentor, learner, village_library):
    service.assignment_create(mentor=mentor, mentee=learner, starts_on=TODAY, assigned_by=mentor)
    visit = log(mentor, village_library, attendee_ids=[learner.pk])
    assert visit.library == village_library


def test_attendees_from_outside_the_library_are_refused(
    mentor, assigned, village_library, learner, other_village
):
    outsider = factories.user(library=other_village, first_name="Orang Luar")
    with pytest.raises(ValidationError) as error:
        log(mentor, village_library, attendee_ids=[learner.pk, outsider.pk])
    assert "Orang Luar" in " ".join(error.value.message_dict["attendees"])
    assert not Visit.objects.exists()


def test_unknown_attendees_are_refused(mentor, assigned, village_library):
    with pytest.raises(ValidationError):
        log(mentor, village_library, attendee_ids=[987654])


def test_follow_up_owners_outside_the_library_are_refused_and_nothing_is_saved(
    mentor, assigned, village_library, other_village
):
    outsider = factories.user(library=other_village)
    with pytest.raises(ValidationError) as error:
        log(
            mentor,
            village_library,
            follow_ups=[{"action": "Tugas", "owner_id": outsider.pk, "due_on": NEXT_WEEK}],
        )
    assert error.value.message_dict["follow_ups"]
    assert not Visit.objects.exists()
    assert not FollowUp.objects.exists()


def test_half_filled_follow_ups_and_impossible_dates_are_refused(
    mentor, assigned, village_library, learner
):
    with pytest.raises(ValidationError):
        log(mentor, village_library, follow_ups=[{"action": "Tugas", "owner_id": learner.pk}])
    with pytest.raises(ValidationError) as error:
        log(mentor, village_library, visited_on=NEXT_WEEK)
    assert error.value.message_dict["visited_on"]
    with pytest.raises(ValidationError) as error:
        log(mentor, village_library, next_visit_on=YESTERDAY)
    assert error.value.message_dict["next_visit_on"]
    assert not Visit.objects.exists()


def test_only_mentors_log_visits(learner, village_library):
    with pytest.raises(PermissionDenied):
        log(learner, village_library)


def test_the_same_visit_twice_is_refused_with_the_one_on_record(mentor, assigned, village_library):
    first = log(mentor, village_library)
    with pytest.raises(service.VisitAlreadyLogged) as error:
        log(mentor, village_library)
    assert error.value.visit == first
    assert Visit.objects.count() == 1
    # Another mode on the same day is another visit.
    log(mentor, village_library, mode=Visit.Mode.PHONE)
    assert Visit.objects.count() == 2


# Updating visits and follow-ups.


def test_visit_update_by_its_mentor_only(mentor, other_mentor, assigned, village_library, learner):
    visit = log(mentor, village_library)
    changes = {
        "visited_on": YESTERDAY,
        "mode": Visit.Mode.ONLINE,
        "attendee_ids": [learner.pk],
        "topics": ["promosi"],
        "notes": "Diperbarui",
    }
    with pytest.raises(PermissionDenied):
        service.visit_update(visit=visit, user=other_mentor, **changes)
    service.visit_update(
        visit=visit,
        user=mentor,
        follow_ups=[{"action": "Tugas baru", "owner_id": learner.pk, "due_on": NEXT_WEEK}],
        **changes,
    )
    visit.refresh_from_db()
    assert (visit.visited_on, visit.mode, visit.notes) == (YESTERDAY, "online", "Diperbarui")
    assert [t.name for t in visit.topics.all()] == ["promosi"]
    assert list(visit.attendees.all()) == [learner]
    assert visit.follow_ups.get().action == "Tugas baru"


@pytest.fixture
def follow_up(mentor, assigned, village_library, learner) -> FollowUp:
    visit = log(
        mentor,
        village_library,
        attendee_ids=[learner.pk],
        follow_ups=[{"action": "Isi laporan", "owner_id": learner.pk, "due_on": NEXT_WEEK}],
    )
    return visit.follow_ups.get()


def test_follow_up_status_by_owner_or_mentor_only(follow_up, learner, mentor, other_mentor):
    service.follow_up_set_status(follow_up=follow_up, status=FollowUp.Status.DONE, user=learner)
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUp.Status.DONE and follow_up.done_at is not None

    service.follow_up_set_status(follow_up=follow_up, status=FollowUp.Status.OPEN, user=mentor)
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUp.Status.OPEN and follow_up.done_at is None

    with pytest.raises(PermissionDenied):
        service.follow_up_set_status(
            follow_up=follow_up, status=FollowUp.Status.DONE, user=other_mentor
        )
    with pytest.raises(ValidationError):
        service.follow_up_set_status(follow_up=follow_up, status="lost", user=mentor)


# The pages.


def visit_form_data(library, **fields) -> dict:
    return {
        "library": library.pk,
        "visited_on": TODAY.isoformat(),
        "mode": "visit",
        "topics": "internet, kegiatan literasi",
        "notes": "Catatan",
        "next_visit_on": "",
        "fu-TOTAL_FORMS": "3",
        "fu-INITIAL_FORMS": "0",
        "fu-MIN_NUM_FORMS": "0",
        "fu-MAX_NUM_FORMS": "20",
        **fields,
    }


def test_the_visit_form_lists_only_the_library_staff(
    mentor, assigned, learner, colleague, other_village
):
    outsider = factories.user(library=other_village)
    response = english_client(mentor).get(reverse("mentoring:visit_new"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'name="attendees" value="{learner.pk}"' in html
    assert f'name="attendees" value="{colleague.pk}"' in html
    assert f'value="{outsider.pk}"' not in html
    assert 'name="fu-0-action"' in html and 'name="fu-2-due_on"' in html


def test_a_mentor_with_several_libraries_chooses_one_first(
    mentor, assigned, other_village, far_village
):
    service.assignment_create(
        mentor=mentor, library=other_village, starts_on=TODAY, assigned_by=mentor
    )
    client = english_client(mentor)
    html = client.get(reverse("mentoring:visit_new")).content.decode()
    assert 'id="library-chooser"' in html and 'id="visit-form"' not in html
    response = client.get(reverse("mentoring:visit_new"), {"perpustakaan": other_village.pk})
    assert 'id="visit-form"' in response.content.decode()
    # Someone else's library is not among the choices.
    response = client.get(reverse("mentoring:visit_new"), {"perpustakaan": far_village.pk})
    assert 'id="visit-form"' not in response.content.decode()


def test_posting_the_form_logs_the_visit_and_goes_to_the_dashboard(
    mentor, assigned, village_library, learner
):
    data = visit_form_data(
        village_library,
        attendees=[learner.pk],
        **{
            "fu-0-action": "Jadwalkan pelatihan",
            "fu-0-owner": learner.pk,
            "fu-0-due_on": NEXT_WEEK.isoformat(),
        },
    )
    response = english_client(mentor).post(reverse("mentoring:visit_new"), data, follow=True)
    assert response.redirect_chain == [(reverse("mentoring:dashboard"), 302)]
    visit = Visit.objects.get()
    assert visit.follow_ups.get().owner == learner
    assert "is saved" in response.content.decode()


def test_sending_the_form_twice_logs_one_visit(mentor, assigned, village_library, learner):
    client = english_client(mentor)
    data = visit_form_data(village_library, attendees=[learner.pk])
    first = client.post(reverse("mentoring:visit_new"), data)
    second = client.post(reverse("mentoring:visit_new"), data, follow=True)
    visit = Visit.objects.get()
    assert first.status_code == 302
    assert second.redirect_chain == [(reverse("mentoring:visit_detail", args=[visit.pk]), 302)]
    assert "already logged" in second.content.decode()


def test_the_form_refuses_a_library_not_assigned(mentor, assigned, far_village):
    response = english_client(mentor).post(
        reverse("mentoring:visit_new"), visit_form_data(far_village)
    )
    assert response.status_code == 400
    assert not Visit.objects.exists()


def test_the_form_refuses_attendees_outside_the_library(
    mentor, assigned, village_library, learner, other_village
):
    outsider = factories.user(library=other_village)
    response = english_client(mentor).post(
        reverse("mentoring:visit_new"), visit_form_data(village_library, attendees=[outsider.pk])
    )
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()
    assert not Visit.objects.exists()


def test_the_form_explains_a_half_filled_follow_up(mentor, assigned, village_library):
    response = english_client(mentor).post(
        reverse("mentoring:visit_new"),
        visit_form_data(village_library, **{"fu-1-action": "Tugas tanpa pemilik"}),
    )
    assert response.status_code == 400
    assert str(service.FOLLOW_UP_INCOMPLETE) in response.content.decode()
    assert not Visit.objects.exists()


def test_non_mentors_cannot_open_the_visit_pages(learner):
    client = english_client(learner)
    for name in ("mentoring:visit_new", "mentoring:visit_list"):
        assert client.get(reverse(name)).status_code == 403


def test_a_mentor_never_sees_or_edits_another_mentors_visit(
    follow_up, other_mentor, village_library
):
    visit = follow_up.visit
    client = english_client(other_mentor)
    assert client.get(reverse("mentoring:visit_detail", args=[visit.pk])).status_code == 404
    assert client.get(reverse("mentoring:visit_edit", args=[visit.pk])).status_code == 404
    response = client.post(
        reverse("mentoring:visit_edit", args=[visit.pk]), visit_form_data(village_library)
    )
    assert response.status_code == 404
    response = client.post(
        reverse("mentoring:follow_up_status", args=[follow_up.pk]), {"status": "done"}
    )
    assert response.status_code == 404
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUp.Status.OPEN
    listing = client.get(reverse("mentoring:visit_list")).content.decode()
    assert f'data-visit-id="{visit.pk}"' not in listing
    assert (
        "Isi laporan"
        not in client.get(reverse("mentoring:visit_list") + "?format=csv").content.decode()
    )


def test_the_mentor_sees_her_visit_and_changes_a_follow_up_status(follow_up, mentor):
    client = english_client(mentor)
    detail = reverse("mentoring:visit_detail", args=[follow_up.visit_id])
    html = client.get(detail).content.decode()
    assert "Isi laporan" in html
    assert f'action="{reverse("mentoring:follow_up_status", args=[follow_up.pk])}"' in html
    status_url = reverse("mentoring:follow_up_status", args=[follow_up.pk])
    assert client.get(status_url).status_code == 405
    response = client.post(status_url, {"status": "done"})
    assert response.status_code == 302 and response["Location"] == detail
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUp.Status.DONE


def test_the_owner_may_close_her_follow_up(follow_up, learner):
    response = english_client(learner).post(
        reverse("mentoring:follow_up_status", args=[follow_up.pk]), {"status": "done"}
    )
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUp.Status.DONE


def test_editing_a_visit_through_the_form(follow_up, mentor, village_library, learner):
    visit = follow_up.visit
    client = english_client(mentor)
    html = client.get(reverse("mentoring:visit_edit", args=[visit.pk])).content.decode()
    assert 'value="internet"' in html
    response = client.post(
        reverse("mentoring:visit_edit", args=[visit.pk]),
        visit_form_data(village_library, mode="phone", attendees=[learner.pk], notes="Baru"),
    )
    assert response.status_code == 302
    visit.refresh_from_db()
    assert (visit.mode, visit.notes) == ("phone", "Baru")
    assert visit.follow_ups.count() == 1


def test_the_visit_list_exports_her_visits(follow_up, mentor):
    client = english_client(mentor)
    response = client.get(reverse("mentoring:visit_list"), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Date,Library,Mode")
    assert len(lines) == 2 and "internet" in lines[1]
    response = client.get(reverse("mentoring:visit_list"), {"format": "xlsx"})
    assert response.content[:2] == b"PK"


def test_the_form_shows_the_services_own_checks(mentor, assigned, village_library, learner):
    response = english_client(mentor).post(
        reverse("mentoring:visit_new"),
        visit_form_data(
            village_library,
            **{
                "fu-0-action": "Tugas",
                "fu-0-owner": learner.pk,
                "fu-0-due_on": YESTERDAY.isoformat(),
            },
        ),
    )
    assert response.status_code == 400
    assert str(service.FOLLOW_UP_DUE_TOO_EARLY) in response.content.decode()
    assert not Visit.objects.exists()
