"""Charts for the monitoring dashboard and its PDF reports, drawn on the server as inline SVG.

No JavaScript and no charting library: the same markup has to work in a browser, on paper and in
WeasyPrint, whose SVG renderer understands plain presentation attributes but not CSS variables or
`foreignObject`. So every colour is an attribute, text is positioned by hand (no
`dominant-baseline`), and text widths are estimated from the character count, which is close
enough for Noto Sans at these sizes.

Each chart is one `<svg role="img">` labelled by its `<title>` and a `<desc>` that sums it up in a
sentence or two, because a screen reader cannot look at the bars. The ids come from a hash of the
chart's content, so the output is deterministic (stable tests, cacheable fragments); two
identical charts on one page would share ids, which is harmless as they would say the same.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Okabe-Ito hues, with its orange and sky blue (under 2.5:1 on white) swapped for a darker ochre
# and a grey so every line and bar keeps at least 3:1 contrast against the paper (WCAG 1.4.11).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#AA3377", "#996600", "#555555")

FONT = "Noto Sans, sans-serif"
TEXT = "#222222"
MUTED = "#595959"
GRID = "#DDDDDD"
AXIS = "#767676"
FONT_SIZE = 11
TITLE_SIZE = 13
# Average advance of Noto Sans at 11 px: digits are a little wider than lower-case letters.
CHAR_WIDTH = 6.2
TITLE_CHAR_WIDTH = 7.6
# With 11 px text, the baseline sits this far below the line's vertical centre.
BASELINE = 4

TITLE_BAND = 26
LEGEND_ROW = 18
BAR_ROW = 22
BAR_THICKNESS = 14
MAX_X_LABELS = 8
TARGET_INTERVALS = 5


@dataclass(frozen=True)
class Series:
    """One line of a line chart: its name in the legend, a value per label, and its colour
    (`None` takes the next one from the palette)."""

    name: str
    values: list[int | float] = field(default_factory=list)
    colour: str | None = None


# --- Formatting -----------------------------------------------------------------------------


def _c(x: float) -> str:
    """A coordinate to one decimal, without a trailing ".0", to keep the markup small."""
    rounded = round(x, 1)
    if rounded == int(rounded):
        return str(int(rounded))
    return str(rounded)


def _clean(value) -> float | int:
    """A value as something the charts can draw: missing or not-a-number is 0, and negatives
    clamp to 0 because every axis starts there (these are counts and shares, never debts)."""
    if value is None:
        return 0
    number = float(value)
    if math.isnan(number) or number <= 0 or math.isinf(number):
        return 0
    return int(number) if number.is_integer() else number


def _number(value: float | int) -> str:
    """A number in the active language's style ("1.234" in Indonesian, "1,234" in English)."""
    if isinstance(value, float):
        # Floating-point noise (0.30000000000000004) must not reach the reader.
        value = round(value, 2)
        if value.is_integer():
            value = int(value)
    return number_format(value, use_l10n=True, force_grouping=True)


def _with_unit(value: float | int, unit: str) -> str:
    if not unit:
        return _number(value)
    # "45%" but "12 jam": a per cent sign hugs its number, a word does not.
    separator = "" if unit in ("%", "‰") else " "
    return f"{_number(value)}{separator}{unit}"


def _truncate(text: str, max_chars: int) -> str:
    max_chars = max(max_chars, 2)
    if len(text) <= max_chars:
        return text
    return text[: max_chars - 1].rstrip() + "…"


def _text_width(text: str, char_width: float = CHAR_WIDTH) -> float:
    return len(text) * char_width


def _chart_id(kind: str, *parts) -> str:
    digest = hashlib.sha1(repr((kind, *parts)).encode(), usedforsecurity=False).hexdigest()
    return f"chart-{digest[:10]}"


# --- Scale ----------------------------------------------------------------------------------


