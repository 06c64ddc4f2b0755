"""Due dates and late reports, around the due day in Asia/Jakarta."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from monitoring.reporting import deadlines
from monitoring.reporting.deadlines import Timeliness

JAKARTA = ZoneInfo("Asia/Jakarta")
MAY = date(2025, 5, 1)


def wib(*args) -> datetime:
    return datetime(*args, tzinfo=JAKARTA)


def test_the_report_on_a_month_is_due_on_the_10th_of_the_next():
    assert deadlines.due_date(MAY) == date(2025, 6, 10)
    assert deadlines.due_date(date(2025, 12, 1)) == date(2026, 1, 10)
    assert deadlines.deadline(MAY) == wib(2025, 6, 11)


def test_the_due_day_is_a_setting(settings):
    settings.SEBAYA_REPORT_DUE_DAY = 5
    assert deadlines.due_date(MAY) == date(2025, 6, 5)
    settings.SEBAYA_REPORT_DUE_DAY = 31  # February has no 31st: its last day
    assert deadlines.due_date(date(2024, 1, 1)) == date(2024, 2, 29)
    assert deadlines.due_date(date(2025, 1, 1)) == date(2025, 2, 28)


@pytest.mark.parametrize(
    ("submitted_at", "late"),
    [
        (wib(2025, 6, 1, 8), False),
        (wib(2025, 6, 10, 23, 59, 59), False),
        (wib(2025, 6, 11, 0, 0), True),
        # 17:30 UTC on the 10th is already 00:30 on the 11th in Jakarta: late.
        (datetime(2025, 6, 10, 17, 30, tzinfo=UTC), True),
        # 16:59 UTC on the 10th is 23:59 in Jakarta: on time.
        (datetime(2025, 6, 10, 16, 59, tzinfo=UTC), False),
    ],
)
def test_submitted_late_is_judged_in_jakarta(submitted_at, late):
    assert deadlines.submitted_late(month=MAY, submitted_at=submitted_at) is late
    expected = Timeliness.SUBMITTED_LATE if late else Timeliness.ON_TIME
    state = deadlines.timeliness(month=MAY, status="submitted", submitted_at=submitted_at)
    assert state == expected


def test_not_submitted_reports_become_late_after_the_due_day():
    before, after = wib(2025, 6, 10, 23, 59), wib(2025, 6, 11, 0, 1)
    assert deadlines.timeliness(month=MAY, status=None, submitted_at=None, now=before) == (
        Timeliness.NOT_STARTED
    )
    assert deadlines.timeliness(month=MAY, status="draft", submitted_at=None, now=before) == (
        Timeliness.DRAFT
    )
    assert deadlines.timeliness(month=MAY, status=None, submitted_at=None, now=after) == (
        Timeliness.MISSING
    )
    assert deadlines.timeliness(month=MAY, status="draft", submitted_at=None, now=after) == (
        Timeliness.DRAFT_LATE
    )
    assert deadlines.LATE == {Timeliness.MISSING, Timeliness.DRAFT_LATE}
    assert not deadlines.submitted_late(month=MAY, submitted_at=None)


def test_months_back_and_last_month():
    assert deadlines.last_month(date(2025, 1, 15)) == date(2024, 12, 1)
    assert deadlines.months_back(date(2025, 2, 1), 3) == [
        date(2025, 2, 1),
        date(2025, 1, 1),
        date(2024, 12, 1),
    ]
