"""The dashboard's and PDF reports' SVG charts: well-formed, accessible, proportional, escaped,
formatted for the reader's language, and small."""

import math
import re
import xml.etree.ElementTree as ET
from itertools import pairwise

import pytest
from django.utils import translation
from django.utils.safestring import SafeString

from monitoring import charts
from monitoring.charts import Series, bar_chart, line_chart, nice_ticks, stacked_bar_chart

NS = "{http://www.w3.org/2000/svg}"
MONTHS = [f"{month} 2026" for month in "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des".split()]
TRICKY = 'Kab. <Lumajang> & "Jember"'


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{NS}svg"
    return root


def bar_groups(root: ET.Element) -> list[ET.Element]:
    return list(root.find(f".//{NS}g[@class='bars']"))


def bar_rects(root: ET.Element) -> list[ET.Element]:
    return [group.find(f"{NS}rect") for group in bar_groups(root)]


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{NS}text")]


def all_charts():
    return {
        "line": line_chart(
            title="Pengunjung",
            labels=MONTHS[:3],
            series=[Series(name="Pengunjung", values=[10, 20, 15])],
        ),
        "bar": bar_chart(title="Per kabupaten", bars=[("Lumajang", 12), ("Jember", 7)]),
        "stacked": stacked_bar_chart(
            title="Kursus",
            bars=[("Literasi digital", [3, 4])],
            parts=["Selesai", "Sedang berjalan"],
        ),
        "empty": bar_chart(title="Kosong", bars=[]),
    }


@pytest.mark.parametrize("kind", ["line", "bar", "stacked", "empty"])
def test_every_chart_is_one_labelled_svg_image(kind):
    svg = all_charts()[kind]
    assert isinstance(svg, SafeString)
    root = parse(svg)
    assert root.get("role") == "img"
    assert root.get("class") == "chart"
    width, height = root.get("width"), root.get("height")
    assert root.get("viewBox") == f"0 0 {width} {height}"
    title_id, desc_id = root.get("aria-labelledby").split()
    title, desc = root.find(f"{NS}title"), root.find(f"{NS}desc")
    assert (title.get("id"), desc.get("id")) == (title_id, desc_id)
    assert title.text and desc.text
    assert title_id.endswith("-title") and desc_id.endswith("-desc")


def test_what_weasyprint_cannot_draw_is_not_used():
    for svg in all_charts().values():
        assert "foreignObject" not in svg
        assert "var(" not in svg
        assert "style=" not in svg
        assert 'font-family="Noto Sans, sans-serif"' in svg


def test_ids_are_deterministic_and_differ_between_charts():
    first, again = all_charts(), all_charts()
    assert first == again
    ids = {parse(svg).find(f"{NS}title").get("id") for svg in first.values()}
    assert len(ids) == len(first)
    other = bar_chart(title="Per kabupaten", bars=[("Lumajang", 12), ("Jember", 8)])
    assert parse(other).find(f"{NS}title").get("id") != parse(first["bar"]).find(f"{NS}title").get(
        "id"
    )


def test_coordinates_have_at_most_one_decimal():
    svg = line_chart(
        title="x",
        labels=MONTHS,
        series=[Series(name="a", values=[n * 1.37 for n in range(12)])],
        width=633,
    )
    numbers = re.findall(r'(?:x|y|x1|x2|y1|y2|cx|cy|width)="(-?[\d.]+)"', svg)
    numbers += re.findall(r"[\d.]+", " ".join(re.findall(r'points="([^"]*)"', svg)))
    assert numbers
    assert all(re.fullmatch(r"-?\d+(\.\d)?", n) for n in numbers)


# --- Bars ---------------------------------------------------------------------------------------