def nice_ticks(maximum: float, *, integers: bool = False) -> list[float | int]:
    """Tick values from 0 up to at least `maximum`, stepping by 1, 2 or 5 × 10ⁿ.

    The step is the smallest such number that needs at most five intervals; the next smaller
    one would have needed more than five, and steps grow by at most 2.5×, so there are always
    three to five intervals: four to six gridlines. Counts (`integers`) never step by less than 1,
    so a chart whose highest value is 1 has the ticks 0 and 1 rather than 0, 0.2, …, 1.
    """
    if maximum <= 0:
        return [0, 1]
    magnitude = 10 ** math.floor(math.log10(maximum / TARGET_INTERVALS))
    step = magnitude * 10
    for multiple in (1, 2, 5, 10):
        candidate = multiple * magnitude
        if math.ceil(maximum / candidate - 1e-9) <= TARGET_INTERVALS:
            step = candidate
            break
    if integers:
        step = max(step, 1)
    intervals = max(math.ceil(maximum / step - 1e-9), 1)
    decimals = max(0, -math.floor(math.log10(step)))
    ticks: list[float | int] = []
    for i in range(intervals + 1):
        tick = round(i * step, decimals)
        ticks.append(int(tick) if float(tick).is_integer() else tick)
    return ticks


def _all_integers(values) -> bool:
    return all(isinstance(v, int) for v in values)


# --- Pieces of markup -------------------------------------------------------------------------


def _svg(chart_id: str, width: float, height: float, title: str, desc: str, body: list[str]):
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_c(width)} {_c(height)}" '
        f'width="{_c(width)}" height="{_c(height)}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" class="chart" '
        f'font-family="{FONT}" font-size="{FONT_SIZE}" fill="{TEXT}">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>'
    )
    # The visible title is a shortened copy; the full one is in <title> above.
    max_chars = int((width - 8) / TITLE_CHAR_WIDTH)
    heading = (
        f'<text x="0" y="{TITLE_SIZE + 3}" font-size="{TITLE_SIZE}" font-weight="bold">'
        f"{escape(_truncate(title, max_chars))}</text>"
    )
    return mark_safe("".join([head, heading, *body, "</svg>"]))


def _no_data(kind: str, title: str, width: int, height: int) -> SafeString:
    message = _("No data for this period")
    chart_id = _chart_id(kind, title, width, height, "empty")
    height = max(height, TITLE_BAND + 40)
    text = (
        f'<text x="{_c(width / 2)}" y="{_c(TITLE_BAND + (height - TITLE_BAND) / 2 + BASELINE)}" '
        f'text-anchor="middle" fill="{MUTED}">{escape(message)}</text>'
    )
    return _svg(chart_id, width, height, title, message, [text])


def _legend(items: list[tuple[str, str]], *, x0: float, y0: float, width: float, swatch: str):
    """Legend entries left to right, wrapping onto a new row when the width runs out.

    Returns the markup and the height it took, so the plot can start below it."""
    parts: list[str] = ['<g class="legend">']
    x, y = x0, y0
    rows = 1
    for name, colour in items:
        label = _truncate(name, 40)
        entry = 22 + _text_width(label) + 14
        if x > x0 and x + entry > x0 + width:
            x, y, rows = x0, y + LEGEND_ROW, rows + 1
        middle = y + LEGEND_ROW / 2
        if swatch == "line":
            mark = (
                f'<line x1="{_c(x)}" y1="{_c(middle)}" x2="{_c(x + 16)}" y2="{_c(middle)}" '
                f'stroke="{colour}" stroke-width="2"/>'
                f'<circle cx="{_c(x + 8)}" cy="{_c(middle)}" r="3" fill="{colour}"/>'
            )
        else:
            mark = (
                f'<rect x="{_c(x)}" y="{_c(middle - 5)}" width="12" height="10" fill="{colour}"/>'
            )
        parts.append(
            f'<g>{mark}<text x="{_c(x + 22)}" y="{_c(middle + BASELINE)}">'
            f"{escape(label)}</text></g>"
        )
        x += entry
    parts.append("</g>")
    return "".join(parts), rows * LEGEND_ROW


def _colour(index: int, chosen: str | None) -> str:
    return chosen or PALETTE[index % len(PALETTE)]


# --- Line chart ---------------------------------------------------------------------------------


