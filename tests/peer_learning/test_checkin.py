"""Checking people in: by badge code (typed or scanned), by hand, once per day."""

import datetime
import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.urls import reverse
from django.utils import translation

from lms import signals
from lms.roles import Role
from peer_learning.models import CheckIn, Registration
from peer_learning.services import checkins as service
from tests.lms import factories
from tests.peer_learning import builders

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_pages(client):
    """Pages in English, so that tests can read their text (inside translation.override)."""
    client.cookies["django_language"] = "en"


@pytest.fixture
def meeting(regency_library):
    return builders.meeting(organiser=regency_library, days=3)


@pytest.fixture
def committee(meeting, regency_library):
    member = factories.user(role=Role.LEARNER, library=regency_library, first_name="Panitia")
    builders.registration(meeting, member, role=Registration.Role.COMMITTEE)
    return member


@pytest.fixture
def participant(meeting, learner):
    return builders.registration(meeting, learner)


@pytest.fixture
def attended():
    """Every meeting_attended event sent, as the receivers get it."""
    events = []

    def receiver(sender, **kwargs):
        events.append(kwargs)

    signals.meeting_attended.connect(receiver, dispatch_uid="test-plm-checkin")
    yield events
    signals.meeting_attended.disconnect(dispatch_uid="test-plm-checkin")


def by_code(meeting, code, by, day=None, method=CheckIn.Method.CODE):
    return service.checkin_by_code(
        meeting=meeting, code=code, day=day or meeting.starts_on, by=by, method=method
    )


def spaced(code: str) -> str:
    """The code as a person types it: lower case, in groups, with a dash."""
    low = code.lower()
    return f"  {low[:3]} {low[3:6]}-{low[6:]} "


# The service


def test_check_in_by_code(meeting, participant, committee):
    with translation.override("en"):
        result = by_code(meeting, participant.code, committee)

    assert result.ok and not result.already and result.first
    checkin = CheckIn.objects.get()
    assert checkin.registration == participant
    assert checkin.day == meeting.starts_on
    assert checkin.method == CheckIn.Method.CODE
    assert checkin.checked_in_by == committee
    assert "is checked in" in result.message


@pytest.mark.parametrize("typed", ["spaced", "url", "query"])
def test_the_code_as_typed_or_scanned(meeting, participant, committee, typed):
    code = participant.code
    text = {
        "spaced": spaced(code),
        "url": service.checkin_url(meeting_id=meeting.pk, code=code),
        "query": f"kode={code.lower()}",
    }[typed]

    result = by_code(meeting, text, committee)

    assert result.ok and result.registration == participant
    assert CheckIn.objects.filter(registration=participant).count() == 1


def test_a_code_of_another_meeting_is_rejected(meeting, regency_library, committee, learner):
    other = builders.meeting(organiser=regency_library)
    elsewhere = builders.registration(other, learner)

    result = by_code(meeting, elsewhere.code, committee)
    scanned = by_code(
        meeting, service.checkin_url(meeting_id=other.pk, code=elsewhere.code), committee
    )

    assert not result.ok and not scanned.ok
    with translation.override("en"):
        assert str(service.CODE_OF_ANOTHER_MEETING) == "This code belongs to another meeting."
    assert result.message == str(service.CODE_OF_ANOTHER_MEETING)
    assert result.registration is None  # nothing about the other meeting's person
    assert not CheckIn.objects.exists()


def test_an_unknown_code_is_rejected(meeting, committee):
    for text in ["PZZZZZZZZ", "", "   ", "https://x/?kode="]:
        result = by_code(meeting, text, committee)
        assert not result.ok
        assert result.message == str(service.CODE_NOT_FOUND)
    assert not CheckIn.objects.exists()


def test_twice_the_same_day_is_harmless(meeting, participant, committee):
    first = by_code(meeting, participant.code, committee)

    with translation.override("en"):
        second = by_code(meeting, spaced(participant.code), committee)

    assert second.ok and second.already and not second.first
    assert second.checkin == first.checkin
    at = first.checkin.at.astimezone(datetime.timezone(datetime.timedelta(hours=7)))
    assert f"already checked in at {at:%H:%M}" in second.message
    assert CheckIn.objects.count() == 1


def test_a_day_outside_the_meeting_is_rejected(meeting, participant, committee):
    for day in [meeting.starts_on - datetime.timedelta(1), meeting.ends_on + datetime.timedelta(1)]:
        with translation.override("en"):
            result = by_code(meeting, participant.code, committee, day=day)
        assert not result.ok
        assert "is not a day of this meeting" in result.message
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize("status", [Registration.Status.WAITLISTED, Registration.Status.CANCELLED])
def test_waiting_and_cancelled_people_are_rejected(meeting, learner, committee, status):
    registration = builders.registration(meeting, learner, status=status)

    with translation.override("en"):
        result = by_code(meeting, registration.code, committee)
        manual = service.checkin_manual(
            registration=registration, day=meeting.starts_on, by=committee
        )

    assert not result.ok and not manual.ok
    assert ("waiting list" if status == "waitlisted" else "cancelled") in result.message
    assert not CheckIn.objects.exists()