def test_bar_lengths_are_proportional_to_values():
    root = parse(bar_chart(title="x", bars=[("A", 100), ("B", 50), ("C", 25), ("D", 0)]))
    widths = [float(rect.get("width")) for rect in bar_rects(root)]
    assert widths[0] == max(widths)
    assert widths[1] == pytest.approx(widths[0] / 2, abs=0.1)
    assert widths[2] == pytest.approx(widths[0] / 4, abs=0.1)
    assert widths[3] == 0
    # Every bar starts at the same axis.
    assert len({rect.get("x") for rect in bar_rects(root)}) == 1


def test_bars_keep_the_given_order_and_show_their_values():
    root = parse(bar_chart(title="x", bars=[("Jember", 7), ("Lumajang", 12)]))
    assert ["".join(g.find(f"{NS}text").itertext()) for g in bar_groups(root)] == [
        "Jember",
        "Lumajang",
    ]
    assert [list(g.iter(f"{NS}text"))[-1].text for g in bar_groups(root)] == ["7", "12"]


def test_negative_values_clamp_to_zero():
    root = parse(bar_chart(title="x", bars=[("A", 10), ("B", -5)]))
    assert float(bar_rects(root)[1].get("width")) == 0
    assert list(bar_groups(root)[1].iter(f"{NS}text"))[-1].text == "0"


def test_height_grows_with_the_number_of_bars():
    def height(n: int) -> float:
        svg = bar_chart(title="x", bars=[(f"Bar {i}", i + 1) for i in range(n)])
        return float(parse(svg).get("height"))

    assert height(20) - height(10) == pytest.approx(10 * 22)


def test_labels_and_titles_are_escaped():
    svg = bar_chart(title=f"Peserta · {TRICKY}", bars=[(TRICKY, 5)])
    assert "<Lumajang>" not in svg
    assert "&lt;Lumajang&gt; &amp; &quot;Jember&quot;" in svg
    root = parse(svg)
    assert root.find(f"{NS}title").text == f"Peserta · {TRICKY}"
    assert TRICKY in texts(root)
    assert TRICKY in root.find(f"{NS}desc").text

    line = parse(
        line_chart(
            title=TRICKY,
            labels=[TRICKY, "Feb"],
            series=[Series(name=TRICKY, values=[1, 2]), Series(name="b", values=[2, 1])],
        )
    )
    assert line.find(f"{NS}title").text == TRICKY
    assert TRICKY in texts(line)  # in the legend


def test_a_long_label_is_shortened_and_kept_whole_on_hover():
    label = "Perpustakaan Umum Daerah Kabupaten Lumajang, Provinsi Jawa Timur, Indonesia"
    root = parse(bar_chart(title="x", bars=[(label, 5), ("Jember", 3)], width=480))
    long_bar, short_bar = bar_groups(root)
    shown = long_bar.find(f"{NS}text").text
    assert shown.endswith("…") and len(shown) < len(label)
    assert label.startswith(shown[:-1])
    assert long_bar.find(f"{NS}title").text.startswith(label)
    # A label that fits needs no hover text.
    assert short_bar.find(f"{NS}title") is None


def test_more_bars_than_shown_are_counted_in_a_last_line():
    bars = [(f"Desa {i}", 100 - i) for i in range(45)]
    with translation.override("en"):
        root = parse(bar_chart(title="x", bars=bars, max_bars=40))
    assert len(bar_groups(root)) == 40
    assert "… and 5 more" in texts(root)
    assert "Desa 39" in texts(root) and "Desa 40" not in texts(root)
    assert "… and" not in bar_chart(title="x", bars=bars[:40])


