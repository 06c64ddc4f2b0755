"""The programme dashboard as tables and charts, built once from the summary table for the
page, its CSV/XLSX exports and the monthly PDF report alike."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils import translation
from django.utils.dateformat import format as date_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from lms import figures as lms_figures
from lms.exports import Table

from . import charts
from .periods import Period
from .selectors import dashboard as selectors
from .selectors.dashboard import DIMENSIONS, Area

# Per section, the metrics the area table and the trend show (the first ones by order).
HEADLINES_PER_SECTION = 2
MAX_TREND_SERIES = 3
CACHE_SECONDS = 24 * 3600


@dataclass
class Block:
    """One table of the dashboard, the chart drawn from it, and its export name."""

    slug: str
    table: Table
    chart: SafeString | None = None
    help_texts: list[str] = field(default_factory=list)
    # For the area table: the province or regency id (or library kind) of each row.
    row_ids: list = field(default_factory=list)


@dataclass
class Section:
    code: str
    title: str
    blocks: list[Block]
    trend_chart: SafeString | None = None


@dataclass
class Dashboard:
    area: Area
    period: Period
    sections: list[Section]
    areas: Block
    dimensions: list[Block]
    trend: Block
    # {(metric code, key): value} for the area and period, behind every section table.
    totals: dict = field(default_factory=dict)
    refreshed_at: object = None
    stale: bool = False

    @property
    def blocks(self) -> list[Block]:
        return [
            *(block for section in self.sections for block in section.blocks),
            self.areas,
            *self.dimensions,
            self.trend,
        ]

    def total(self, metric: str) -> int:
        """A metric's value summed over its keys."""
        return sum(value for (code, _key), value in self.totals.items() if code == metric)

    def block(self, slug: str) -> Block | None:
        return next((block for block in self.blocks if block.slug == slug), None)


def _key_groups(metrics, keys):
    """The section's metrics grouped by the keys they split by (same keys, one table)."""
    groups: dict[tuple, list] = {}
    for metric in metrics:
        signature = tuple(keys[metric.code]) if keys[metric.code] else ()
        groups.setdefault(signature, []).append(metric)
    return groups


def _section(code, metrics, keys, totals) -> Section:
    blocks = []
    for n, (signature, group) in enumerate(_key_groups(metrics, keys).items(), start=1):
        slug = f"{code}-{n}"
        if not signature:
            table = Table(
                title=f"{lms_figures.SECTIONS[code]}",
                columns=[str(_("Measure")), str(_("Number"))],
                rows=[[str(m.label), totals.get((m.code, ""), 0)] for m in group],
            )
            chart = None
        else:
            labels = keys[group[0].code]
            table = Table(
                title=f"{lms_figures.SECTIONS[code]}: {group[0].key_label or _('by category')}",
                columns=[str(group[0].key_label or _("Category")), *(str(m.label) for m in group)],
            )
            for key, label in labels.items():
                table.rows.append([str(label), *(totals.get((m.code, key), 0) for m in group)])
            table.rows.append(
                [
                    str(_("Total")),
                    *(sum(totals.get((m.code, k), 0) for k in labels) for m in group),
                ]
            )
            chart = None
            if len(labels) > 1:
                chart = charts.bar_chart(
                    title=f"{group[0].label}: {group[0].key_label or _('by category')}",
                    bars=[(row[0], row[1]) for row in table.rows[:-1]],
                )
        help_texts = [f"{m.label}: {m.help_text}" for m in group if m.help_text]
        blocks.append(Block(slug=slug, table=table, chart=chart, help_texts=help_texts))
    return Section(code=code, title=str(lms_figures.SECTIONS[code]), blocks=blocks)


def _headlines(metrics) -> list:
    by_section = defaultdict(list)
    for metric in metrics:
        by_section[metric.section].append(metric)
    return [m for section in by_section.values() for m in section[:HEADLINES_PER_SECTION]]


def _areas_block(area, period, metrics, headlines) -> Block:
    by = {"province": "province_id", "regency": "regency_id"}.get(area.child_level, "library_kind")
    values = selectors.split(area=area, period=period, metrics=headlines, by=by)
    names = selectors.child_names(area, list(values))
    heading = {
        "province": _("Province"),
        "regency": _("Kabupaten/kota"),
        "library_kind": _("Kind of library"),
    }[area.child_level]
    table = Table(
        title=str(_("%(area)s by %(level)s") % {"area": area.name, "level": heading.lower()}),
        columns=[str(heading), *(str(m.label) for m in headlines)],
    )
    ids = []
    for pk, name in names.items():
        ids.append(pk)
        table.rows.append([name, *(values.get(pk, {}).get(m.code, 0) for m in headlines)])
    chart = None
    if headlines and table.rows:
        chart = charts.bar_chart(
            title=f"{headlines[0].label} · {heading}",
            bars=sorted(((row[0], row[1]) for row in table.rows), key=lambda bar: -bar[1]),
        )
    return Block(slug="areas", table=table, chart=chart, row_ids=ids)


