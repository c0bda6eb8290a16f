"""The SVG charts: well-formed XML, labelled for screen readers, values where they belong."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest
from markupsafe import Markup

from quiz.web.charts import Point, bar_chart, line_chart, nice_ceiling

SVG = "{http://www.w3.org/2000/svg}"
Chart = Callable[..., Markup]


def parse(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))


def floats(elements: list[ET.Element], name: str) -> list[float]:
    return [float(element.get(name, "nan")) for element in elements]


def test_line_chart_is_labelled_svg() -> None:
    svg = parse(line_chart([Point("1 Apr", 50)], chart_id="acc", title="Accuracy", description="d"))
    assert svg.tag == f"{SVG}svg"
    assert svg.get("role") == "img"
    assert svg.get("aria-label") == "Accuracy"
    assert svg.findtext(f"{SVG}title") == "Accuracy"
    assert svg.findtext(f"{SVG}desc") == "d"
    assert svg.find(f"{SVG}title").get("id") == "acc-title"  # type: ignore[union-attr]


def test_line_chart_places_points_by_value_and_order() -> None:
    points = [Point("a", 0), Point("b", 100), Point("c", 50)]
    svg = parse(line_chart(points, chart_id="c", title="t", description="d"))
    dots = svg.findall(f".//{SVG}circle")
    bottom, top, middle = floats(dots, "cy")
    assert top < middle < bottom
    assert middle == pytest.approx((top + bottom) / 2, abs=0.1)
    xs = floats(dots, "cx")
    assert xs == sorted(xs)
    assert xs[1] - xs[0] == pytest.approx(xs[2] - xs[1], abs=0.1)
    line = svg.find(f".//{SVG}polyline")
    assert line is not None
    assert line.get("points", "").split() == [
        f"{x:.1f},{y:.1f}" for x, y in zip(xs, floats(dots, "cy"), strict=True)
    ]


def test_line_chart_clamps_values_to_the_scale() -> None:
    points = [Point("over", 150), Point("top", 100), Point("under", -5), Point("zero", 0)]
    svg = parse(line_chart(points, chart_id="c", title="t", description="d"))
    over, top, under, zero = floats(svg.findall(f".//{SVG}circle"), "cy")
    assert (over, under) == (top, zero)


def test_bar_chart_heights_are_proportional_and_share_a_baseline() -> None:
    points = [Point("mon", 2), Point("tue", 4), Point("wed", 1)]
    svg = parse(bar_chart(points, chart_id="b", title="Answers", description="d"))
    bars = svg.findall(f".//{SVG}rect")
    heights = floats(bars, "height")
    assert heights[1] == pytest.approx(2 * heights[0], abs=0.1)
    assert heights[0] == pytest.approx(2 * heights[2], abs=0.1)
    baselines = {round(y + h, 1) for y, h in zip(floats(bars, "y"), heights, strict=True)}
    assert len(baselines) == 1


def test_bar_chart_scale_ends_on_a_round_number() -> None:
    svg = parse(bar_chart([Point("a", 7)], chart_id="b", title="t", description="d"))
    ticks = [t.text for t in svg.findall(f".//{SVG}text") if t.get("text-anchor") == "end"]
    assert ticks[-1] == "10"  # 7 answers on a 0..10 scale


def test_tooltips_say_label_and_value() -> None:
    svg = parse(bar_chart([Point("mon", 3)], chart_id="b", title="t", description="d"))
    assert svg.findtext(f".//{SVG}rect/{SVG}title") == "mon: 3"
    svg = parse(
        line_chart([Point("mon", 3, "3 on Monday")], chart_id="c", title="t", description="d")
    )
    assert svg.findtext(f".//{SVG}circle/{SVG}title") == "3 on Monday"


@pytest.mark.parametrize("chart", [line_chart, bar_chart])
def test_text_is_escaped(chart: Chart) -> None:
    nasty = '<b>"R&D" & </svg>'
    svg = parse(chart([Point(nasty, 1, nasty)], chart_id="x", title=nasty, description=nasty))
    assert svg.get("aria-label") == nasty
    assert svg.findtext(f"{SVG}title") == nasty
    assert svg.findtext(f"{SVG}desc") == nasty
    assert nasty in [t.text for t in svg.findall(f".//{SVG}text")]
    assert svg.find(f".//{SVG}b") is None


@pytest.mark.parametrize("chart", [line_chart, bar_chart])
def test_no_data_says_so(chart: Chart) -> None:
    svg = parse(chart([], chart_id="x", title="t", description="d"))
    assert "Nothing to show yet" in [t.text for t in svg.findall(f".//{SVG}text")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, 1), (1, 1), (1.5, 2), (3, 5), (7, 10), (10, 10), (11, 20), (42, 50), (120, 200)],
)
def test_nice_ceiling(value: float, expected: float) -> None:
    assert nice_ceiling(value) == expected


def test_no_style_attributes() -> None:
    # The Content-Security-Policy forbids inline styles: colours are presentation attributes.
    for chart in (line_chart, bar_chart):
        markup = str(chart([Point("a", 1)], chart_id="x", title="t", description="d"))
        assert "style=" not in markup


def test_a_gap_breaks_the_line_and_keeps_its_place() -> None:
    points = [Point("1", 50), Point("2", 60), Point("3", None), Point("4", 70), Point("5", 80)]
    svg = parse(line_chart(points, chart_id="g", title="t", description="d"))
    xs = floats(svg.findall(f".//{SVG}circle"), "cx")
    assert len(xs) == 4
    step = xs[1] - xs[0]
    assert xs[2] - xs[1] == pytest.approx(2 * step, abs=0.1)  # the empty day keeps its width
    lines = svg.findall(f".//{SVG}polyline")
    assert [len(line.get("points", "").split()) for line in lines] == [2, 2]


def test_target_is_a_dashed_labelled_level() -> None:
    points = [Point("w1", 80), Point("w2", 95)]
    chart = line_chart(
        points, chart_id="r", title="t", description="d", target=90, target_label="desired 90%"
    )
    svg = parse(chart)
    [level] = [line for line in svg.findall(f".//{SVG}line") if line.get("class") == "chart-target"]
    low, high = floats(svg.findall(f".//{SVG}circle"), "cy")
    assert high < float(level.get("y1", "nan")) < low
    assert level.get("stroke-dasharray")
    assert "desired 90%" in [t.text for t in svg.findall(f".//{SVG}text")]


def test_the_newest_label_stays_inside_the_chart() -> None:
    points = [Point(f"{day} Apr", day) for day in range(1, 31)]
    svg = parse(bar_chart(points, chart_id="b", title="t", description="d"))
    [newest] = [t for t in svg.findall(f".//{SVG}text") if t.text == "30 Apr"]
    assert newest.get("text-anchor") == "end"
    assert float(newest.get("x", "nan")) <= float(svg.get("width", "0"))


def test_axis_labels_never_overlap() -> None:
    for count in (7, 14, 20, 30):
        points = [Point(f"{day} Nov", day) for day in range(1, count + 1)]
        svg = parse(bar_chart(points, chart_id="b", title="t", description="d"))
        spans = []
        for text in svg.findall(f".//{SVG}text"):
            if "Nov" not in (text.text or ""):
                continue  # a y-axis tick
            x, half = float(text.get("x", "nan")), 32  # "30 Nov" at the phone's text size
            end = text.get("text-anchor") == "end"
            spans.append((x - 2 * half, x) if end else (x - half, x + half))
        spans.sort()
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), (count, spans)