def test_stacked_parts_add_up_to_the_total():
    bars = [("Literasi digital", [30, 10]), ("Konten video", [5, 15]), ("Kosong", [0, 0])]
    root = parse(stacked_bar_chart(title="x", bars=bars, parts=["Selesai", "Sedang berjalan"]))
    groups = bar_groups(root)
    assert len(groups) == 3
    totals = []
    for group in groups:
        rects = group.findall(f"{NS}rect")
        widths = [float(r.get("width")) for r in rects]
        for before, after in pairwise(rects):  # each part starts where the one before ends
            end = float(before.get("x")) + float(before.get("width"))
            assert end == pytest.approx(float(after.get("x")), abs=0.15)
        totals.append(sum(widths))
        assert len({r.get("fill") for r in rects}) == len(rects)
    assert totals[0] == pytest.approx(2 * totals[1], abs=0.2)
    assert totals[2] == 0
    assert [list(g.iter(f"{NS}text"))[-1].text for g in groups] == ["40", "20", "0"]
    # The parts' own values are given on hover, as only the total is written out.
    assert "Selesai 30" in groups[0].find(f"{NS}title").text
    legend = root.find(f".//{NS}g[@class='legend']")
    assert ["".join(t.itertext()) for t in legend.iter(f"{NS}text")] == [
        "Selesai",
        "Sedang berjalan",
    ]


def test_stacked_bars_tolerate_missing_values():
    root = parse(
        stacked_bar_chart(title="x", bars=[("A", [4]), ("B", [1, 1, 9])], parts=["p", "q"])
    )
    assert [list(g.iter(f"{NS}text"))[-1].text for g in bar_groups(root)] == ["4", "2"]


# --- Lines --------------------------------------------------------------------------------------


def test_a_single_month_is_still_a_visible_point():
    root = parse(line_chart(title="x", labels=["Jan 2026"], series=[Series(name="a", values=[7])]))
    series = root.find(f".//{NS}g[@class='series']")
    assert series.find(f"{NS}polyline") is None
    circles = series.findall(f"{NS}circle")
    assert len(circles) == 1
    assert float(circles[0].get("r")) > 0
    assert "Jan 2026" in texts(root)


def test_each_series_has_its_line_points_and_legend_entry():
    series = [Series(name=name, values=list(range(1, 13))) for name in ("a", "b", "c")]
    root = parse(line_chart(title="x", labels=MONTHS, series=series))
    groups = root.findall(f".//{NS}g[@class='series']")
    assert len(groups) == 3
    assert all(len(g.findall(f"{NS}circle")) == 12 for g in groups)
    points = groups[0].find(f"{NS}polyline").get("points").split()
    assert len(points) == 12
    ys = [float(p.split(",")[1]) for p in points]
    assert ys == sorted(ys, reverse=True)  # rising values go up the page
    colours = {g.get("fill") for g in groups}
    assert len(colours) == 3 and colours <= set(charts.PALETTE)
    legend = root.find(f".//{NS}g[@class='legend']")
    assert ["".join(t.itertext()) for t in legend.iter(f"{NS}text")] == ["a", "b", "c"]

    one = parse(line_chart(title="x", labels=MONTHS, series=series[:1]))
    assert one.find(f".//{NS}g[@class='legend']") is None


def test_a_chosen_colour_is_used():
    svg = line_chart(
        title="x", labels=MONTHS[:2], series=[Series(name="a", values=[1, 2], colour="#123456")]
    )
    assert 'stroke="#123456"' in svg
    assert bar_chart(title="x", bars=[("a", 1)], colour="#654321").count('fill="#654321"') == 1


def test_many_months_are_thinned_out_keeping_the_latest():
    labels = [f"{month} {year}" for year in (2024, 2025, 2026) for month in MONTHS]
    labels = [label[:3] + label[-5:] for label in labels]
    root = parse(line_chart(title="x", labels=labels, series=[Series(name="a", values=[1] * 36)]))
    shown = texts(root.find(f".//{NS}g[@class='x-labels']"))
    assert 1 < len(shown) <= 8
    assert shown[-1] == labels[-1]


