"""The agenda's rules (no two sessions in one room at once, every session on a meeting day)
and the day-by-day timetable built from it.

Works on anything with the session's fields (model instances or cleaned form data), so the
admin form can check sessions that are not saved yet.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, time

from django.utils.translation import gettext_lazy as _

SESSIONS_OVERLAP = _(
    "“%(first)s” (%(first_time)s) and “%(second)s” (%(second_time)s) are both in %(room)s "
    "on %(day)s. Move one of them to another time or room."
)
SESSION_OUTSIDE_MEETING = _(
    "“%(title)s” is on %(day)s, which is not a day of the meeting (%(first)s – %(last)s)."
)


def _room_key(room: str) -> str:
    return " ".join((room or "").split()).casefold()


def overlaps(sessions) -> list[tuple]:
    """Pairs (a, b) of sessions on the same day in the same named room whose times overlap;
    a session ending when the next one starts does not overlap it. Sessions without a room
    never clash (a room-less session is usually the whole venue's plenary)."""
    by_room = defaultdict(list)
    for session in sessions:
        key = _room_key(session.room)
        if key and session.day and session.starts_at and session.ends_at:
            by_room[(session.day, key)].append(session)
    pairs = []
    for group in by_room.values():
        group.sort(key=lambda s: (s.starts_at, s.ends_at))
        for i, first in enumerate(group):
            for second in group[i + 1 :]:
                if second.starts_at >= first.ends_at:
                    break
                pairs.append((first, second))
    return pairs


def time_range(session) -> str:
    return f"{session.starts_at:%H:%M}–{session.ends_at:%H:%M}"


def overlap_message(first, second) -> str:
    return str(SESSIONS_OVERLAP) % {
        "first": first.title,
        "first_time": time_range(first),
        "second": second.title,
        "second_time": time_range(second),
        "room": (first.room or "").strip(),
        "day": f"{first.day:%d-%m-%Y}",
    }


def outside_message(session, starts_on: date, ends_on: date) -> str:
    return str(SESSION_OUTSIDE_MEETING) % {
        "title": session.title,
        "day": f"{session.day:%d-%m-%Y}",
        "first": f"{starts_on:%d-%m-%Y}",
        "last": f"{ends_on:%d-%m-%Y}",
    }


# The timetable


@dataclass
class Cell:
    """The sessions of one room in one row (usually one), or a session across every room."""

    sessions: list = field(default_factory=list)
    span: int = 1
    room: str = ""  # empty for a cell across every room

    @property
    def across(self) -> bool:
        return not self.room


@dataclass
class Row:
    starts_at: time
    cells: list[Cell] = field(default_factory=list)


@dataclass
class Day:
    day: date
    number: int  # 1 for the first day of the meeting
    sessions: list = field(default_factory=list)
    # Filled only when rooms run in parallel that day: one column per room.
    rooms: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)

    @property
    def parallel(self) -> bool:
        return bool(self.rooms)


def _runs_in_parallel(sessions) -> bool:
    ordered = sorted(sessions, key=lambda s: (s.starts_at, s.ends_at))
    for i, first in enumerate(ordered):
        for second in ordered[i + 1 :]:
            if second.starts_at >= first.ends_at:
                break
            if _room_key(first.room) != _room_key(second.room):
                return True
    return False


def _grid(sessions) -> tuple[list[str], list[Row]]:
    rooms: dict[str, str] = {}  # key -> name as first written
    for session in sessions:
        key = _room_key(session.room)
        if key:
            rooms.setdefault(key, " ".join(session.room.split()))
    keys = list(rooms)
    by_start = defaultdict(list)
    for session in sessions:
        by_start[session.starts_at].append(session)
    rows = []
    for starts_at in sorted(by_start):
        group = by_start[starts_at]
        if len(group) == 1 and (
            not _room_key(group[0].room) or not _runs_in_parallel_at(group[0], sessions)
        ):
            rows.append(Row(starts_at, [Cell([group[0]], span=len(keys))]))
            continue
        cells = {key: Cell(room=rooms[key]) for key in keys}
        spanning = []
        for session in group:
            key = _room_key(session.room)
            if key:
                cells[key].sessions.append(session)
            else:
                spanning.append(session)
        row_cells = [cells[key] for key in keys]
        if spanning:  # a room-less session next to room sessions: list it first, full width
            rows.append(Row(starts_at, [Cell(spanning, span=len(keys))]))
        if any(cell.sessions for cell in row_cells):
            rows.append(Row(starts_at, row_cells))
    return [rooms[key] for key in keys], rows


def _runs_in_parallel_at(session, sessions) -> bool:
    """Whether another room is busy while `session` runs."""
    return any(
        other is not session
        and _room_key(other.room) != _room_key(session.room)
        and other.starts_at < session.ends_at
        and session.starts_at < other.ends_at
        for other in sessions
    )


def timetable(meeting, sessions=None) -> list[Day]:
    """The meeting's sessions day by day (every day of the meeting, empty ones too), with a
    room-by-room grid on the days when several rooms run at once."""
    if sessions is None:
        sessions = list(meeting.sessions.all())
    by_day = defaultdict(list)
    for session in sessions:
        by_day[session.day].append(session)
    days = list(meeting.days)
    days += sorted(d for d in by_day if d not in set(days))  # should not happen; shown anyway
    result = []
    for number, day in enumerate(days, start=1):
        todays = sorted(
            by_day.get(day, []), key=lambda s: (s.starts_at, _room_key(s.room), s.ends_at)
        )
        entry = Day(day=day, number=number, sessions=todays)
        if _runs_in_parallel(todays):
            entry.rooms, entry.rows = _grid(todays)
        result.append(entry)
    return result