def _shown_by(dimension: str, metrics) -> list:
    """The metrics a dimension splits: every one by kind of library; those about people
    by age group; those about people and activity participants by gender."""
    if dimension == "library_kind":
        return list(metrics)
    if dimension == "gender":
        return [m for m in metrics if m.people or m.code == "reports.participants"]
    return [m for m in metrics if m.people]


def _dimension_blocks(area, period, metrics) -> list[Block]:
    blocks = []
    for dimension, heading in DIMENSIONS.items():
        shown = _shown_by(dimension, metrics)
        if not shown:
            continue
        values = selectors.split(area=area, period=period, metrics=shown, by=dimension)
        labels = selectors.dimension_labels(dimension)
        table = Table(
            title=str(_("By %(dimension)s") % {"dimension": str(heading).lower()}),
            columns=[str(heading), *(str(m.label) for m in shown)],
        )
        for value, label in labels.items():
            if value in values:
                table.rows.append([str(label), *(values[value].get(m.code, 0) for m in shown)])
        chart = None
        if table.rows:
            chart = charts.bar_chart(
                title=f"{shown[0].label} · {heading}", bars=[(r[0], r[1]) for r in table.rows]
            )
        blocks.append(Block(slug=dimension.replace("_", "-"), table=table, chart=chart))
    return blocks


def _trend_block(area, period, metrics, headlines) -> tuple[Block, dict]:
    series = selectors.trend(area=area, period=period, metrics=metrics)
    labels = [date_format(month, "M Y") for month in period.months]
    table = Table(
        title=str(_("Month by month")),
        columns=[str(_("Month")), *(str(m.label) for m in headlines)],
        rows=[[label, *(series[m.code][i] for m in headlines)] for i, label in enumerate(labels)],
    )
    return Block(slug="trend", table=table), series


def build(*, area: Area, period: Period) -> Dashboard:
    """The dashboard of `area` for `period`. The summary table changes only when a
    refresh writes it, so a built dashboard is kept in the cache under the area's newest
    refresh: the next person asking gets it without summing the table again."""
    refreshed_at, stale, newest = selectors.freshness(area)
    metrics = lms_figures.metrics()
    parts = ":".join(
        [
            "sebaya-monitoring-board",
            area.level,
            str((area.regency or area.province or area).pk if area.level != "programme" else 0),
            f"{period.kind}-{period.start:%Y%m}-{period.end:%Y%m}",
            translation.get_language() or "",
            newest.isoformat() if newest else "never",
            ",".join(metric.code for metric in metrics),
        ]
    )
    # Hashed: the metric codes alone are longer than some cache backends take as a key.
    key = "sebaya-monitoring-board:" + hashlib.sha256(parts.encode()).hexdigest()
    board = cache.get(key) if newest else None
    if board is None:
        board = _build(area, period, metrics, refreshed_at)
        if newest:
            cache.set(key, board, CACHE_SECONDS)
    board.stale = stale
    return board


def _build(area: Area, period: Period, metrics, refreshed_at) -> Dashboard:
    keys = {metric.code: metric.keys() for metric in metrics}
    totals = selectors.totals(area=area, period=period, metrics=metrics)
    headlines = _headlines(metrics)
    trend, series = _trend_block(area, period, metrics, headlines)
    labels = [row[0] for row in trend.table.rows]
    sections = []
    for code in lms_figures.SECTIONS:
        in_section = [m for m in metrics if m.section == code]
        if not in_section:
            continue
        section = _section(code, in_section, keys, totals)
        if len(period.months) > 1:
            section.trend_chart = charts.line_chart(
                title=f"{section.title} · {period.label}",
                labels=labels,
                series=[
                    charts.Series(name=str(m.label), values=series[m.code])
                    for m in in_section[:MAX_TREND_SERIES]
                ],
            )
        sections.append(section)
    return Dashboard(
        area=area,
        period=period,
        sections=sections,
        areas=_areas_block(area, period, metrics, headlines),
        dimensions=_dimension_blocks(area, period, metrics),
        trend=trend,
        totals=totals,
        refreshed_at=refreshed_at,
    )
