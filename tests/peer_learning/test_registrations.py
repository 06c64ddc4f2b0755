"""Nominating people for a meeting: capacity, waiting list, quotas, window, permissions."""

import datetime
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

from lms.roles import Role
from peer_learning.models import Registration
from peer_learning.services import checkins as checkin_service
from peer_learning.services import registrations as service
from tests.lms import factories
from tests.peer_learning import builders

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_pages(client):
    """Pages in English, so that tests can read their text (inside translation.override)."""
    client.cookies["django_language"] = "en"


REGISTERED = Registration.Status.REGISTERED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED
PESERTA = Registration.Role.PARTICIPANT


@pytest.fixture
def meeting(regency_library):
    return builders.meeting(organiser=regency_library, capacity=2)


@pytest.fixture
def mentor(regency_library):
    return factories.user(role=Role.MENTOR, library=regency_library, username="pendamping")


def staff(library, **fields):
    return factories.user(role=Role.LEARNER, library=library, **fields)


def nominate(meeting, user, by, role=PESERTA):
    return service.registration_nominate(meeting=meeting, user=user, role=role, nominated_by=by)


def error_text(excinfo) -> str:
    return " ".join(excinfo.value.messages)


# Capacity and the waiting list


def test_nominating_within_capacity_registers_with_a_code(meeting, learner, village_library):
    registration = nominate(meeting, learner, learner)

    assert registration.status == REGISTERED
    assert registration.nominated_now
    assert registration.library == village_library
    assert registration.nominated_by == learner
    assert registration.code.startswith("P") and len(registration.code) == 9
    assert registration.queued_at is None


def test_over_capacity_joins_the_waiting_list(meeting, learner, village_library):
    first, second, third = (staff(village_library) for _ in range(3))
    nominate(meeting, first, learner)
    nominate(meeting, second, learner)

    waiting = nominate(meeting, third, learner)

    assert waiting.status == WAITLISTED
    assert waiting.queued_at is not None
    assert service.waiting_position(waiting) == 1


def test_committee_and_speakers_do_not_take_participant_places(meeting, mentor, regency_library):
    people = [staff(regency_library) for _ in range(4)]
    nominate(meeting, people[0], mentor)
    nominate(meeting, people[1], mentor)

    committee = nominate(meeting, people[2], mentor, role=Registration.Role.COMMITTEE)
    speaker = nominate(meeting, people[3], mentor, role=Registration.Role.SPEAKER)

    assert committee.status == REGISTERED
    assert speaker.status == REGISTERED
    assert service.places_taken(meeting) == 2


def test_cancelling_moves_the_first_waiting_person_up(meeting, learner, village_library):
    a, b, c, d = (staff(village_library) for _ in range(4))
    first = nominate(meeting, a, learner)
    nominate(meeting, b, learner)
    earlier = nominate(meeting, c, learner)
    later = nominate(meeting, d, learner)
    assert earlier.status == later.status == WAITLISTED

    cancelled = service.registration_cancel(registration=first, cancelled_by=learner)

    assert cancelled.status == CANCELLED
    assert cancelled.cancelled_at is not None
    assert [r.pk for r in cancelled.moved_up] == [earlier.pk]
    earlier.refresh_from_db()
    later.refresh_from_db()
    assert earlier.status == REGISTERED and earlier.queued_at is None
    assert later.status == WAITLISTED
    assert service.waiting_position(later) == 1


def test_cancelling_a_waiting_person_moves_nobody(meeting, learner, village_library):
    a, b, c = (staff(village_library) for _ in range(3))
    nominate(meeting, a, learner)
    nominate(meeting, b, learner)
    waiting = nominate(meeting, c, learner)

    cancelled = service.registration_cancel(registration=waiting, cancelled_by=learner)

    assert cancelled.moved_up == []
    assert service.places_taken(meeting) == 2


def test_cancelling_twice_is_harmless(meeting, learner):
    registration = nominate(meeting, learner, learner)
    service.registration_cancel(registration=registration, cancelled_by=learner)

    again = service.registration_cancel(registration=registration, cancelled_by=learner)

    assert again.status == CANCELLED
    assert again.moved_up == []


def test_who_may_cancel(meeting, learner, mentor, programme_admin, regency_library):
    registration = nominate(meeting, learner, learner)
    outsider = staff(factories.library())

    with pytest.raises(PermissionDenied):
        service.registration_cancel(registration=registration, cancelled_by=outsider)
    assert service.may_cancel(learner, registration)  # herself
    assert service.may_cancel(mentor, registration)  # her library's mentor, also organiser
    assert service.may_cancel(programme_admin, registration)


