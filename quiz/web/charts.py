"""Server-rendered SVG charts (a line chart and a bar chart) that need no script and no style
attribute, so they pass the strict Content-Security-Policy; progress.css colours them by class.

They are built as plain strings, each piece of caller text escaped once, numbers and our own
constants not at all: the progress page draws five of them, and per-element escaping and
helper calls were most of its cost."""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup, escape

from quiz.web.day_names import short_day

WIDTH, HEIGHT = 480, 220
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 12, 30  # room for the axis labels
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
BASELINE = TOP + PLOT_H
MAX_X_LABELS = 6  # more would overlap on a phone
LABEL_HALF_WIDTH = 32  # half of "30 Sep" at the phone's larger chart text, in chart units


@dataclass(frozen=True)
class Point:
    """One bar or point: its x-axis `label` and its `value`; `note` is its tooltip.

    A value of None is a gap: a day without answers keeps its place on the axis (time stays to
    scale) but has no point, and the line breaks there rather than inventing a value."""

    label: str
    value: float | None
    note: str = ""


@dataclass(frozen=True)
class Chart:
    """What every chart needs: a unique `chart_id` (for aria ids), a title and a description."""

    chart_id: str
    title: str
    description: str
    data: Sequence[Point]
    y_max: float | None = None  # None: fitted to the data
    unit: str = ""
    empty_text: str = "Nothing to show yet"


def bar_chart(
    points: Sequence[Point],
    *,
    chart_id: str,
    title: str,
    description: str,
    y_max: float | None = None,
    unit: str = "",
    empty_text: str = "Nothing to show yet",
) -> Markup:
    """Vertical bars, one per point, on a y scale from 0 (to `y_max`, or fitted to the data)."""
    chart = Chart(chart_id, title, description, points, y_max, unit, empty_text)
    top, step = _y_top(chart), _step(chart)
    width = max(step * 0.7, 1)
    bars = []
    for i, datum in enumerate(chart.data):
        if datum.value is None:  # gaps have no bar
            continue
        x, y = LEFT + step * (i + 0.5) - width / 2, _y(datum.value, top)
        bars.append(
            f'<rect class="chart-bar" x="{x:.1f}" y="{y:.1f}" width="{width:.1f}"'
            f' height="{BASELINE - y:.1f}" rx="2" fill="#2446c7"'
            f' data-value="{format_value(datum.value)}">{_tooltip(chart, datum)}</rect>'
        )
    return _svg(chart, top, "chart-bars", "".join(bars))


def line_chart(
    points: Sequence[Point],
    *,
    chart_id: str,
    title: str,
    description: str,
    y_max: float | None = 100.0,
    unit: str = "%",
    empty_text: str = "Nothing to show yet",
    target: float | None = None,
    target_label: str = "",
) -> Markup:
    """A line through the points with a dot (and tooltip) on each; percentages by default.

    Gaps (None) break the line; `target`, if given, is a dashed level to compare against."""
    chart = Chart(chart_id, title, description, points, y_max, unit, empty_text)
    top, step = _y_top(chart), _step(chart)
    runs: list[list[str]] = [[]]
    dots = []
    for i, datum in enumerate(chart.data):
        if datum.value is None:
            runs.append([])
            continue
        x, y = LEFT + step * (i + 0.5), _y(datum.value, top)
        runs[-1].append(f"{x:.1f},{y:.1f}")
        dots.append(
            f'<circle class="chart-dot chart-point" cx="{x:.1f}" cy="{y:.1f}" r="4"'
            f' fill="#ffffff" stroke="#2446c7" stroke-width="2"'
            f' data-value="{format_value(datum.value)}">{_tooltip(chart, datum)}</circle>'
        )
    lines = "".join(_polyline(run) for run in runs if len(run) > 1)
    level = _target(target, target_label, top) if target is not None and chart.data else ""
    return _svg(chart, top, "chart-lines", level + lines + "".join(dots))


def _polyline(run: list[str]) -> str:
    return (
        f'<polyline class="chart-line" points="{" ".join(run)}" fill="none" stroke="#2446c7"'
        ' stroke-width="2.5" stroke-linejoin="round"/>'
    )