def test_the_attendance_event_is_sent_once(
    meeting, participant, committee, attended, django_capture_on_commit_callbacks
):
    day1, day2 = meeting.days[:2]
    with django_capture_on_commit_callbacks(execute=True):
        by_code(meeting, participant.code, committee, day=day1)
    with django_capture_on_commit_callbacks(execute=True):
        by_code(meeting, participant.code, committee, day=day1)
        service.checkin_manual(registration=participant, day=day2, by=committee)

    assert CheckIn.objects.filter(registration=participant).count() == 2
    assert len(attended) == 1
    event = attended[0]
    assert event["user"] == participant.user
    assert event["meeting"].pk == meeting.pk
    assert event["role"] == Registration.Role.PARTICIPANT
    assert event["attended_on"] == day1


def test_the_event_waits_for_the_commit(meeting, participant, committee, attended):
    by_code(meeting, participant.code, committee)  # the test's transaction never commits

    assert attended == []


def test_speakers_attend_as_speakers(
    meeting, committee, regency_library, attended, django_capture_on_commit_callbacks
):
    speaker = builders.registration(
        meeting, factories.user(library=regency_library), role=Registration.Role.SPEAKER
    )
    with django_capture_on_commit_callbacks(execute=True):
        by_code(meeting, speaker.code, committee)

    assert attended[0]["role"] == Registration.Role.SPEAKER


def test_only_the_committee_and_organisers_check_in(meeting, participant, learner, regency_library):
    with pytest.raises(PermissionDenied):
        by_code(meeting, participant.code, learner)  # a participant herself
    mentor = factories.user(role=Role.MENTOR, library=regency_library)  # organiser
    assert by_code(meeting, participant.code, mentor).ok
    waiting_committee = factories.user(library=regency_library)
    builders.registration(
        meeting,
        waiting_committee,
        role=Registration.Role.COMMITTEE,
        status=Registration.Status.CANCELLED,
    )
    with pytest.raises(PermissionDenied):
        service.checkin_manual(
            registration=participant, day=meeting.starts_on, by=waiting_committee
        )


# The pages


def url(meeting, **query):
    base = reverse("peer_learning:checkin", args=[meeting.pk])
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_non_committee_gets_403_on_the_page_and_the_posts(client, meeting, participant, learner):
    client.force_login(learner)

    assert client.get(url(meeting)).status_code == 403
    assert client.post(url(meeting), {"kode": participant.code}).status_code == 403
    manual = reverse("peer_learning:checkin_manual", args=[meeting.pk])
    assert client.post(manual, {"registration": participant.pk}).status_code == 403
    assert not CheckIn.objects.exists()


def test_anonymous_people_sign_in_first(client, meeting):
    assert client.get(url(meeting)).status_code == 302


def test_the_page_checks_in_a_typed_code(client, meeting, participant, committee):
    client.force_login(committee)
    day = meeting.days[1]

    with translation.override("en"):
        page = client.get(url(meeting, hari=day.isoformat()))
        assert "Checked in on" in page.content.decode()
        assert "0 of 2" in page.content.decode()
        response = client.post(
            url(meeting), {"kode": spaced(participant.code), "hari": day.isoformat()}, follow=True
        )

    body = response.content.decode()
    assert response.redirect_chain[-1][0] == url(meeting, hari=day.isoformat())
    assert 'id="checkin-result"' in body and 'data-ok="1"' in body
    assert participant.user.first_name in body
    assert "1 of 2" in body
    checkin = CheckIn.objects.get()
    assert checkin.day == day and checkin.method == CheckIn.Method.CODE
    # The result shows once.
    assert 'id="checkin-result"' not in client.get(url(meeting)).content.decode()


def test_the_page_shows_a_rejection_in_red(client, meeting, regency_library, committee, learner):
    other = builders.meeting(organiser=regency_library)
    elsewhere = builders.registration(other, learner)
    client.force_login(committee)

    with translation.override("en"):
        response = client.post(url(meeting), {"kode": elsewhere.code}, follow=True)

    body = response.content.decode()
    assert 'data-ok="0"' in body
    assert "This code belongs to another meeting." in body
    assert not CheckIn.objects.exists()


def test_a_phone_scan_asks_to_confirm_then_posts(client, meeting, participant, committee):
    client.force_login(committee)
    scanned = service.checkin_url(meeting_id=meeting.pk, code=participant.code)
    path = scanned.split("127.0.0.1:8000", 1)[-1]

    page = client.get(path)

    assert page.status_code == 200
    assert 'id="scan-confirm"' in page.content.decode()
    assert participant.user.first_name in page.content.decode()
    assert not CheckIn.objects.exists()  # GET changes nothing

    client.post(
        url(meeting),
        {"kode": participant.code, "hari": meeting.starts_on.isoformat(), "via": "scan"},
    )
    assert CheckIn.objects.get().method == CheckIn.Method.SCAN