def test_someone_who_checked_in_cannot_be_cancelled(meeting, learner, mentor):
    registration = nominate(meeting, learner, learner)
    checkin_service.checkin_manual(registration=registration, day=meeting.starts_on, by=mentor)

    with pytest.raises(ValidationError):
        service.registration_cancel(registration=registration, cancelled_by=learner)


def test_nominating_twice_is_harmless(meeting, learner):
    first = nominate(meeting, learner, learner)

    again = nominate(meeting, learner, learner, role=Registration.Role.SPEAKER)

    assert again.pk == first.pk
    assert not again.nominated_now
    assert again.role == PESERTA
    assert Registration.objects.filter(meeting=meeting).count() == 1


def test_a_cancelled_registration_comes_back(meeting, learner):
    first = nominate(meeting, learner, learner)
    service.registration_cancel(registration=first, cancelled_by=learner)

    back = nominate(meeting, learner, learner, role=Registration.Role.SPEAKER)

    assert back.pk == first.pk
    assert back.nominated_now
    assert back.status == REGISTERED
    assert back.role == Registration.Role.SPEAKER
    assert back.cancelled_at is None
    assert back.code == first.code


# Library quota


def test_library_quota_counts_the_waiting_list(regency_library, village_library, learner):
    meeting = builders.meeting(organiser=regency_library, capacity=1, library_quota=2)
    a, b = staff(village_library), staff(village_library)
    assert nominate(meeting, a, learner).status == REGISTERED
    assert nominate(meeting, b, learner).status == WAITLISTED

    with pytest.raises(ValidationError) as excinfo, translation.override("en"):
        nominate(meeting, learner, learner)

    with translation.override("en"):
        assert "already used all its 2 places" in error_text(excinfo)
        assert village_library.name in error_text(excinfo)
    assert not Registration.objects.filter(meeting=meeting, user=learner).exists()


def test_library_quota_is_per_library(regency_library, village_library, learner, mentor):
    meeting = builders.meeting(organiser=regency_library, capacity=10, library_quota=1)
    nominate(meeting, learner, learner)

    other = nominate(meeting, staff(regency_library), mentor)
    committee = nominate(meeting, staff(village_library), mentor, role="panitia")

    assert other.status == REGISTERED
    assert committee.status == REGISTERED  # the quota counts participants only


def test_moving_up_skips_a_library_over_its_quota(regency_library, village_library, learner):
    meeting = builders.meeting(organiser=regency_library, capacity=2)
    other_library = factories.library(
        regency=regency_library.regency, mentor_library=regency_library
    )
    first = builders.registration(meeting, staff(other_library))
    builders.registration(meeting, staff(village_library))
    now = timezone.now()
    waiting_village = builders.registration(meeting, learner, status=WAITLISTED, queued_at=now)
    waiting_other = builders.registration(
        meeting,
        staff(other_library),
        status=WAITLISTED,
        queued_at=now + datetime.timedelta(seconds=1),
    )
    # A quota set after the waiting list formed: the village library has used its place.
    meeting.library_quota = 1
    meeting.save()

    admin = factories.user(role=Role.PROGRAMME_ADMIN)
    service.registration_cancel(registration=first, cancelled_by=admin)

    waiting_village.refresh_from_db()
    waiting_other.refresh_from_db()
    assert waiting_village.status == WAITLISTED
    assert waiting_other.status == REGISTERED


# Registration window


def _window_meeting(organiser, **window):
    today = timezone.localdate()
    return builders.meeting(
        organiser=organiser, starts_on=today + datetime.timedelta(days=10), **window
    )


def test_window_closed(regency_library, learner):
    today = timezone.localdate()
    meeting = _window_meeting(
        regency_library,
        registration_opens=today - datetime.timedelta(days=10),
        registration_closes=today - datetime.timedelta(days=1),
    )

    with pytest.raises(ValidationError) as excinfo:
        nominate(meeting, learner, learner)

    with translation.override("en"):
        assert error_text(excinfo) == "Registration for this meeting has closed."


def test_window_not_open_yet(regency_library, learner):
    today = timezone.localdate()
    meeting = _window_meeting(regency_library, registration_opens=today + datetime.timedelta(1))

    with pytest.raises(ValidationError) as excinfo:
        nominate(meeting, learner, learner)

    with translation.override("en"):
        assert error_text(excinfo) == "Registration for this meeting has not opened yet."


