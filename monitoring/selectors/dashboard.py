"""What the programme dashboard reads: sums over the summary table (models.Figure, or
for the whole programme its rollups) for an area and a period: a fixed handful of
grouped queries whatever the size of the programme.

A period metric is summed over the months of the period; a balance metric over every
month up to the period's end (see lms.figures). One SUM(CASE ...) does both in one query.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Case, Count, F, IntegerField, Max, Min, Q, QuerySet, Sum, When
from django.utils.translation import gettext_lazy as _

from lms import figures as lms_figures
from lms.models import Library, Province, Regency, StaffProfile

from ..models import Figure, ProgrammeFigure, ProvinceFigure, RegencyFreshness
from ..periods import Period

PROGRAMME, PROVINCE, REGENCY = "programme", "province", "regency"
DIMENSIONS = {
    "library_kind": _("Kind of library"),
    "gender": _("Gender"),
    "age_group": _("Age group"),
}


@dataclass(frozen=True)
class Area:
    """The programme, one province or one kabupaten/kota."""

    level: str
    province: Province | None = None
    regency: Regency | None = None

    @property
    def name(self) -> str:
        if self.level == REGENCY:
            return str(self.regency)
        if self.level == PROVINCE:
            return self.province.name
        return str(_("The whole programme"))

    @property
    def child_level(self) -> str:
        """What the area's table lists: provinces, kabupaten/kota, or kinds of library."""
        return {PROGRAMME: PROVINCE, PROVINCE: REGENCY}.get(self.level, "library_kind")

    def cells(self, by: str = "") -> QuerySet:
        """The area's summary cells, from the smallest table that still splits them `by`
        (a Figure field): the programme reads its own rollup, or the provinces' one for
        its table of provinces."""
        if self.level == REGENCY:
            return Figure.objects.filter(regency_id=self.regency.pk)
        if self.level == PROVINCE:
            return Figure.objects.filter(province_id=self.province.pk)
        if by == "province_id":
            return ProvinceFigure.objects.all()
        return ProgrammeFigure.objects.all()


def programme() -> Area:
    return Area(PROGRAMME)


def province_area(province_id: int) -> Area | None:
    province = Province.objects.filter(pk=province_id).first()
    return Area(PROVINCE, province=province) if province else None


def regency_area(regency_id: int) -> Area | None:
    regency = Regency.objects.select_related("province").filter(pk=regency_id).first()
    return Area(REGENCY, province=regency.province, regency=regency) if regency else None


def _value(period: Period, balance: list[str]):
    """A cell's contribution to the period: its value when its month is inside the period
    or its metric is a balance (the caller keeps months up to the end)."""
    return Sum(
        Case(
            When(Q(month__gte=period.start) | Q(metric__in=balance), then=F("value")),
            default=0,
            output_field=IntegerField(),
        )
    )


def _cells(area: Area, period: Period, metrics, by: str = "") -> QuerySet:
    return area.cells(by).filter(
        month__lte=period.end, metric__in=[metric.code for metric in metrics]
    )


def _balance(metrics) -> list[str]:
    return [metric.code for metric in metrics if metric.balance]


def totals(*, area: Area, period: Period, metrics) -> dict[tuple[str, str], int]:
    """{(metric, key): value} for the area and period."""
    rows = (
        _cells(area, period, metrics)
        .values("metric", "key")
        .annotate(total=_value(period, _balance(metrics)))
        .order_by()
    )
    return {(row["metric"], row["key"]): row["total"] for row in rows}


def split(*, area: Area, period: Period, metrics, by: str) -> dict[str, dict[str, int]]:
    """{by value: {metric: value summed over its keys}}; `by` is "province_id",
    "regency_id" or one of DIMENSIONS."""
    rows = (
        _cells(area, period, metrics, by)
        .values(by, "metric")
        .annotate(total=_value(period, _balance(metrics)))
        .order_by()
    )
    result: dict = defaultdict(dict)
    for row in rows:
        result[row[by]][row["metric"]] = row["total"]
    return dict(result)


def trend(*, area: Area, period: Period, metrics) -> dict[str, list[int]]:
    """{metric: [value of each month of the period]}: a period metric's count in each
    month, a balance metric's running total at each month's end."""
    balance = _balance(metrics)
    rows = (
        _cells(area, period, metrics)
        .filter(Q(month__gte=period.start) | Q(metric__in=balance))
        .values("month", "metric")
        .annotate(total=Sum("value"))
        .order_by("month")
    )
    months = period.months
    index = {month: i for i, month in enumerate(months)}
    series = {metric.code: [0] * len(months) for metric in metrics}
    carried = defaultdict(int)  # balance metrics: everything before the period
    for row in rows:
        position = index.get(row["month"])
        if position is None:
            carried[row["metric"]] += row["total"]
        else:
            series[row["metric"]][position] += row["total"]
    for code in balance:
        running = carried[code]
        values = series[code]
        for i, value in enumerate(values):
            running += value
            values[i] = running
    return series


def freshness(area: Area) -> tuple:
    """(the oldest refresh of the area's regencies, whether any of them is stale, the
    newest refresh), in one query; the oldest is None while some regency was never
    refreshed. The newest changes whenever any of the area's figures do."""
    rows = RegencyFreshness.objects.all()
    if area.level == REGENCY:
        rows = rows.filter(regency_id=area.regency.pk)
    elif area.level == PROVINCE:
        rows = rows.filter(regency__province_id=area.province.pk)
    found = rows.aggregate(
        oldest=Min("refreshed_at"),
        newest=Max("refreshed_at"),
        never=Count("pk", filter=Q(refreshed_at__isnull=True)),
        stale=Count("pk", filter=Q(stale=True)),
    )
    oldest = None if found["never"] else found["oldest"]
    return oldest, bool(found["stale"]), found["newest"]


def child_names(area: Area, ids) -> dict:
    """Names of the rows of the area's table, in display order."""
    level = area.child_level
    if level == PROVINCE:
        return dict(Province.objects.filter(pk__in=ids).order_by("name").values_list("pk", "name"))
    if level == REGENCY:
        regencies = Regency.objects.filter(pk__in=ids).order_by("name")
        return {regency.pk: str(regency) for regency in regencies}
    return {kind: label for kind, label in Library.Kind.choices if kind in ids}


def dimension_labels(dimension: str) -> dict[str, str]:
    if dimension == "library_kind":
        return dict(Library.Kind.choices)
    if dimension == "gender":
        return {**dict(StaffProfile.Gender.choices), "": _("Unknown")}
    return dict(lms_figures.AGE_GROUPS)


def areas_of(scope) -> list[Area]:
    """The provinces and kabupaten/kota a regional admin may read, in name order."""
    provinces = Province.objects.filter(pk__in=scope.province_ids).order_by("name")
    regencies = (
        Regency.objects.filter(pk__in=scope.regency_ids)
        .select_related("province")
        .order_by("province__name", "name")
    )
    return [
        *(Area(PROVINCE, province=province) for province in provinces),
        *(Area(REGENCY, province=regency.province, regency=regency) for regency in regencies),
    ]