def line_chart(
    *,
    title: str,
    labels: list[str],
    series: list[Series],
    width: int = 640,
    height: int = 240,
    unit: str = "",
) -> SafeString:
    """Trend lines over time, one point per label (typically a month), with a legend when there
    is more than one line."""
    title = str(title)
    labels = [str(label) for label in labels]
    count = len(labels)
    lines = [
        (str(s.name), [_clean(v) for v in list(s.values)[:count]], _colour(i, s.colour))
        for i, s in enumerate(series)
    ]
    lines = [line for line in lines if line[1]]
    everything = [v for _name, values, _colour in lines for v in values]
    if not everything or max(everything) <= 0:
        return _no_data("line", title, width, height)

    ticks = nice_ticks(max(everything), integers=_all_integers(everything))
    top_value = ticks[-1]
    tick_labels = [_with_unit(t, unit) for t in ticks]

    legend, legend_height = "", 0
    if len(lines) > 1:
        legend, legend_height = _legend(
            [(name, colour) for name, _values, colour in lines],
            x0=0,
            y0=TITLE_BAND - 4,
            width=width,
            swatch="line",
        )
        legend_height += 4

    left = max(_text_width(t) for t in tick_labels) + 10
    left = max(left, _text_width(labels[0]) / 2 + 2)
    right = max(12, _text_width(labels[-1]) / 2 + 4)
    plot_top = TITLE_BAND + legend_height + 6
    plot_bottom = height - 22
    plot_left, plot_right = left, width - right
    plot_width = plot_right - plot_left
    plot_height = plot_bottom - plot_top

    def x_at(i: int) -> float:
        if count == 1:
            return plot_left + plot_width / 2
        return plot_left + plot_width * i / (count - 1)

    def y_at(value: float) -> float:
        return plot_bottom - plot_height * value / top_value

    body: list[str] = [legend] if legend else []

    grid = [f'<g stroke="{GRID}">']
    tick_text = ['<g text-anchor="end" fill="' + MUTED + '">']
    for tick, text in zip(ticks, tick_labels, strict=True):
        y = y_at(tick)
        grid.append(f'<line x1="{_c(plot_left)}" y1="{_c(y)}" x2="{_c(plot_right)}" y2="{_c(y)}"/>')
        tick_text.append(
            f'<text x="{_c(plot_left - 6)}" y="{_c(y + BASELINE)}">{escape(text)}</text>'
        )
    grid.append("</g>")
    tick_text.append("</g>")
    body += grid + tick_text
    body.append(
        f'<line x1="{_c(plot_left)}" y1="{_c(plot_bottom)}" x2="{_c(plot_right)}" '
        f'y2="{_c(plot_bottom)}" stroke="{AXIS}"/>'
    )

    # At most MAX_X_LABELS month names, counted back from the latest one: it is the month
    # readers look for first, so it is always labelled.
    every = max(1, math.ceil(count / MAX_X_LABELS))
    room = (plot_width / max(count - 1, 1)) * every if count > 1 else plot_width
    max_chars = max(int(room / CHAR_WIDTH) - 1, 3)
    x_labels = ['<g class="x-labels" text-anchor="middle" fill="' + MUTED + '">']
    for i, label in enumerate(labels):
        if (count - 1 - i) % every:
            continue
        shown = _truncate(label, max_chars)
        hover = f"<title>{escape(label)}</title>" if shown != label else ""
        x_labels.append(
            f'<text x="{_c(x_at(i))}" y="{_c(plot_bottom + 16)}">{hover}{escape(shown)}</text>'
        )
    x_labels.append("</g>")
    body += x_labels

    for name, values, colour in lines:
        points = " ".join(f"{_c(x_at(i))},{_c(y_at(v))}" for i, v in enumerate(values))
        group = [f'<g class="series" fill="{colour}"><title>{escape(name)}</title>']
        if len(values) > 1:
            group.append(
                f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2" '
                'stroke-linejoin="round"/>'
            )
        # A dot on every point too: a single month has no line to draw, and dots show which
        # months have values at all.
        for i, v in enumerate(values):
            group.append(
                f'<circle cx="{_c(x_at(i))}" cy="{_c(y_at(v))}" r="3">'
                f"<title>{escape(f'{name}, {labels[i]}: {_with_unit(v, unit)}')}</title></circle>"
            )
        group.append("</g>")
        body += group

    desc = " ".join(_line_summary(name, values, labels, unit) for name, values, _colour in lines)
    drawn = [(name, values) for name, values, _colour in lines]
    chart_id = _chart_id("line", title, labels, drawn, width, height, unit)
    return _svg(chart_id, width, height, title, desc, body)


def _line_summary(name: str, values: list, labels: list[str], unit: str) -> str:
    highest = max(range(len(values)), key=lambda i: values[i])
    latest = len(values) - 1
    return _(
        "%(name)s: highest %(highest)s (%(highest_label)s), latest %(latest)s (%(latest_label)s)."
    ) % {
        "name": name,
        "highest": _with_unit(values[highest], unit),
        "highest_label": labels[highest],
        "latest": _with_unit(values[latest], unit),
        "latest_label": labels[latest],
    }


