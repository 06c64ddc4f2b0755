"""Small builders for Peer Learning Meetings, shared by the peer_learning tests."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from wagtail.models import Site

from lms.models import Library, StaffProfile
from peer_learning import codes
from peer_learning.models import AgendaSession, MeetingIndexPage, MeetingPage, Registration

_seq = itertools.count(1)

STARTS_ON = datetime.date(2030, 5, 18)


def index() -> MeetingIndexPage:
    existing = MeetingIndexPage.objects.first()
    if existing:
        return existing
    home = Site.objects.get(is_default_site=True).root_page
    page = MeetingIndexPage(title="Pertemuan Belajar Sebaya", slug="pertemuan")
    home.add_child(instance=page)
    return page


def meeting(
    *,
    organiser: Library,
    title: str = "",
    starts_on: datetime.date = STARTS_ON,
    days: int = 2,
    capacity: int = 100,
    level: str = MeetingPage.Level.REGENCY,
    **fields,
) -> MeetingPage:
    """A live meeting of `days` days from `starts_on` under the (created) meeting index."""
    n = next(_seq)
    page = MeetingPage(
        title=title or f"Pertemuan Belajar Sebaya {n}",
        slug=fields.pop("slug", f"pbs-{n}"),
        theme=fields.pop("theme", "Berbagi capaian dan solusi"),
        level=level,
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=days - 1),
        venue=fields.pop("venue", "Aula Perpustakaan Daerah"),
        organiser=organiser,
        capacity=capacity,
        **fields,
    )
    index().add_child(instance=page)
    return page


def _time(value) -> datetime.time:
    if isinstance(value, str):
        return datetime.time.fromisoformat(value)
    return value


def session(
    meeting: MeetingPage,
    *,
    day: int | datetime.date = 0,
    start="09:00",
    end="10:00",
    title: str = "",
    kind: str = AgendaSession.Kind.PLENARY,
    room: str = "Aula",
    **fields,
) -> AgendaSession:
    """A session; `day` is a date or the index of the meeting's day (0 = first day)."""
    if isinstance(day, int):
        day = meeting.starts_on + datetime.timedelta(days=day)
    n = next(_seq)
    return AgendaSession.objects.create(
        meeting=meeting,
        day=day,
        starts_at=_time(start),
        ends_at=_time(end),
        title=title or f"Sesi {n}",
        kind=kind,
        room=room,
        sort_order=fields.pop("sort_order", n),
        **fields,
    )


def registration(
    meeting: MeetingPage,
    user,
    *,
    role: str = Registration.Role.PARTICIPANT,
    status: str = Registration.Status.REGISTERED,
    library: Library | None = None,
    **fields,
) -> Registration:
    if library is None:
        library = StaffProfile.objects.get(user=user).library
    return Registration.objects.create(
        meeting=meeting,
        user=user,
        library=library,
        role=role,
        status=status,
        code=codes.new_checkin_code(),
        **fields,
    )


def participants(
    meeting: MeetingPage,
    n: int,
    *,
    libraries: list[Library],
    role: str = Registration.Role.PARTICIPANT,
    status: str = Registration.Status.REGISTERED,
) -> list[Registration]:
    """`n` new staff (alternating genders, spread over `libraries`) registered for `meeting`,
    written with bulk_create: fast enough to pin query counts for hundreds of people."""
    User = get_user_model()
    start = next(_seq)
    password = make_password(None)
    users = User.objects.bulk_create(
        [
            User(
                username=f"plm{start}-{i}",
                first_name=f"Peserta {start}-{i}",
                password=password,
            )
            for i in range(n)
        ]
    )
    if not all(u.pk for u in users):  # backends that do not return ids
        users = list(User.objects.filter(username__startswith=f"plm{start}-").order_by("id"))
    StaffProfile.objects.bulk_create(
        [
            StaffProfile(
                user=u,
                library=libraries[i % len(libraries)],
                gender="female" if i % 2 == 0 else "male",
            )
            for i, u in enumerate(users)
        ]
    )
    return Registration.objects.bulk_create(
        [
            Registration(
                meeting=meeting,
                user=u,
                library=libraries[i % len(libraries)],
                role=role,
                status=status,
                code=codes.new_checkin_code(),
            )
            for i, u in enumerate(users)
        ]
    )
