"""The agenda's rules (rooms never double-booked, sessions on the meeting's days) in the admin
form, and the day-by-day timetable."""

import datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail.users.models import UserProfile

from lms.models import Library
from peer_learning import agenda
from peer_learning.models import AgendaSession, MeetingPage
from tests.lms import factories

from . import builders

pytestmark = pytest.mark.django_db

DAY1 = builders.STARTS_ON
DAY2 = DAY1 + datetime.timedelta(days=1)


def s(day=DAY1, start="09:00", end="10:00", room="Aula", title="Sesi"):
    return SimpleNamespace(
        day=day,
        starts_at=datetime.time.fromisoformat(start),
        ends_at=datetime.time.fromisoformat(end),
        room=room,
        title=title,
    )


def test_overlaps_in_one_room_are_found():
    a, b = s(title="Pleno"), s(start="09:30", end="11:00", title="Kelas berbagi")
    assert agenda.overlaps([a, b]) == [(a, b)]


def test_touching_sessions_other_rooms_days_and_roomless_sessions_do_not_overlap():
    sessions = [
        s(title="A"),
        s(start="10:00", end="11:00", title="B"),  # starts when A ends
        s(room="Ruang 2", title="C"),
        s(day=DAY2, title="D"),
        s(room="", title="E"),
        s(room="", title="F"),
    ]
    assert agenda.overlaps(sessions) == []


def test_rooms_are_compared_without_case_and_spaces():
    a, b = s(room="Ruang  Melati"), s(start="09:59", room="ruang melati")
    assert agenda.overlaps([a, b]) == [(a, b)]


def test_contained_and_chained_overlaps_are_all_reported():
    long = s(start="08:00", end="12:00", title="Lapak")
    a, b = s(title="A"), s(start="10:30", end="11:00", title="B")
    assert agenda.overlaps([a, long, b]) == [(long, a), (long, b)]


# The admin form


@pytest.fixture
def organiser(db):
    return factories.library(kind=Library.Kind.REGENCY, name="Perpustakaan Kab. Demak")


def form_data(organiser, sessions, **fields) -> dict:
    data = {
        "title": "PBS Kabupaten Demak",
        "slug": "pbs-demak",
        "theme": "Cerita dampak",
        "level": MeetingPage.Level.REGENCY,
        "organiser": organiser.pk,
        "starts_on": DAY1.isoformat(),
        "ends_on": DAY2.isoformat(),
        "venue": "Pendopo Kabupaten Demak",
        "description": rich_text(""),
        "capacity": 60,
        "library_quota": "",
        "registration_opens": "",
        "registration_closes": "",
        "sessions": inline_formset(
            [
                {
                    "day": (row.get("day") or DAY1).isoformat(),
                    "starts_at": row.get("start", "09:00"),
                    "ends_at": row.get("end", "10:00"),
                    "title": row.get("title", "Sesi"),
                    "kind": row.get("kind", AgendaSession.Kind.PLENARY),
                    "room": row.get("room", "Aula"),
                    "speakers": "",
                }
                for row in sessions
            ]
        ),
    }
    data.update(fields)
    return nested_form_data(data)


def bound_form(data):
    form_class = MeetingPage.get_edit_handler().get_form_class()
    index = builders.index()
    return form_class(data, instance=MeetingPage(), parent_page=index, for_user=None)


def test_the_admin_form_rejects_two_sessions_in_one_room_at_once(organiser):
    data = form_data(
        organiser,
        [
            {"title": "Pembukaan", "start": "08:00", "end": "09:30", "room": "Aula Utama"},
            {"title": "Presentasi capaian", "start": "09:00", "end": "10:00", "room": "Aula Utama"},
        ],
    )
    with translation.override("en"):
        form = bound_form(data)
        assert not form.is_valid()
        message = (
            "“Pembukaan” (08:00–09:30) and “Presentasi capaian” (09:00–10:00) are both in "
            "Aula Utama on 18-05-2030. Move one of them to another time or room."
        )
        assert message in form.non_field_errors()
        second = form.formsets["sessions"].forms[1]
        assert message in second.errors["starts_at"]


