"""The demo meetings loaded by `manage.py seed_demo`: the past national PLM of 2015 and an
upcoming kabupaten PLM, idempotent, with what the demo accounts see on them."""

import time
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from lms.models import Library, StaffProfile
from peer_learning import demo
from peer_learning.models import (
    AgendaSession,
    CheckIn,
    MeetingIndexPage,
    MeetingPage,
    Registration,
    Story,
)

pytestmark = pytest.mark.django_db

User = get_user_model()
NATIONAL = "plm-nasional-perpuseru-2015"
UPCOMING = "pbs-kabupaten-lumajang"


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seeds once for the module; every test runs in a savepoint that is rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("seed_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def output(seeded, db) -> str:
    return seeded


def counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (
            MeetingIndexPage,
            MeetingPage,
            AgendaSession,
            Registration,
            CheckIn,
            Story,
            Library,
            StaffProfile,
            User,
        )
    }


def test_the_national_meeting_of_2015(output):
    meeting = MeetingPage.objects.get(slug=NATIONAL)
    assert meeting.title == "Peer Learning Meeting Nasional PerpuSeru 2015"
    assert (meeting.starts_on.isoformat(), meeting.ends_on.isoformat()) == (
        "2015-05-18",
        "2015-05-22",
    )
    assert meeting.level == MeetingPage.Level.NATIONAL and "Bali" in meeting.venue
    assert meeting.organiser.kind == Library.Kind.REGENCY
    assert meeting.get_parent().slug == "pertemuan"
    assert "Demo meetings:" in output or "Pertemuan demo" in output or meeting.title in output

    registrations = meeting.registrations.all()
    assert registrations.count() >= 340
    roles = {role: registrations.filter(role=role).count() for role in Registration.Role.values}
    assert 15 <= roles["narasumber"] <= 25 and 10 <= roles["panitia"] <= 20
    villages = registrations.filter(library__kind__in=Library.MENTORED_KINDS)
    assert villages.values("library").distinct().count() == 76
    kabupaten = registrations.exclude(library__kind__in=Library.MENTORED_KINDS)
    assert kabupaten.values("library").distinct().count() == 19
    genders = set(registrations.values_list("user__staff_profile__gender", flat=True))
    assert genders == {"female", "male"}

    checkins = CheckIn.objects.filter(registration__meeting=meeting)
    assert checkins.count() >= registrations.count() * 5 * 0.85
    assert set(checkins.values_list("day", flat=True)) == set(meeting.days)

    sessions = meeting.sessions.all()
    assert len({s.day for s in sessions}) == 5
    assert set(sessions.values_list("kind", flat=True)) == set(AgendaSession.Kind.values)
    assert sessions.values("room").distinct().count() >= 4
    from peer_learning import agenda

    assert agenda.overlaps(list(sessions)) == []
    assert any(day.parallel for day in agenda.timetable(meeting))

    stories = meeting.stories.all()
    assert stories.filter(status=Story.Status.ACCEPTED).count() >= 40
    assert stories.filter(session__isnull=False).count() >= 10
    assert set(stories.values_list("kind", flat=True)) == set(Story.Kind.values)
    tlogosih = stories.get(library__village="Tlogosih")
    assert "sablon" in tlogosih.title.lower()
    assert stories.filter(library__village="Tianyar Barat", title__icontains="dupa").exists()
    for story in stories.select_related("library", "reviewed_by__staff_profile"):
        assert story.reviewed_by.staff_profile.library_id == story.library.mentor_library_id


def test_the_upcoming_kabupaten_meeting_is_open_with_the_demo_accounts(output):
    meeting = MeetingPage.objects.get(slug=UPCOMING)
    today = timezone.localdate()
    assert meeting.starts_on > today and meeting.level == MeetingPage.Level.REGENCY
    assert meeting.registration_opens <= today <= meeting.registration_closes
    peserta = meeting.registrations.get(user__username="peserta")
    assert peserta.status == Registration.Status.REGISTERED
    draft = meeting.stories.get(library=peserta.library)
    assert draft.status == Story.Status.DRAFT and draft.author.username == "peserta"
    submitted = meeting.stories.get(status=Story.Status.SUBMITTED)
    assert submitted.library.mentor_library.code == "lumajang"
    assert meeting.sessions.count() >= 6


def test_running_again_changes_nothing(output):
    before = counts()
    started = time.perf_counter()
    demo.load(stdout=StringIO())
    assert time.perf_counter() - started < 10
    assert counts() == before


def test_the_extra_2015_participants_cannot_sign_in(output):
    extra = User.objects.filter(username__startswith=demo.USERNAME_PREFIX)
    assert extra.count() > 50
    assert not any(user.has_usable_password() for user in extra)


def page_for(client, username, slug) -> str:
    client.force_login(User.objects.get(username=username))
    response = client.get(MeetingPage.objects.get(slug=slug).url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_demo_accounts_see_their_buttons(output, client):
    national = MeetingPage.objects.get(slug=NATIONAL)
    upcoming = MeetingPage.objects.get(slug=UPCOMING)

    html = page_for(client, "admin", NATIONAL)
    assert reverse("peer_learning:materials", args=[national.pk]) in html

    html = page_for(client, "pendamping", NATIONAL)
    assert reverse("peer_learning:materials", args=[national.pk]) in html
    assert reverse("peer_learning:nominate", args=[national.pk]) not in html  # closed

    html = page_for(client, "peserta", NATIONAL)
    assert 'data-status="registered"' in html
    assert reverse("peer_learning:materials", args=[national.pk]) not in html

    html = page_for(client, "peserta", UPCOMING)
    assert 'data-status="registered"' in html
    assert reverse("peer_learning:stories", args=[upcoming.pk]) in html
    assert reverse("peer_learning:nominate", args=[upcoming.pk]) in html

    html = page_for(client, "pendamping", UPCOMING)
    for name in ("nominate", "participants", "checkin", "materials"):
        assert reverse(f"peer_learning:{name}", args=[upcoming.pk]) in html
    assert reverse("peer_learning:review_queue") in html