# --- Bar charts ---------------------------------------------------------------------------------


@dataclass
class _Bar:
    label: str
    parts: list[float | int]

    @property
    def total(self) -> float | int:
        return sum(self.parts)


def _bar_columns(bars: Sequence[_Bar], width: int, unit: str, ticks: list):
    """Where the bars start and end: labels on the left, room for the totals on the right.

    Returns the characters a label may keep, and the left and right edges of the bars."""
    longest_label = max(len(bar.label) for bar in bars)
    # Long names (a regency's full library name) must not squeeze the bars to nothing.
    label_width = min(longest_label * CHAR_WIDTH, width * 0.38)
    value_width = max(
        max(_text_width(_with_unit(bar.total, unit)) for bar in bars) + 10,
        _text_width(_with_unit(ticks[-1], unit)) / 2 + 4,
    )
    return max(int(label_width / CHAR_WIDTH), 4), label_width + 8, width - value_width


def _horizontal_bars(
    *,
    kind: str,
    title: str,
    bars: list[_Bar],
    width: int,
    unit: str,
    max_bars: int,
    colours: list[str],
    part_names: list[str] | None,
    desc: str,
) -> SafeString:
    hidden = max(len(bars) - max_bars, 0)
    shown = bars[:max_bars]
    # Only the bars drawn set the scale: a larger one past the cut-off is not drawn at all.
    maximum = max(bar.total for bar in shown)
    values = [v for bar in shown for v in bar.parts]
    ticks = nice_ticks(maximum, integers=_all_integers(values))

    body: list[str] = []
    top = TITLE_BAND
    if part_names:
        legend, legend_height = _legend(
            list(zip(part_names, colours, strict=True)),
            x0=0,
            y0=TITLE_BAND - 4,
            width=width,
            swatch="box",
        )
        body.append(legend)
        top += legend_height
    label_chars, plot_left, plot_right = _bar_columns(shown, width, unit, ticks)
    plot_width = plot_right - plot_left
    plot_top = top + 4
    plot_bottom = plot_top + BAR_ROW * len(shown)
    more_height = BAR_ROW if hidden else 0
    height = plot_bottom + 22 + more_height

    def length(value: float) -> float:
        return plot_width * value / ticks[-1]

    grid = [f'<g stroke="{GRID}">']
    tick_text = ['<g text-anchor="middle" fill="' + MUTED + '">']
    for tick in ticks:
        x = plot_left + length(tick)
        grid.append(f'<line x1="{_c(x)}" y1="{_c(plot_top)}" x2="{_c(x)}" y2="{_c(plot_bottom)}"/>')
        tick_text.append(
            f'<text x="{_c(x)}" y="{_c(plot_bottom + 15)}">{escape(_with_unit(tick, unit))}</text>'
        )
    grid.append("</g>")
    tick_text.append("</g>")
    body += grid + tick_text
    body.append(
        f'<line x1="{_c(plot_left)}" y1="{_c(plot_top)}" x2="{_c(plot_left)}" '
        f'y2="{_c(plot_bottom)}" stroke="{AXIS}"/>'
    )

    body.append('<g class="bars">')
    for row, bar in enumerate(shown):
        middle = plot_top + BAR_ROW * row + BAR_ROW / 2
        label = _truncate(bar.label, label_chars)
        total = _with_unit(bar.total, unit)
        if part_names:
            breakdown = ", ".join(
                f"{name} {_with_unit(v, unit)}"
                for name, v in zip(part_names, bar.parts, strict=True)
            )
            hover = f"{bar.label}: {breakdown}; {_('total')} {total}"
        else:
            hover = f"{bar.label}: {total}"
        # A truncated label keeps its full text for hovering; a stacked bar also tells its
        # parts' values there, as only the total is written out.
        hover_title = f"<title>{escape(hover)}</title>" if part_names or label != bar.label else ""
        group = [
            f"<g>{hover_title}"
            f'<text x="{_c(plot_left - 6)}" y="{_c(middle + BASELINE)}" text-anchor="end">'
            f"{escape(label)}</text>"
        ]
        x = plot_left
        for value, colour in zip(bar.parts, colours, strict=True):
            if value <= 0 and len(bar.parts) > 1:
                continue
            segment = length(value)
            # A thin white edge keeps neighbouring parts apart on paper and in grey print.
            edge = ' stroke="#FFFFFF" stroke-width="0.5"' if len(bar.parts) > 1 else ""
            group.append(
                f'<rect x="{_c(x)}" y="{_c(middle - BAR_THICKNESS / 2)}" width="{_c(segment)}" '
                f'height="{BAR_THICKNESS}" fill="{colour}"{edge}/>'
            )
            x += segment
        group.append(
            f'<text x="{_c(plot_left + length(bar.total) + 4)}" y="{_c(middle + BASELINE)}">'
            f"{escape(total)}</text></g>"
        )
        body += group
    body.append("</g>")

    if hidden:
        more = ngettext("… and %(count)s more", "… and %(count)s more", hidden) % {
            "count": _number(hidden)
        }
        body.append(
            f'<text class="more" x="{_c(plot_left)}" '
            f'y="{_c(plot_bottom + 22 + BAR_ROW / 2 + BASELINE)}" fill="{MUTED}">'
            f"{escape(more)}</text>"
        )

    chart_id = _chart_id(
        kind, title, [(b.label, b.parts) for b in bars], part_names, width, unit, max_bars
    )
    return _svg(chart_id, width, height, title, desc, body)