def test_window_is_inclusive(regency_library, learner):
    today = timezone.localdate()
    meeting = _window_meeting(regency_library, registration_opens=today, registration_closes=today)

    assert nominate(meeting, learner, learner).status == REGISTERED


def test_without_a_window_registration_stays_open_until_the_last_day(regency_library, learner):
    today = timezone.localdate()
    running = builders.meeting(organiser=regency_library, starts_on=today - datetime.timedelta(1))
    over = builders.meeting(organiser=regency_library, starts_on=today - datetime.timedelta(5))

    assert nominate(running, learner, learner).status == REGISTERED
    with pytest.raises(ValidationError):
        nominate(over, learner, learner)


def test_organisers_add_people_after_the_window(regency_library, mentor):
    today = timezone.localdate()
    meeting = _window_meeting(regency_library, registration_closes=today - datetime.timedelta(1))

    registration = nominate(meeting, staff(regency_library), mentor, role="panitia")

    assert registration.status == REGISTERED


# Who may nominate whom


def test_staff_cannot_nominate_another_librarys_staff(meeting, learner):
    stranger = staff(factories.library())

    with pytest.raises(ValidationError) as excinfo:
        nominate(meeting, stranger, learner)

    with translation.override("en"):
        assert "staff of your own library" in error_text(excinfo)
    assert not Registration.objects.filter(user=stranger).exists()


def test_village_staff_cannot_nominate_their_mentor_librarys_staff(
    meeting, learner, regency_library
):
    with pytest.raises(ValidationError):
        nominate(meeting, staff(regency_library), learner)


def test_a_mentor_nominates_her_mentored_libraries_staff(meeting, mentor, learner, village_library):
    registration = nominate(meeting, learner, mentor)

    assert registration.status == REGISTERED
    assert registration.library == village_library
    assert registration.nominated_by == mentor


def test_a_mentor_of_another_regency_cannot(meeting, learner):
    other_mentor = factories.user(role=Role.MENTOR, library=factories.library(kind="regency"))

    with pytest.raises(ValidationError):
        nominate(meeting, learner, other_mentor)


def test_programme_admins_nominate_anyone(meeting, programme_admin):
    person = staff(factories.library())

    assert nominate(meeting, person, programme_admin).status == REGISTERED


def test_someone_without_a_library_cannot_be_nominated(meeting, programme_admin):
    nobody = factories.user(role=Role.LEARNER, library=None)

    with pytest.raises(ValidationError) as excinfo:
        nominate(meeting, nobody, programme_admin)

    assert excinfo.value.code == "no_library"


# The pages


def login(client, user):
    client.force_login(user)


def test_nominate_page_lists_the_libraries_people(client, meeting, learner, village_library):
    colleague = staff(village_library, first_name="Wulan")
    stranger = staff(factories.library(), first_name="Orang Lain")
    login(client, learner)

    response = client.get(reverse("peer_learning:nominate", args=[meeting.pk]))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Wulan" in body and f'id="nominate-{colleague.pk}"' in body
    assert "Orang Lain" not in body and f'id="nominate-{stranger.pk}"' not in body


def test_nominate_page_post_registers_and_redirects(client, meeting, learner, village_library):
    colleague = staff(village_library, first_name="Wulan")
    login(client, learner)
    url = reverse("peer_learning:nominate", args=[meeting.pk])

    with translation.override("en"):
        response = client.post(url, {"person": colleague.pk, "role": "narasumber"}, follow=True)
        again = client.post(url, {"person": colleague.pk, "role": "narasumber"}, follow=True)

    assert response.redirect_chain == [(url, 302)]
    registration = Registration.objects.get(meeting=meeting, user=colleague)
    assert registration.role == Registration.Role.SPEAKER
    assert "is registered as" in response.content.decode()
    assert "already on the list" in again.content.decode()
    assert Registration.objects.filter(meeting=meeting).count() == 1
    # Now shown among those on the list, with a cancel button.
    assert f'data-registration="{registration.pk}"' in again.content.decode()


def test_nominate_page_refuses_another_librarys_person(client, meeting, learner):
    stranger = staff(factories.library())
    login(client, learner)

    with translation.override("en"):
        response = client.post(
            reverse("peer_learning:nominate", args=[meeting.pk]),
            {"person": stranger.pk, "role": PESERTA},
            follow=True,
        )

    assert "staff of your own library" in response.content.decode()
    assert not Registration.objects.filter(user=stranger).exists()


