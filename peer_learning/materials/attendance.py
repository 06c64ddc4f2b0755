"""The attendance sheets (daftar hadir): for each day of the meeting, everyone registered,
grouped by kabupaten/kota (each on its own page), with a box to sign and the time of the
person's check-in that day when there is one.

Tables are WeasyPrint's slowest layout (about 7 ms a row): a big meeting's days are laid
out side by side in worker processes, each day numbering its own pages."""

from django.utils import timezone

from .. import dates
from ..selectors import participants as selectors
from . import common

# From this many rows (people x days) the days are laid out in parallel.
PARALLEL_FROM_ROWS = 400


def render(meeting, progress: common.Progress) -> bytes:
    total = len(meeting.days) + 2
    progress(0, total)
    rows = list(selectors.participant_rows(meeting))
    provinces = selectors.grouped_by_region(rows)
    times = {
        registration.pk: {
            checkin.day: timezone.localtime(checkin.at).strftime("%H:%M")
            for checkin in registration.checkins.all()
        }
        for registration in rows
    }
    days = []
    for number, day in enumerate(meeting.days, 1):
        regencies = [
            {
                "province": province.name,
                "name": regency.name,
                "rows": [(row, times[row.pk].get(day, "")) for row in regency.rows],
            }
            for province in provinces
            for regency in province.regencies
        ]
        days.append({"number": number, "label": dates.format_day(day), "regencies": regencies})
    progress(1, total)
    return common.render_parts(
        "peer_learning/pdf/attendance.html",
        [{"meeting": meeting, "days": [day]} for day in days] or [{"meeting": meeting}],
        ["attendance.css"],
        progress=progress,
        done=1,
        total=total,
        parallel=len(rows) * len(days) >= PARALLEL_FROM_ROWS,
    )
