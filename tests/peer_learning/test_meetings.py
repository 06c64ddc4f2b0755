"""The meeting index and meeting pages, the person's own meetings, the menu and home panel."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from lms.models import Library
from lms.roles import Role
from peer_learning.dates import format_dates
from peer_learning.models import AgendaSession, CheckIn, Registration, Story
from tests.lms import factories

from . import builders

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def client(client):
    client.cookies["django_language"] = "en"
    return client


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.fixture
def upcoming(regency_library):
    return builders.meeting(
        organiser=regency_library,
        title="PBS Kabupaten Lumajang",
        starts_on=TODAY + datetime.timedelta(days=30),
        registration_opens=TODAY - datetime.timedelta(days=5),
        registration_closes=TODAY + datetime.timedelta(days=20),
        capacity=50,
    )


@pytest.fixture
def past(regency_library):
    return builders.meeting(
        organiser=regency_library,
        title="PLM Nasional 2015",
        starts_on=datetime.date(2015, 5, 18),
        days=5,
        level="national",
        venue="Denpasar, Bali",
    )


@pytest.fixture
def mentor(regency_library):
    return factories.user(role=Role.MENTOR, library=regency_library, username="bambang")


def add_sessions(meeting, n):
    for i in range(n):
        day, slot = divmod(i, 6)
        builders.session(
            meeting,
            day=day % len(meeting.days),
            start=f"{8 + slot:02d}:00",
            end=f"{9 + slot:02d}:00",
            room="Aula" if i % 2 else "Ruang 2",
            kind=AgendaSession.Kind.ACHIEVEMENTS,
        )


# The index


def test_the_index_lists_upcoming_meetings_first_with_places_then_past_ones(
    client, upcoming, past, village_library
):
    builders.participants(upcoming, 3, libraries=[village_library])
    with translation.override("en"):
        response = client.get(builders.index().url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("PBS Kabupaten Lumajang") < html.index("PLM Nasional 2015")
    assert "47 places left" in html
    assert "Registration open until" in html
    upcoming_part = html[html.index('id="upcoming-meetings"') : html.index('id="past-meetings"')]
    assert "PLM Nasional 2015" not in upcoming_part
    assert "18–22 May 2015 · Denpasar, Bali" in html[html.index('id="past-meetings"') :]


def test_the_index_runs_a_fixed_number_of_queries(client, regency_library, learner):
    client.force_login(learner)
    builders.meeting(organiser=regency_library, starts_on=TODAY)
    url = builders.index().url
    few = queries(client, url)
    for i in range(8):
        builders.meeting(organiser=regency_library, starts_on=TODAY + datetime.timedelta(i - 4))
    assert queries(client, url) == few


# The meeting page


def test_anyone_may_read_a_meeting_page_and_is_asked_to_sign_in(client, past):
    builders.session(past, title="Pleno pembukaan", room="Ballroom")
    with translation.override("en"):
        response = client.get(past.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pleno pembukaan" in html and "Denpasar, Bali" in html
    assert '<dd id="meeting-dates">18–22 May 2015</dd>' in html
    assert 'id="sign-in-link"' in html
    assert reverse("peer_learning:nominate", args=[past.pk]) not in html
    assert reverse("peer_learning:materials", args=[past.pk]) not in html


def test_a_registered_person_sees_her_role_and_qr_code(client, upcoming, learner):
    registration = builders.registration(upcoming, learner, role=Registration.Role.SPEAKER)
    client.force_login(learner)
    with translation.override("en"):
        html = client.get(upcoming.url).content.decode()
    assert "You are registered as Speaker (narasumber) for Perpustakaan Desa Tunas Bangsa" in html
    assert reverse("peer_learning:badge_qr", args=[upcoming.pk, registration.code]) in html
    assert registration.code in html
    # Her library's stories, no organiser's buttons.
    assert reverse("peer_learning:stories", args=[upcoming.pk]) in html
    assert reverse("peer_learning:materials", args=[upcoming.pk]) not in html
    assert reverse("peer_learning:checkin", args=[upcoming.pk]) not in html
    assert reverse("peer_learning:cancel", args=[upcoming.pk, registration.pk]) in html


def test_a_waitlisted_person_sees_her_place_in_the_queue(
    client, upcoming, learner, village_library
):
    now = timezone.now()
    for i, waiting in enumerate(builders.participants(upcoming, 2, libraries=[village_library])):
        waiting.status = Registration.Status.WAITLISTED
        waiting.queued_at = now - datetime.timedelta(hours=3 - i)
        waiting.save()
    builders.registration(upcoming, learner, status=Registration.Status.WAITLISTED, queued_at=now)
    client.force_login(learner)
    with translation.override("en"):
        html = client.get(upcoming.url).content.decode()
    assert 'data-status="waitlisted"' in html
    assert "You are number 3 on the waiting list" in html
    assert "badge_qr" not in html and "/qr/" not in html


def test_a_person_not_registered_is_told_so_and_may_nominate_while_open(client, upcoming, learner):
    client.force_login(learner)
    with translation.override("en"):
        html = client.get(upcoming.url).content.decode()
    assert "You are not registered for this meeting." in html
    assert reverse("peer_learning:nominate", args=[upcoming.pk]) in html


def test_nothing_to_nominate_once_registration_closed(client, past, learner):
    client.force_login(learner)
    html = client.get(past.url).content.decode()
    assert reverse("peer_learning:nominate", args=[past.pk]) not in html


def test_a_cancelled_registration_counts_as_not_registered(client, upcoming, learner):
    builders.registration(upcoming, learner, status=Registration.Status.CANCELLED)
    client.force_login(learner)
    with translation.override("en"):
        html = client.get(upcoming.url).content.decode()
    assert "You are not registered for this meeting." in html


def test_organisers_see_the_organisers_buttons(client, upcoming, mentor, programme_admin):
    for user in (mentor, programme_admin):
        client.force_login(user)
        html = client.get(upcoming.url).content.decode()
        for name in ("participants", "checkin", "materials", "story_schedule", "nominate"):
            assert reverse(f"peer_learning:{name}", args=[upcoming.pk]) in html, (user, name)


def test_another_librarys_mentor_is_no_organiser(client, upcoming):
    other = factories.library(kind=Library.Kind.REGENCY)
    stranger = factories.user(role=Role.MENTOR, library=other)
    client.force_login(stranger)
    html = client.get(upcoming.url).content.decode()
    assert reverse("peer_learning:materials", args=[upcoming.pk]) not in html
    assert reverse("peer_learning:checkin", args=[upcoming.pk]) not in html


def test_the_committee_may_check_people_in(client, upcoming, learner):
    builders.registration(upcoming, learner, role=Registration.Role.COMMITTEE)
    client.force_login(learner)
    html = client.get(upcoming.url).content.decode()
    assert reverse("peer_learning:checkin", args=[upcoming.pk]) in html
    assert reverse("peer_learning:materials", args=[upcoming.pk]) not in html


def test_the_timetable_shows_parallel_rooms_and_scheduled_stories(
    client, past, village_library, learner
):
    builders.session(past, day=0, start="08:00", end="09:00", title="Registrasi", room="")
    sharing = builders.session(
        past, day=1, start="10:00", end="12:00", title="Kelas berbagi TIK", room="Ruang Melati"
    )
    builders.session(past, day=1, start="10:00", end="12:00", title="Lapak produk", room="Halaman")
    Story.objects.create(
        meeting=past,
        library=village_library,
        author=learner,
        kind=Story.Kind.IMPACT,
        theme=Story.Theme.COMMUNITY,
        title="Kaos sablon Desa Tlogosih",
        text="Cerita.",
        status=Story.Status.ACCEPTED,
        session=sharing,
    )
    Story.objects.create(
        meeting=past,
        library=village_library,
        author=learner,
        kind=Story.Kind.IMPACT,
        theme=Story.Theme.COMMUNITY,
        title="Draf rahasia",
        text="Belum.",
        session=sharing,
    )
    with translation.override("en"):
        html = client.get(past.url).content.decode()
    assert html.count('class="plm-day"') == 5
    assert "one column per room" in html
    assert ">Ruang Melati</th>" in html and ">Halaman</th>" in html
    assert "Kaos sablon Desa Tlogosih" in html
    assert "Draf rahasia" not in html


@pytest.mark.parametrize("user", ["anonymous", "learner", "mentor"])
def test_the_meeting_page_runs_a_fixed_number_of_queries(
    client, upcoming, village_library, learner, mentor, user
):
    if user != "anonymous":
        person = {"learner": learner, "mentor": mentor}[user]
        builders.registration(upcoming, person)
        client.force_login(person)
    add_sessions(upcoming, 3)
    few = queries(client, upcoming.url)
    add_sessions(upcoming, 27)
    sessions = list(upcoming.sessions.all())
    for i, session in enumerate(sessions[:10]):
        Story.objects.create(
            meeting=upcoming,
            library=village_library,
            author=learner,
            kind=Story.Kind.ACHIEVEMENT,
            theme=Story.Theme.ICT,
            title=f"Capaian {i}",
            text="Teks.",
            status=Story.Status.ACCEPTED,
            session=session,
        )
    builders.participants(upcoming, 30, libraries=[village_library])
    assert queries(client, upcoming.url) == few
    assert few <= 20


# My meetings


def test_my_meetings_needs_signing_in(client):
    response = client.get(reverse("peer_learning:mine"))
    assert response.status_code == 302
    assert reverse("lms:login") in response["Location"]


def test_my_meetings_lists_upcoming_and_past_registrations_with_check_ins(
    client, upcoming, past, learner, regency_library
):
    other = builders.meeting(
        organiser=regency_library,
        title="PBS Terbuka",
        starts_on=TODAY + datetime.timedelta(days=10),
    )
    builders.registration(upcoming, learner)
    attended = builders.registration(past, learner, role=Registration.Role.SPEAKER)
    CheckIn.objects.create(registration=attended, day=past.starts_on, method="scan")
    CheckIn.objects.create(registration=attended, day=past.days[1], method="manual")
    client.force_login(learner)
    with translation.override("en"):
        response = client.get(reverse("peer_learning:mine"))
    html = response.content.decode()
    mine_upcoming = html[html.index('id="my-upcoming"') : html.index('id="open-meetings"')]
    assert "PBS Kabupaten Lumajang" in mine_upcoming
    assert "PBS Terbuka" in html[html.index('id="open-meetings"') :]  # open, not registered
    past_part = html[html.index('id="my-past"') :]
    assert "PLM Nasional 2015" in past_part and "Speaker (narasumber)" in past_part
    assert "Checked in" in past_part and "Mon 18 May" in past_part
    assert "review-queue-link" not in html
    assert other.pk


def test_my_meetings_shows_mentors_the_review_queue(client, mentor):
    client.force_login(mentor)
    html = client.get(reverse("peer_learning:mine")).content.decode()
    assert reverse("peer_learning:review_queue") in html


def test_my_meetings_runs_a_fixed_number_of_queries(client, learner, regency_library):
    client.force_login(learner)
    url = reverse("peer_learning:mine")
    meeting = builders.meeting(organiser=regency_library, starts_on=TODAY)
    builders.registration(meeting, learner)
    few = queries(client, url)
    for i in range(6):
        meeting = builders.meeting(
            organiser=regency_library, starts_on=TODAY + datetime.timedelta(days=20 * i - 60)
        )
        registration = builders.registration(meeting, learner)
        CheckIn.objects.create(registration=registration, day=meeting.starts_on, method="scan")
    assert queries(client, url) == few


# Menu and home panel


def test_the_menu_links_signed_in_people_to_their_meetings(client, learner):
    client.force_login(learner)
    with translation.override("en"):
        html = client.get(reverse("lms:home")).content.decode()
    assert f'href="{reverse("peer_learning:mine")}">Meetings<' in html


def test_the_home_panel_shows_her_next_meeting_in_two_queries(
    rf, upcoming, past, learner, django_assert_max_num_queries
):
    from peer_learning.views.mine import home_panel

    builders.registration(upcoming, learner)
    builders.registration(past, learner)
    request = rf.get("/")
    request.user = learner
    with django_assert_max_num_queries(2):
        panel = home_panel(request)
    assert panel.links[0].label == "PBS Kabupaten Lumajang"
    assert panel.links[0].url == upcoming.url


def test_the_home_panel_offers_an_open_meeting_or_nothing(rf, upcoming, learner):
    from peer_learning.views.mine import home_panel

    request = rf.get("/")
    request.user = learner
    assert home_panel(request).links[0].url == upcoming.url
    upcoming.registration_closes = TODAY - datetime.timedelta(days=1)
    upcoming.registration_opens = TODAY - datetime.timedelta(days=3)
    upcoming.save()
    assert home_panel(request) is None


@pytest.mark.parametrize(
    ("first", "last", "text"),
    [
        (datetime.date(2015, 5, 18), datetime.date(2015, 5, 18), "18 Mei 2015"),
        (datetime.date(2015, 5, 18), datetime.date(2015, 5, 22), "18–22 Mei 2015"),
        (datetime.date(2015, 5, 30), datetime.date(2015, 6, 2), "30 Mei 2015 – 2 Juni 2015"),
    ],
)
def test_meeting_days_read_in_indonesian(first, last, text):
    assert format_dates(first, last) == text