def test_nominate_page_bad_input(client, meeting, learner):
    login(client, learner)
    url = reverse("peer_learning:nominate", args=[meeting.pk])

    assert client.post(url, {"person": "x", "role": PESERTA}).status_code == 302
    assert client.post(url, {"person": learner.pk, "role": "raja"}).status_code == 302
    assert client.post(url, {"person": 999999, "role": PESERTA}).status_code == 404
    assert not Registration.objects.exists()


def test_nominate_page_denials(client, meeting):
    url = reverse("peer_learning:nominate", args=[meeting.pk])
    assert client.get(url).status_code == 302  # sign in first
    login(client, factories.user(role=Role.TRAINER, library=None))
    assert client.get(url).status_code == 403
    assert client.get(reverse("peer_learning:nominate", args=[999999])).status_code == 404


def test_cancel_through_the_page(client, meeting, learner, village_library):
    registration = nominate(meeting, learner, learner)
    waiting = [nominate(meeting, staff(village_library), learner) for _ in range(2)][-1]
    nominate(meeting, staff(village_library), learner)
    login(client, learner)
    url = reverse("peer_learning:cancel", args=[meeting.pk, registration.pk])

    assert client.get(url).status_code == 405
    with translation.override("en"):
        response = client.post(url, follow=True)

    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.status == CANCELLED
    assert "moved up from the waiting list" in response.content.decode()
    assert waiting.status == REGISTERED


def test_cancel_denied_for_others(client, meeting, learner):
    registration = nominate(meeting, learner, learner)
    login(client, staff(factories.library()))

    response = client.post(reverse("peer_learning:cancel", args=[meeting.pk, registration.pk]))

    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.status == REGISTERED


def test_badge_qr(client, meeting, learner, mentor):
    registration = nominate(meeting, learner, learner)
    url = reverse("peer_learning:badge_qr", args=[meeting.pk, registration.code])

    login(client, learner)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content

    login(client, mentor)
    assert client.get(url).status_code == 200
    login(client, staff(factories.library()))
    assert client.get(url).status_code == 404
    other = builders.meeting(organiser=meeting.organiser)
    login(client, learner)
    wrong = reverse("peer_learning:badge_qr", args=[other.pk, registration.code])
    assert client.get(wrong).status_code == 404


def test_the_qr_holds_the_absolute_checkin_url(settings, meeting):
    settings.WAGTAILADMIN_BASE_URL = "https://sebaya.example/"

    url = checkin_service.checkin_url(meeting_id=meeting.pk, code="PABCDEFGH")

    assert url == f"https://sebaya.example/pbs/{meeting.pk}/hadir/?kode=PABCDEFGH"


# Session, user, meeting, roles, staff profile, mentored libraries, the people's count and
# page, the registrations of those libraries, the waiting list's order, the place counts,
# Wagtail's site (for the link to the meeting page).
NOMINATE_PAGE_QUERIES = 12


@pytest.mark.parametrize("n", [5, 120])
def test_the_nominate_page_runs_a_fixed_number_of_queries(
    client, meeting, mentor, village_library, regency_library, django_assert_num_queries, n
):
    builders.participants(meeting, n, libraries=[village_library, regency_library])
    builders.participants(
        meeting, 3, libraries=[village_library], status=Registration.Status.WAITLISTED
    )
    login(client, mentor)
    url = reverse("peer_learning:nominate", args=[meeting.pk])
    client.get(url)  # Wagtail caches the site's root paths on the first page

    with django_assert_num_queries(NOMINATE_PAGE_QUERIES):
        response = client.get(url)

    assert response.status_code == 200
    assert len(response.context["registrations"]) == n + 3


# At the same moment (needs real row locks: PostgreSQL; SQLite runs one writer at a time)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_nominations_keep_the_capacity(regency_library, village_library, learner):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are what this test is about: PostgreSQL only")
    meeting = builders.meeting(organiser=regency_library, capacity=2)
    people = [staff(village_library) for _ in range(6)]
    barrier = threading.Barrier(len(people))
    errors = []

    def nominate_one(person):
        try:
            barrier.wait(timeout=10)
            nominate(meeting, person, learner)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=nominate_one, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    rows = Registration.objects.filter(meeting=meeting)
    assert rows.filter(status=REGISTERED).count() == 2
    assert rows.filter(status=WAITLISTED).count() == 4
