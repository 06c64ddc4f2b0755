"""Scoring a monthly report against the programme's targets: green, yellow or red for each
measure, and the worst of them for the report.

A report is green on a measure when it meets the target, yellow when it reaches at least
`yellow_from` percent of it, red below that. Measures without a target for the library's
kind are not scored; a report with no target at all has no score ("").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db.models import Count, F, IntegerField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from ..models import ImpactRecord, LibraryReport, ReportActivity, ReportTarget

GREEN, YELLOW, RED = "green", "yellow", "red"
LABELS = {GREEN: _("Green"), YELLOW: _("Yellow"), RED: _("Red")}
_WORSE = {GREEN: 0, YELLOW: 1, RED: 2}

Measure = ReportTarget.Measure
MEASURES: tuple[str, ...] = tuple(Measure.values)
# Where each measure is read from a report annotated by report_measures().
_SOURCES = {
    Measure.VISITORS: "visitors",
    Measure.COMPUTER_USERS: "computer_users",
    Measure.INTERNET_USERS: "internet_users",
    Measure.ACTIVITIES: "activities_count",
    Measure.PARTICIPANTS: "participants_count",
    Measure.IMPACTS: "impacts_count",
}


@dataclass(frozen=True)
class MeasureScore:
    measure: str
    value: int
    target: int
    colour: str

    @property
    def measure_label(self) -> str:
        return Measure(self.measure).label

    @property
    def label(self) -> str:
        return LABELS[self.colour]


@dataclass(frozen=True)
class Score:
    by_measure: dict[str, str]
    overall: str  # the worst colour, "" when no target applies
    details: tuple[MeasureScore, ...] = field(default=())

    @property
    def label(self) -> str:
        return LABELS.get(self.overall, "")


def _per_report(queryset, value):
    return Coalesce(
        Subquery(
            queryset.filter(report=OuterRef("pk"))
            .order_by()
            .values("report")
            .annotate(value=value)
            .values("value"),
            output_field=IntegerField(),
        ),
        0,
    )


def report_measures(queryset: QuerySet[LibraryReport]) -> QuerySet[LibraryReport]:
    """The reports with `activities_count`, `participants_count` (women and men) and
    `impacts_count`, in the same one query: each is a subquery per report, so the counts
    of activities and impacts never multiply each other as joins would."""
    return queryset.annotate(
        activities_count=_per_report(ReportActivity.objects, Count("pk")),
        participants_count=_per_report(
            ReportActivity.objects, Sum(F("participants_female") + F("participants_male"))
        ),
        impacts_count=_per_report(ImpactRecord.objects, Count("pk")),
    )


def measures_of(report) -> dict[str, int]:
    """A report's measures, from a report annotated by report_measures() or from a row of
    its .values() with the same names."""
    if isinstance(report, Mapping):
        return {measure: report.get(source) or 0 for measure, source in _SOURCES.items()}
    return {measure: getattr(report, source, 0) or 0 for measure, source in _SOURCES.items()}


def targets_by_kind() -> dict[str, dict[str, ReportTarget]]:
    """Every target by kind of library and measure, in one query."""
    targets: dict[str, dict[str, ReportTarget]] = {}
    for target in ReportTarget.objects.all():
        targets.setdefault(target.library_kind, {})[target.measure] = target
    return targets


def colour(value: int, target: ReportTarget) -> str:
    if value >= target.target:
        return GREEN
    # In whole numbers: value / target >= yellow_from / 100, without rounding errors.
    if value * 100 >= target.target * target.yellow_from:
        return YELLOW
    return RED


def score(measures: Mapping[str, int], targets: Mapping[str, ReportTarget]) -> Score:
    details = tuple(
        MeasureScore(
            measure=measure,
            value=measures[measure],
            target=targets[measure].target,
            colour=colour(measures[measure], targets[measure]),
        )
        for measure in MEASURES
        if measure in targets and measure in measures
    )
    by_measure = {detail.measure: detail.colour for detail in details}
    overall = max(by_measure.values(), key=_WORSE.__getitem__) if by_measure else ""
    return Score(by_measure=by_measure, overall=overall, details=details)
