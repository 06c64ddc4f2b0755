"""Reads of the libraries' monthly reports, shaped for the pages that show them, each in a
fixed number of queries whatever the number of libraries or months."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from lms import roles
from lms.models import Library
from lms.selectors import staff_profile_for

from ..models import ImpactRecord, LibraryReport, ReportActivity, ReportTarget
from . import deadlines, scoring
from .deadlines import Timeliness

LIBRARY_MONTHS = 12  # the months a library's page lists
GRID_MONTHS = 6  # the months the mentor's grid shows, and in which late reports count


@dataclass(frozen=True)
class MonthRow:
    """One month of one library: its report (None when there is none), where the report
    stands, and its score against the targets."""

    month: date
    report: LibraryReport | None
    timeliness: Timeliness
    score: scoring.Score

    @property
    def late(self) -> bool:
        return self.timeliness in deadlines.LATE

    @property
    def due_on(self) -> date:
        return deadlines.due_date(self.month)


@dataclass(frozen=True)
class GridRow:
    library: Library
    cells: list[MonthRow]

    @property
    def late_count(self) -> int:
        return sum(cell.late for cell in self.cells)


@dataclass(frozen=True)
class Grid:
    months: list[date]  # newest first
    rows: list[GridRow]

    @property
    def late_count(self) -> int:
        return sum(row.late_count for row in self.rows)


def reports_of(*, library: Library) -> QuerySet[LibraryReport]:
    """A library's reports, newest first, with their measures (scoring.report_measures)."""
    return scoring.report_measures(
        LibraryReport.objects.filter(library=library).select_related("submitted_by")
    ).order_by("-month")


def report_for(*, library: Library, month: date) -> LibraryReport | None:
    """The report of a library on one month with its activities and impact records (three
    queries), or None."""
    return (
        scoring.report_measures(LibraryReport.objects.filter(library=library, month=month))
        .select_related("submitted_by")
        .prefetch_related(
            Prefetch("activities", queryset=ReportActivity.objects.order_by("held_on", "pk")),
            Prefetch("impacts", queryset=ImpactRecord.objects.order_by("pk")),
        )
        .first()
    )


def _row(
    month: date,
    report: LibraryReport | None,
    targets: Mapping[str, ReportTarget],
    now: datetime,
) -> MonthRow:
    return MonthRow(
        month=month,
        report=report,
        timeliness=deadlines.timeliness(
            month=month,
            status=report.status if report else None,
            submitted_at=report.submitted_at if report else None,
            now=now,
        ),
        score=scoring.score(scoring.measures_of(report), targets)
        if report is not None
        else scoring.Score(by_measure={}, overall=""),
    )


def library_months(
    *, library: Library, months: int = LIBRARY_MONTHS, now: datetime | None = None
) -> list[MonthRow]:
    """The last `months` months of a library ending last month, newest first, and this
    month too once a report on it has been started. Two queries: reports and targets."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    shown = deadlines.months_back(deadlines.last_month(today), months)
    reports = {
        report.month: report for report in reports_of(library=library).filter(month__gte=shown[-1])
    }
    current = deadlines.this_month(today)
    if current in reports:
        shown.insert(0, current)
    targets = scoring.targets_by_kind().get(library.kind, {})
    return [_row(month, reports.get(month), targets, now) for month in shown]


def mentored_libraries(*, user) -> QuerySet[Library]:
    """The village libraries and TBMs whose mentor `user` is (none for anyone else)."""
    profile = staff_profile_for(user)
    if not roles.is_mentor(user) or profile is None or profile.library_id is None:
        return Library.objects.none()
    return Library.objects.filter(mentor_library_id=profile.library_id).order_by("name")


def mentor_grid(*, user, months: int = GRID_MONTHS, now: datetime | None = None) -> Grid:
    """The libraries `user` mentors × the last `months` months ending last month, each
    cell with the report's state and score. Three queries (libraries, their reports,
    the targets) however many libraries there are."""
    now = now or timezone.now()
    shown = deadlines.months_back(deadlines.last_month(timezone.localdate(now)), months)
    libraries = list(mentored_libraries(user=user).select_related("regency"))
    if not libraries:
        return Grid(months=shown, rows=[])
    reports = scoring.report_measures(
        LibraryReport.objects.filter(
            library__in=mentored_libraries(user=user), month__in=shown
        ).order_by()
    ).defer("notes", "inventory_note")
    by_cell = {(report.library_id, report.month): report for report in reports}
    targets = scoring.targets_by_kind()
    rows = [
        GridRow(
            library=library,
            cells=[
                _row(month, by_cell.get((library.pk, month)), targets.get(library.kind, {}), now)
                for month in shown
            ],
        )
        for library in libraries
    ]
    return Grid(months=shown, rows=rows)


def late_reports_count_for_mentor(
    user, *, months: int = GRID_MONTHS, now: datetime | None = None
) -> int:
    """How many reports of the libraries `user` mentors are past their due date and not
    submitted, over the months of the mentor's grid. One query."""
    now = now or timezone.now()
    shown = deadlines.months_back(deadlines.last_month(timezone.localdate(now)), months)
    due = [month for month in shown if deadlines.is_past_due(month, now=now)]
    if not due:
        return 0
    counts = mentored_libraries(user=user).aggregate(
        libraries=Count("pk", distinct=True),
        submitted=Count(
            "monitoring_reports",
            filter=Q(
                monitoring_reports__month__in=due,
                monitoring_reports__status=LibraryReport.Status.SUBMITTED,
            ),
            distinct=True,
        ),
    )
    return counts["libraries"] * len(due) - counts["submitted"]