def test_a_scanner_typing_the_url_counts_as_a_scan(client, meeting, participant, committee):
    client.force_login(committee)

    client.post(
        url(meeting),
        {
            "kode": service.checkin_url(meeting_id=meeting.pk, code=participant.code),
            "hari": meeting.starts_on.isoformat(),
        },
    )

    assert CheckIn.objects.get().method == CheckIn.Method.SCAN


def test_the_page_refuses_bad_input(client, meeting, participant, committee):
    client.force_login(committee)

    assert client.post(url(meeting), {"kode": ""}).status_code == 302
    outside = (meeting.ends_on + datetime.timedelta(1)).isoformat()
    client.post(url(meeting), {"kode": participant.code, "hari": outside})
    client.post(url(meeting), {"kode": participant.code, "hari": "kemarin"})

    assert not CheckIn.objects.exists()
    assert client.get(url(meeting, hari="kemarin")).status_code == 200


def test_manual_check_in_from_the_list(client, meeting, participant, committee):
    client.force_login(committee)
    manual = reverse("peer_learning:checkin_manual", args=[meeting.pk])
    day = meeting.starts_on.isoformat()

    assert client.get(manual).status_code == 405
    response = client.post(manual, {"registration": participant.pk, "hari": day, "q": "sari"})
    client.post(manual, {"registration": participant.pk, "hari": day})

    assert response.status_code == 302
    assert "q=sari" in response["Location"]
    checkin = CheckIn.objects.get()
    assert checkin.method == CheckIn.Method.MANUAL and checkin.checked_in_by == committee
    other = builders.registration(builders.meeting(organiser=meeting.organiser), committee)
    assert client.post(manual, {"registration": other.pk, "hari": day}).status_code == 404


def test_the_list_searches_by_name_and_pages(client, meeting, committee, regency_library):
    builders.participants(meeting, 60, libraries=[regency_library])
    client.force_login(committee)

    first = client.get(url(meeting)).content.decode()
    second = client.get(url(meeting, page=2)).content.decode()
    found = client.get(url(meeting, q="Panitia")).content.decode()

    assert first.count('id="manual-') == 50
    assert second.count('id="manual-') == 11
    assert found.count('id="manual-') == 1


def test_the_default_day_is_today_within_the_meeting(client, regency_library):
    from django.utils import timezone

    today = timezone.localdate()
    running = builders.meeting(organiser=regency_library, starts_on=today - datetime.timedelta(1))
    client.force_login(factories.user(role=Role.PROGRAMME_ADMIN))

    response = client.get(url(running))

    assert response.context["day"] == today
    later = builders.meeting(organiser=regency_library)
    assert client.get(url(later)).context["day"] == later.starts_on


# Session, user, meeting, roles, staff profile, committee membership, the counters, the
# list's count and its page, Wagtail's site (for the link to the meeting page).
CHECKIN_PAGE_QUERIES = 10


@pytest.mark.parametrize("n", [30, 350])
def test_the_page_runs_a_fixed_number_of_queries(
    client, meeting, committee, regency_library, village_library, django_assert_num_queries, n
):
    registrations = builders.participants(meeting, n, libraries=[regency_library, village_library])
    CheckIn.objects.bulk_create(
        [
            CheckIn(registration=r, day=meeting.starts_on, method=CheckIn.Method.MANUAL)
            for r in registrations[::3]
        ]
    )
    client.force_login(committee)
    client.get(url(meeting))  # Wagtail caches the site's root paths on the first page

    with django_assert_num_queries(CHECKIN_PAGE_QUERIES):
        response = client.get(url(meeting, q="Peserta"))

    assert response.status_code == 200
    assert response.context["counts"] == {"expected": n + 1, "checked_in": len(registrations[::3])}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_scans_leave_one_row_and_one_event(regency_library, learner, attended):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are what this test is about: PostgreSQL only")
    meeting = builders.meeting(organiser=regency_library, days=2)
    registration = builders.registration(meeting, learner)
    desk = factories.user(role=Role.PROGRAMME_ADMIN)
    scans = [meeting.days[0]] * 4 + [meeting.days[1]] * 2
    barrier = threading.Barrier(len(scans))
    results, errors = [], []

    def scan(day):
        try:
            barrier.wait(timeout=10)
            results.append(by_code(meeting, registration.code, desk, day=day))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=scan, args=(day,)) for day in scans]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert all(result.ok for result in results)
    assert sum(not result.already for result in results) == 2
    assert CheckIn.objects.filter(registration=registration).count() == 2
    assert len(attended) == 1