# --- No data ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "svg",
    [
        lambda: bar_chart(title="x", bars=[]),
        lambda: bar_chart(title="x", bars=[("A", 0), ("B", 0)]),
        lambda: bar_chart(title="x", bars=[("A", -3)]),
        lambda: stacked_bar_chart(title="x", bars=[], parts=["p"]),
        lambda: stacked_bar_chart(title="x", bars=[("A", [0, 0])], parts=["p", "q"]),
        lambda: line_chart(title="x", labels=[], series=[]),
        lambda: line_chart(title="x", labels=MONTHS, series=[]),
        lambda: line_chart(title="x", labels=MONTHS, series=[Series(name="a", values=[0] * 12)]),
    ],
    ids=[
        "no-bars",
        "zero-bars",
        "negative-bar",
        "no-stacks",
        "zero-stacks",
        "no-months",
        "no-series",
        "zero-line",
    ],
)
def test_no_data_is_said_instead_of_drawn(svg):
    with translation.override("en"):
        root = parse(svg())
    assert "No data for this period" in texts(root)
    assert root.find(f"{NS}desc").text == "No data for this period"
    assert root.find(f".//{NS}rect") is None and root.find(f".//{NS}polyline") is None
    assert float(root.get("height")) > 0


# --- Numbers and ticks --------------------------------------------------------------------------


def test_numbers_follow_the_language():
    def chart():
        return parse(bar_chart(title="x", bars=[("A", 1234), ("B", 12.5)], unit="%"))

    with translation.override("id"):
        indonesian = chart()
    with translation.override("en"):
        english = chart()
    assert {"1.234%", "12,5%"} <= set(texts(indonesian))
    assert {"1,234%", "12.5%"} <= set(texts(english))
    assert "1.234%" in indonesian.find(f"{NS}desc").text
    assert "1,234%" in english.find(f"{NS}desc").text


def test_line_chart_summary_gives_highest_and_latest():
    with translation.override("en"):
        root = parse(
            line_chart(
                title="x",
                labels=["Jan", "Feb", "Mar"],
                series=[Series(name="Visitors", values=[1500, 2500, 2000])],
                unit="people",
            )
        )
    desc = root.find(f"{NS}desc").text
    assert "2,500 people (Feb)" in desc and "2,000 people (Mar)" in desc


def is_nice(step: float) -> bool:
    exponent = math.floor(math.log10(step))
    return round(step / 10**exponent, 9) in (1, 2, 5)


@pytest.mark.parametrize(
    "maximum", [0.07, 0.3, 1, 3, 7, 9.5, 10, 11, 37, 99, 100, 101, 480, 1234, 77_777, 2e6]
)
def test_ticks_are_nice_numbers(maximum):
    ticks = nice_ticks(maximum)
    assert ticks[0] == 0 and ticks[-1] >= maximum
    assert 4 <= len(ticks) <= 6
    steps = {round(b - a, 9) for a, b in pairwise(ticks)}
    assert len(steps) == 1 and is_nice(steps.pop())


def test_counts_do_not_get_fractional_ticks():
    assert nice_ticks(1, integers=True) == [0, 1]
    assert nice_ticks(3, integers=True) == [0, 1, 2, 3]


def test_chart_axis_shows_nice_ticks():
    with translation.override("en"):
        root = parse(
            line_chart(title="x", labels=MONTHS[:3], series=[Series(name="a", values=[5, 3, 1234])])
        )
    ticks = [t.text for t in root.iterfind(f"{NS}g[@text-anchor='end']/{NS}text")]
    assert ticks == ["0", "500", "1,000", "1,500"]


# --- Size ---------------------------------------------------------------------------------------


def test_charts_stay_small():
    series = [
        Series(name=name, values=[1000 + 137 * i * (n + 1) for i in range(12)])
        for n, name in enumerate(["Pengunjung", "Pengguna komputer", "Pengguna internet"])
    ]
    line = line_chart(title="Pengunjung dan pengguna · 2026", labels=MONTHS, series=series)
    bars = bar_chart(
        title="Peserta per kabupaten · 2026",
        bars=[(f"Perpustakaan Kab. Lumajang {i}", 3000 - 61 * i) for i in range(40)],
    )
    assert len(line.encode()) < 8 * 1024
    assert len(bars.encode()) < 12 * 1024
