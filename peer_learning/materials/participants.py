"""The participant list (daftar peserta): everyone registered, by province and
kabupaten/kota, with counts by role, gender and library kind."""

from .. import dates
from ..selectors import participants as selectors
from . import common


def render(meeting, progress: common.Progress) -> bytes:
    progress(0, 3)
    context = {
        "meeting": meeting,
        "dates": dates.meeting_dates(meeting),
        "totals": selectors.participant_totals(meeting),
        "provinces": selectors.grouped_by_region(selectors.participant_rows(meeting)),
    }
    progress(1, 3)
    return common.render_pdf(
        "peer_learning/pdf/participants.html",
        context,
        ["participants.css"],
        progress=progress,
        done=1,
        total=3,
    )