def test_the_admin_form_accepts_touching_sessions_and_parallel_rooms(organiser):
    data = form_data(
        organiser,
        [
            {"title": "Pembukaan", "start": "08:00", "end": "09:00"},
            {"title": "Capaian", "start": "09:00", "end": "10:00"},
            {"title": "Kelas berbagi", "start": "09:00", "end": "10:00", "room": "Ruang 2"},
            {"title": "Tindak lanjut", "day": DAY2, "start": "08:30", "end": "09:30"},
        ],
    )
    form = bound_form(data)
    assert form.is_valid(), (form.errors, [f.errors for f in form.formsets["sessions"].forms])


def test_the_admin_form_rejects_a_session_outside_the_meeting(organiser):
    late = DAY2 + datetime.timedelta(days=3)
    data = form_data(organiser, [{"title": "Kunjungan", "day": late}])
    with translation.override("en"):
        form = bound_form(data)
        assert not form.is_valid()
        assert (
            "“Kunjungan” is on 22-05-2030, which is not a day of the meeting "
            "(18-05-2030 – 19-05-2030)." in form.formsets["sessions"].forms[0].errors["day"]
        )


def test_a_deleted_session_does_not_clash(organiser):
    data = form_data(
        organiser,
        [{"title": "A"}, {"title": "B", "start": "09:30", "end": "10:30"}],
    )
    data["sessions-1-DELETE"] = "1"
    assert bound_form(data).is_valid()


def test_the_admin_add_page_shows_the_overlap_and_saves_nothing(client, organiser):
    admin = factories.user(role=None, username="super", is_superuser=True, is_staff=True)
    # The admin speaks the language of the person's profile.
    UserProfile.objects.update_or_create(user=admin, defaults={"preferred_language": "en"})
    client.force_login(admin)
    index = builders.index()
    url = reverse("wagtailadmin_pages:add", args=["peer_learning", "meetingpage", index.pk])
    data = form_data(
        organiser,
        [
            {"title": "Lapak produk", "start": "10:00", "end": "12:00", "room": "Halaman"},
            {"title": "Lomba video", "start": "11:00", "end": "11:30", "room": "halaman"},
        ],
    )
    with translation.override("en"):
        response = client.post(url, data)
    assert response.status_code == 200
    assert "Lapak produk" in response.content.decode()
    assert "are both in Halaman" in response.content.decode()
    assert not MeetingPage.objects.exists()

    data = form_data(organiser, [{"title": "Lapak produk", "room": "Halaman"}])
    response = client.post(url, data)
    assert response.status_code == 302
    assert MeetingPage.objects.get().sessions.count() == 1


# The timetable


def test_timetable_lists_every_day_and_uses_room_columns_only_for_parallel_days(organiser):
    meeting = builders.meeting(organiser=organiser, days=3)
    builders.session(meeting, day=0, start="08:00", end="09:00", title="Registrasi", room="")
    builders.session(meeting, day=0, start="09:00", end="10:00", title="Pleno", room="Aula")
    builders.session(meeting, day=0, start="10:00", end="12:00", title="Kelas A", room="Ruang 1")
    builders.session(meeting, day=0, start="10:00", end="11:00", title="Kelas B", room="Ruang 2")
    builders.session(meeting, day=1, start="09:00", end="10:00", title="Penghargaan", room="Aula")

    days = agenda.timetable(meeting)

    assert [d.number for d in days] == [1, 2, 3]
    first, second, third = days
    assert first.parallel and first.rooms == ["Aula", "Ruang 1", "Ruang 2"]
    titles = [[[x.title for x in c.sessions] for c in row.cells] for row in first.rows]
    assert titles == [[["Registrasi"]], [["Pleno"]], [[], ["Kelas A"], ["Kelas B"]]]
    assert first.rows[0].cells[0].span == 3
    assert not second.parallel and [x.title for x in second.sessions] == ["Penghargaan"]
    assert third.sessions == []