def _bars_summary(bars: list[_Bar], unit: str) -> str:
    highest = max(bars, key=lambda bar: bar.total)
    lowest = min(bars, key=lambda bar: bar.total)
    return ngettext(
        "%(count)s item. Highest: %(highest_label)s, %(highest)s. "
        "Lowest: %(lowest_label)s, %(lowest)s.",
        "%(count)s items. Highest: %(highest_label)s, %(highest)s. "
        "Lowest: %(lowest_label)s, %(lowest)s.",
        len(bars),
    ) % {
        "count": _number(len(bars)),
        "highest_label": highest.label,
        "highest": _with_unit(highest.total, unit),
        "lowest_label": lowest.label,
        "lowest": _with_unit(lowest.total, unit),
    }


def bar_chart(
    *,
    title: str,
    bars: list[tuple[str, int | float]],
    width: int = 640,
    unit: str = "",
    colour: str | None = None,
    max_bars: int = 40,
) -> SafeString:
    """Horizontal bars, label on the left and value at the end, in the order given; past
    `max_bars` the rest are counted in a closing "… and N more" line."""
    title = str(title)
    cleaned = [_Bar(str(label), [_clean(value)]) for label, value in bars]
    if not cleaned or max(bar.total for bar in cleaned) <= 0:
        return _no_data("bar", title, width, TITLE_BAND + 60)
    return _horizontal_bars(
        kind="bar",
        title=title,
        bars=cleaned,
        width=width,
        unit=unit,
        max_bars=max(max_bars, 1),
        colours=[_colour(0, colour)],
        part_names=None,
        desc=_bars_summary(cleaned, unit),
    )


def stacked_bar_chart(
    *,
    title: str,
    bars: list[tuple[str, list[int | float]]],
    parts: list[str],
    width: int = 640,
    unit: str = "",
    max_bars: int = 40,
) -> SafeString:
    """Horizontal bars split into `parts` (one value per part, in the same order), with a legend
    naming the parts and each bar's total at its end."""
    title = str(title)
    part_names = [str(part) for part in parts]
    if not part_names:
        return _no_data("stacked", title, width, TITLE_BAND + 60)
    # Missing values count as 0, extra ones have no part to belong to.
    cleaned = [
        _Bar(
            str(label),
            [_clean(v) for v in list(values)[: len(part_names)]]
            + [0] * (len(part_names) - len(values)),
        )
        for label, values in bars
    ]
    if not cleaned or max(bar.total for bar in cleaned) <= 0:
        return _no_data("stacked", title, width, TITLE_BAND + 60)
    totals = ", ".join(
        f"{name} {_with_unit(sum(bar.parts[i] for bar in cleaned), unit)}"
        for i, name in enumerate(part_names)
    )
    desc = f"{_bars_summary(cleaned, unit)} {_('In all: %(parts)s.') % {'parts': totals}}"
    return _horizontal_bars(
        kind="stacked",
        title=title,
        bars=cleaned,
        width=width,
        unit=unit,
        max_bars=max(max_bars, 1),
        colours=[PALETTE[i % len(PALETTE)] for i in range(len(part_names))],
        part_names=part_names,
        desc=desc,
    )