def _target(value: float, label: str, top: float) -> str:
    y = _y(value, top)
    return (
        f'<line class="chart-target" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"'
        ' stroke="#b54708" stroke-width="2" stroke-dasharray="6 4"/>'
        f'<text class="chart-label chart-target-label" x="{WIDTH - RIGHT}" y="{y - 6:.1f}"'
        f' text-anchor="end" font-size="12" fill="#7a2e0e">{escape(label)}</text>'
    )


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 5, 10, 20, 50... at least `value` (a y axis ends on a round number)."""
    if value <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= value)


def format_value(value: float, unit: str = "") -> str:
    number = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
    return f"{number}{unit}"


def _svg(chart: Chart, top: float, kind: str, body: str) -> Markup:
    chart_id, title = escape(chart.chart_id), escape(chart.title)
    header = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {kind}"'
        f' viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}"'
        f' role="img" aria-labelledby="{chart_id}-title {chart_id}-desc"'
        f' aria-label="{title}" preserveAspectRatio="xMidYMid meet">'
        f'<title id="{chart_id}-title">{title}</title>'
        f'<desc id="{chart_id}-desc">{escape(chart.description)}</desc>'
    )
    content = body if chart.data else _empty(chart)
    return Markup(header + _grid(top, chart.unit) + _x_labels(chart) + content + "</svg>")


def _y_top(chart: Chart) -> float:
    highest = max((d.value for d in chart.data if d.value is not None), default=0)
    return chart.y_max if chart.y_max is not None else nice_ceiling(highest)


def _y(value: float, top: float) -> float:
    return TOP + PLOT_H * (1 - min(max(value, 0), top) / top)


def _step(chart: Chart) -> float:
    return PLOT_W / max(len(chart.data), 1)


@functools.lru_cache(maxsize=64)
def _grid(top: float, unit: str) -> str:
    """Four bands: horizontal lines at 0, ¼, ½, ¾ and the top, each labelled on the left.
    Kept per scale: the same few scales come back on every page."""
    lines = []
    for i in range(5):
        value = top * i / 4
        y = _y(value, top)
        # Only whole numbers: a count axis reading "1.2 answers" would puzzle anyone.
        label = format_value(value, unit) if float(value).is_integer() else ""
        lines.append(
            f'<line class="chart-grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}"'
            f' y2="{y:.1f}" stroke="#dde1e8" stroke-width="1"/>'
            f'<text class="chart-label" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end"'
            f' font-size="12" fill="#4a5468">{escape(label)}</text>'
        )
    return "".join(lines)


def _x_labels(chart: Chart) -> str:
    return "".join(
        f'<text class="chart-label" x="{x:.1f}" y="{HEIGHT - 10}" text-anchor="{anchor}"'
        f' font-size="12" fill="#4a5468">{escape(chart.data[index].label)}</text>'
        for index, x, anchor in _x_label_places(len(chart.data))
    )


@functools.lru_cache(maxsize=64)
def _x_label_places(count: int) -> tuple[tuple[int, float, str], ...]:
    """Which points get an x label, where, and anchored how: it depends on the count alone."""
    every = max(1, math.ceil(count / MAX_X_LABELS))
    step = PLOT_W / max(count, 1)
    # Label from the newest backwards, so the most recent day always has its label.
    shown = [i for i in range(count) if (count - 1 - i) % every == 0]
    # The newest label, ended at the right edge, would collide with the one before it.
    edge = WIDTH - RIGHT - 2 * LABEL_HALF_WIDTH
    if len(shown) > 1 and LEFT + step * (shown[-2] + 0.5) + LABEL_HALF_WIDTH > edge:
        shown.pop(-2)
    places = []
    for index in shown:
        x, anchor = LEFT + step * (index + 0.5), "middle"
        # The newest label, centred on a narrow last column, would run past the card's edge
        # (on a phone its text is larger still): end it at the chart's right edge instead.
        if index == count - 1 and x + LABEL_HALF_WIDTH > WIDTH - RIGHT:
            x, anchor = WIDTH - RIGHT, "end"
        places.append((index, x, anchor))
    return tuple(places)


def _tooltip(chart: Chart, datum: Point) -> str:
    if datum.note:
        return f"<title>{escape(datum.note)}</title>"
    value = "—" if datum.value is None else format_value(datum.value, chart.unit)
    return f"<title>{escape(f'{datum.label}: {value}')}</title>"


def _empty(chart: Chart) -> str:
    return (
        f'<text class="chart-empty" x="{LEFT + PLOT_W / 2:.1f}" y="{TOP + PLOT_H / 2:.1f}"'
        f' text-anchor="middle" font-size="14" fill="#4a5468">{escape(chart.empty_text)}</text>'
    )


def forecast_chart(forecast: list[int], today: date) -> Markup:
    labels = [short_day(today + timedelta(days=n)) if n else "Today" for n in range(len(forecast))]
    points = [
        Point(label, count, f"{label}: {count} due")
        for label, count in zip(labels, forecast, strict=True)
    ]
    each = "; ".join(f"{p.label}: {int(p.value)}" for p in points if p.value)
    return bar_chart(
        points,
        chart_id="forecast-chart",
        title="Cards due per day",
        description=f"Cards due on each of the next {len(forecast)} days (UTC), cards already "
        f"overdue counted today: {each or 'none'}.",
        empty_text="Nothing scheduled yet: review some flashcards first",
    )
