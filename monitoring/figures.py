"""Monitoring's own figures for the summary table: what the libraries' monthly reports say.

Only submitted reports count, each in the month it reports on (not the month it was sent).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator

from django.db.models import F, Sum
from django.utils.translation import gettext_lazy as _

from lms.figures import Count, Metric, grouped_counts, month_of

from .models import ImpactRecord, LibraryReport, ReportActivity

SUBMITTED = LibraryReport.Status.SUBMITTED
RAG_LABELS = {"green": _("Green"), "yellow": _("Yellow"), "red": _("Red")}
TIMELINESS = {"on_time": _("On time"), "late": _("Late")}


def _submitted(regency_ids: Collection[int] | None):
    reports = LibraryReport.objects.filter(status=SUBMITTED)
    if regency_ids is not None:
        reports = reports.filter(library__regency_id__in=list(regency_ids))
    return reports


def _report_counts(regency_ids) -> Iterator[Count]:
    """Reports submitted per month, on time or late (one query, then a check per group)."""
    from .reporting import deadlines

    rows = (
        _submitted(regency_ids)
        .values("library__regency_id", "library__kind", "month", "submitted_at")
        .order_by()
    )
    counts: Counter = Counter()
    for row in rows.iterator(chunk_size=5000):
        late = deadlines.submitted_late(month=row["month"], submitted_at=row["submitted_at"])
        key = (row["library__regency_id"], row["month"], row["library__kind"])
        counts[(*key, "late" if late else "on_time")] += 1
    for (regency_id, month, kind, key), value in counts.items():
        yield Count(regency_id, month_of(month), value, key=key, library_kind=kind)


def _sums(field: str):
    def counts(regency_ids) -> Iterator[Count]:
        rows = (
            _submitted(regency_ids)
            .values(regency_id=F("library__regency_id"), kind=F("library__kind"), m=F("month"))
            .annotate(value=Sum(field))
            .order_by()
        )
        for row in rows:
            yield Count(
                row["regency_id"], month_of(row["m"]), row["value"] or 0, library_kind=row["kind"]
            )

    return counts


def _ict_change(regency_ids) -> Iterator[Count]:
    rows = (
        _submitted(regency_ids)
        .values(regency_id=F("library__regency_id"), kind=F("library__kind"), m=F("month"))
        .annotate(added=Sum("computers_added"), removed=Sum("computers_removed"))
        .order_by()
    )
    for row in rows:
        value = (row["added"] or 0) - (row["removed"] or 0)
        yield Count(row["regency_id"], month_of(row["m"]), value, library_kind=row["kind"])


def _activities(regency_ids) -> Iterator[Count]:
    activities = ReportActivity.objects.filter(report__status=SUBMITTED)
    if regency_ids is not None:
        activities = activities.filter(report__library__regency_id__in=list(regency_ids))
    yield from grouped_counts(activities, when="report__month", library="report__library")


def _participants(regency_ids) -> Iterator[Count]:
    activities = ReportActivity.objects.filter(report__status=SUBMITTED)
    if regency_ids is not None:
        activities = activities.filter(report__library__regency_id__in=list(regency_ids))
    rows = (
        activities.values(
            regency_id=F("report__library__regency_id"),
            kind=F("report__library__kind"),
            m=F("report__month"),
        )
        .annotate(women=Sum("participants_female"), men=Sum("participants_male"))
        .order_by()
    )
    for row in rows:
        month = month_of(row["m"])
        for gender, value in (("female", row["women"]), ("male", row["men"])):
            if value:
                yield Count(
                    row["regency_id"], month, value, library_kind=row["kind"], gender=gender
                )


def _impacts(regency_ids) -> Iterator[Count]:
    impacts = ImpactRecord.objects.filter(report__status=SUBMITTED)
    if regency_ids is not None:
        impacts = impacts.filter(report__library__regency_id__in=list(regency_ids))
    yield from grouped_counts(impacts, when="report__month", library="report__library", key="kind")


def _scores(regency_ids) -> Iterator[Count]:
    """Submitted reports by their overall red / yellow / green score against the targets
    in force when the figures are refreshed."""
    from .reporting import scoring

    targets = scoring.targets_by_kind()
    if not targets:
        return
    reports = scoring.report_measures(_submitted(regency_ids)).values(
        "library__regency_id",
        "library__kind",
        "month",
        "visitors",
        "computer_users",
        "internet_users",
        "activities_count",
        "participants_count",
        "impacts_count",
    )
    counts: Counter = Counter()
    for row in reports.order_by().iterator(chunk_size=5000):
        kind_targets = targets.get(row["library__kind"])
        if not kind_targets:
            continue
        overall = scoring.score(scoring.measures_of(row), kind_targets).overall
        if overall:
            counts[(row["library__regency_id"], row["month"], row["library__kind"], overall)] += 1
    for (regency_id, month, kind, key), value in counts.items():
        yield Count(regency_id, month_of(month), value, key=key, library_kind=kind)


def metrics() -> list[Metric]:
    def section(code, label, counts, **kwargs):
        return Metric(
            code=code, label=label, section="reports", counts=counts, people=False, **kwargs
        )

    return [
        section(
            "reports.submitted",
            _("Reports submitted"),
            _report_counts,
            keys=lambda: dict(TIMELINESS),
            key_label=_("Timeliness"),
            order=10,
            help_text=_("Monthly reports submitted, counted in the month they report on."),
        ),
        section(
            "reports.score",
            _("Reports by score"),
            _scores,
            keys=lambda: dict(RAG_LABELS),
            key_label=_("Score"),
            order=15,
            help_text=_("Submitted reports by their overall score against the targets."),
        ),
        section("reports.visitors", _("Library visitors"), _sums("visitors"), order=20),
        section("reports.computer_users", _("Computer users"), _sums("computer_users"), order=30),
        section("reports.internet_users", _("Internet users"), _sums("internet_users"), order=40),
        section(
            "reports.ict_change",
            _("Change in computers"),
            _ict_change,
            order=50,
            help_text=_("Computers added less computers out of use."),
        ),
        section("reports.activities", _("Activities held"), _activities, order=60),
        Metric(
            code="reports.participants",
            label=_("Activity participants"),
            section="reports",
            counts=_participants,
            people=False,
            order=70,
            help_text=_("People taking part in the libraries' activities, by gender."),
        ),
        section(
            "reports.impacts",
            _("Impact records"),
            _impacts,
            keys=lambda: dict(ImpactRecord.Kind.choices),
            key_label=_("Kind of impact"),
            order=80,
        ),
    ]
