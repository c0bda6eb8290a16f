"""The item analysis charts, server-rendered SVG as on the progress page: the bank's score
distribution (bars) and each question's facility against its discrimination (a scatter)."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from quiz.core.item_analysis import EASY, HARD, QuestionStats
from quiz.web.charts import HEIGHT, WIDTH, Point, bar_chart

BINS = 10  # tenths of the score: 0–9 %, 10–19 %, ... 90–100 %
LEFT, RIGHT, TOP, BOTTOM = 52, 12, 12, 36
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
LABEL = 'class="chart-label" font-size="12" fill="#4a5468"'
GRID = 'class="chart-grid" stroke="#dde1e8" stroke-width="1"'


def score_histogram(scores: Sequence[float]) -> Markup:
    """How many learners scored in each tenth of the bank (a score of 100 % joins 90–100)."""
    counts = [0] * BINS
    for score in scores:
        counts[min(int(score * BINS), BINS - 1)] += 1
    points = [
        Point(f"{10 * i}", count, f"{10 * i}–{10 * i + 9 if i < BINS - 1 else 100} %: {count}")
        for i, count in enumerate(counts)
    ]
    each = "; ".join(p.note for p in points if p.value)
    return bar_chart(
        points if scores else [],
        chart_id="score-histogram",
        title="Learners by score on this bank (%)",
        description=f"Number of learners in each tenth of the score: {each or 'none yet'}.",
        empty_text="No learner has answered yet",
    )


def facility_scatter(questions: Sequence[QuestionStats]) -> Markup:
    """One dot per question with both figures: facility (x, 0–100 %) against discrimination
    (y, −1 to 1); dashed lines mark the flag thresholds."""
    shown = [q for q in questions if q.facility is not None and q.discrimination is not None]
    listing = "; ".join(
        f"{q.question_id}: {q.facility:.0%}, {q.discrimination:.2f}"  # type: ignore[str-format]
        for q in shown
    )
    header = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-scatter"'
        f' viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img"'
        ' aria-labelledby="scatter-title scatter-desc" preserveAspectRatio="xMidYMid meet">'
        '<title id="scatter-title">Facility against discrimination</title>'
        f'<desc id="scatter-desc">Each question: % right, then discrimination. '
        f"{escape(listing) or 'No question has both figures yet.'}</desc>"
    )
    body = "".join(_dot(q) for q in shown) if shown else _empty()
    return Markup(header + _axes() + body + "</svg>")


def _x(facility: float) -> float:
    return LEFT + PLOT_W * facility


def _y(discrimination: float) -> float:
    return TOP + PLOT_H * (1 - (max(min(discrimination, 1.0), -1.0) + 1) / 2)


def _axes() -> str:
    parts = []
    for value in (-1.0, -0.5, 0.0, 0.5, 1.0):
        y = _y(value)
        parts.append(f'<line {GRID} x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(
            f'<text {LABEL} x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{value:g}</text>'
        )
    for value in (0.0, 0.25, 0.5, 0.75, 1.0):
        x = _x(value)
        parts.append(
            f'<text {LABEL} x="{x:.1f}" y="{HEIGHT - 20}" text-anchor="middle">{value:.0%}</text>'
        )
    for value in (HARD, EASY):
        x = _x(value)
        parts.append(
            f'<line class="chart-threshold" x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}"'
            f' y2="{TOP + PLOT_H}" stroke="#b4541a" stroke-width="1" stroke-dasharray="4 3"/>'
        )
    y0 = _y(0.0)
    parts.append(
        f'<line class="chart-threshold" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y0:.1f}"'
        f' y2="{y0:.1f}" stroke="#b4541a" stroke-width="1" stroke-dasharray="4 3"/>'
    )
    parts.append(
        f'<text {LABEL} x="{LEFT + PLOT_W / 2:.1f}" y="{HEIGHT - 4}" text-anchor="middle">'
        "% right (facility) →</text>"
        f'<text {LABEL} x="{-(TOP + PLOT_H / 2):.1f}" y="12" text-anchor="middle"'
        ' transform="rotate(-90)">discrimination →</text>'
    )
    return "".join(parts)


def _dot(question: QuestionStats) -> str:
    assert question.facility is not None and question.discrimination is not None
    x, y = _x(question.facility), _y(question.discrimination)
    flagged = " chart-dot-flagged" if question.flags else ""
    fill = "#b4541a" if question.flags else "#2446c7"
    note = f"{question.question_id}: {question.facility:.0%} right, discrimination "
    note += f"{question.discrimination:.2f}"
    return (
        f'<circle class="chart-dot{flagged}" cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{fill}"'
        f' fill-opacity="0.8" data-question="{escape(question.question_id)}">'
        f"<title>{escape(note)}</title></circle>"
    )


def _empty() -> str:
    return (
        f'<text class="chart-empty" x="{LEFT + PLOT_W / 2:.1f}" y="{TOP + PLOT_H / 2:.1f}"'
        ' text-anchor="middle" font-size="14" fill="#4a5468">'
        "Needs 3 learners who answered a question and another</text>"
    )
