"""When a library's monthly report is due, and whether it is on time, late or missing.

The report on month M is due on day SEBAYA_REPORT_DUE_DAY (10 unless set) of month M+1,
and is late from the midnight after that day in the site's time zone (Asia/Jakarta): a
report sent at 23:30 WIB on the 10th is on time, even though it is already the 11th in
some other place, and one sent at 00:10 WIB on the 11th is late.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..periods import add_months

DEFAULT_DUE_DAY = 10


class Timeliness(models.TextChoices):
    """Where a library's report on one month stands."""

    ON_TIME = "on_time", _("Submitted on time")
    SUBMITTED_LATE = "submitted_late", _("Submitted late")
    DRAFT = "draft", _("Draft")
    NOT_STARTED = "not_started", _("Not written yet")
    DRAFT_LATE = "draft_late", _("Draft, late")
    MISSING = "missing", _("Missing, late")


# Reports still owed after their due date: what a mentor is told about.
LATE = frozenset({Timeliness.DRAFT_LATE, Timeliness.MISSING})
SUBMITTED = frozenset({Timeliness.ON_TIME, Timeliness.SUBMITTED_LATE})


def due_day() -> int:
    return int(getattr(settings, "SEBAYA_REPORT_DUE_DAY", DEFAULT_DUE_DAY))


def due_date(month: date) -> date:
    """The last day on which the report on `month` is on time (the next month's last day
    when the setting names a day that month does not have)."""
    following = add_months(month.replace(day=1), 1)
    last_day = calendar.monthrange(following.year, following.month)[1]
    return following.replace(day=min(max(due_day(), 1), last_day))


def deadline(month: date) -> datetime:
    """The moment the report on `month` becomes late: the midnight after its due day."""
    return datetime.combine(
        due_date(month) + timedelta(days=1), time.min, tzinfo=timezone.get_default_timezone()
    )


def is_past_due(month: date, *, now: datetime | None = None) -> bool:
    return (now or timezone.now()) >= deadline(month)


def submitted_late(*, month: date, submitted_at: datetime | None) -> bool:
    """Whether a report was submitted after its due day (False when not submitted)."""
    return submitted_at is not None and submitted_at >= deadline(month)


def timeliness(
    *,
    month: date,
    status: str | None,
    submitted_at: datetime | None,
    now: datetime | None = None,
) -> Timeliness:
    """The state of the report on `month`; `status` is None when there is no report."""
    if status == "submitted":
        if submitted_late(month=month, submitted_at=submitted_at):
            return Timeliness.SUBMITTED_LATE
        return Timeliness.ON_TIME
    late = is_past_due(month, now=now)
    if status is None:
        return Timeliness.MISSING if late else Timeliness.NOT_STARTED
    return Timeliness.DRAFT_LATE if late else Timeliness.DRAFT


def this_month(today: date | None = None) -> date:
    return (today or timezone.localdate()).replace(day=1)


def last_month(today: date | None = None) -> date:
    return add_months(this_month(today), -1)


def months_back(newest: date, count: int) -> list[date]:
    """`count` months ending with `newest`, newest first."""
    return [add_months(newest, -n) for n in range(count)]
