"""The agenda (susunan acara): day by day, each session with its time, title, kind, room
and speakers, and the accepted stories scheduled into it."""

from itertools import groupby

from .. import dates
from ..selectors import materials as selectors
from . import common


def render(meeting, progress: common.Progress) -> bytes:
    progress(0, 3)
    sessions = selectors.agenda_sessions(meeting)
    by_day = {day: list(rows) for day, rows in groupby(sessions, key=lambda s: s.day)}
    days = sorted(set(meeting.days) | set(by_day))
    context = {
        "meeting": meeting,
        "dates": dates.meeting_dates(meeting),
        "days": [
            {"number": number, "label": dates.format_day(day), "sessions": by_day.get(day, [])}
            for number, day in enumerate(days, 1)
        ],
    }
    progress(1, 3)
    return common.render_pdf(
        "peer_learning/pdf/agenda.html",
        context,
        ["agenda.css"],
        progress=progress,
        done=1,
        total=3,
    )
