"""Item analysis: how each question of a bank fared with learners, from plain attempt rows.

The figures (defined for authors on the Help page):
- facility: the share of attempts graded right;
- discrimination: the corrected item–rest correlation, i.e. Pearson's r between a learner's
  score on this question and their mean score on the bank's *other* questions (so the question
  does not correlate with itself); with 0/1 item scores it is the point-biserial correlation.
The callers pass rows in; nothing here reads a database or the clock.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from quiz.core.wrong_answers import is_close

MODES = ("first", "all")  # each learner's first attempt at a question, or every attempt
EASY, HARD = 0.95, 0.20  # facility at or above / at or below: flagged
MIN_LEARNERS = 3  # fewer learners than this: figures shown, no flags (too little to go on)
CLOSE_SHARE, CLOSE_MIN = 0.25, 2  # "often close": ≥ 2 close wrong answers, ≥ ¼ of the wrong
FLAG_LABELS = {
    "too-easy": "Too easy",
    "too-hard": "Too hard",
    "no-discrimination": "Discrimination ≤ 0",
    "often-close": "Often close",
}


@dataclass(frozen=True)
class AttemptRow:
    """One recorded answer, as the statistics need it (storage builds these from its rows)."""

    learner_id: int
    question_id: str
    correct: bool
    score: float
    time_taken_ms: int | None
    answered_at: datetime
    response: Any = None
    expected: str = ""
    feedback: str = ""
    attempt_id: int = 0


@dataclass(frozen=True)
class QuestionStats:
    """One question's figures; None where there is nothing (or too little) to compute from."""

    question_id: str
    learners: int
    attempts: int
    right: int
    wrong: int
    close: int  # wrong answers within a typo or a unit of the expected answer
    facility: float | None
    median_time_ms: float | None
    discrimination: float | None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class BankStats:
    """A bank's figures: every question's, and each learner's score on the bank (0..1)."""

    mode: str
    questions: tuple[QuestionStats, ...]
    learner_scores: tuple[float, ...] = field(default=())

    @property
    def learners(self) -> int:
        return len(self.learner_scores)

    @property
    def attempts(self) -> int:
        return sum(q.attempts for q in self.questions)


def analyse(rows: Iterable[AttemptRow], question_ids: Sequence[str], mode: str) -> BankStats:
    """The bank's item analysis over `question_ids` (in that order) from its attempt rows."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    chosen = select_attempts(rows, mode)
    by_question: dict[str, list[AttemptRow]] = defaultdict(list)
    for row in chosen:
        by_question[row.question_id].append(row)
    scores = item_scores(chosen)
    stats = tuple(_question_stats(q, by_question.get(q, []), scores) for q in question_ids)
    return BankStats(mode, stats, tuple(bank_scores(scores)))


def select_attempts(rows: Iterable[AttemptRow], mode: str) -> list[AttemptRow]:
    """Every row ("all"), or each learner's earliest at each question ("first")."""
    ordered = sorted(rows, key=lambda r: (r.answered_at, r.attempt_id))
    if mode == "all":
        return ordered
    first: dict[tuple[int, str], AttemptRow] = {}
    for row in ordered:
        first.setdefault((row.learner_id, row.question_id), row)
    return list(first.values())


def item_scores(rows: Iterable[AttemptRow]) -> dict[int, dict[str, float]]:
    """learner → question → the share of their (chosen) attempts at it graded right."""
    counts: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for row in rows:
        tally = counts[row.learner_id][row.question_id]
        tally[0] += row.correct
        tally[1] += 1
    return {
        learner: {q: right / total for q, (right, total) in questions.items()}
        for learner, questions in counts.items()
    }


def bank_scores(scores: dict[int, dict[str, float]]) -> list[float]:
    """Each learner's mean item score over the questions they answered, lowest first."""
    return sorted(statistics.fmean(q.values()) for q in scores.values() if q)


def discrimination(question_id: str, scores: dict[int, dict[str, float]]) -> float | None:
    """Pearson's r of (item score, mean score on the other questions) over the learners who
    answered this question and at least one other; None below 3 such learners or when either
    side does not vary (r is undefined then)."""
    pairs = [
        (mine[question_id], statistics.fmean(v for q, v in mine.items() if q != question_id))
        for mine in scores.values()
        if question_id in mine and len(mine) > 1
    ]
    if len(pairs) < MIN_LEARNERS:
        return None
    return pearson([x for x, _ in pairs], [y for _, y in pairs])


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """The correlation coefficient, or None when a side is constant."""
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mean_x) ** 2 for x in xs)
    syy = sum((y - mean_y) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def flags_for(stats: QuestionStats) -> tuple[str, ...]:
    """The flags a question earns; none below MIN_LEARNERS learners."""
    if stats.learners < MIN_LEARNERS or stats.facility is None:
        return ()
    flags = []
    if stats.facility >= EASY:
        flags.append("too-easy")
    if stats.facility <= HARD:
        flags.append("too-hard")
    if stats.discrimination is not None and stats.discrimination <= 0:
        flags.append("no-discrimination")
    if stats.close >= CLOSE_MIN and stats.close >= CLOSE_SHARE * stats.wrong:
        flags.append("often-close")
    return tuple(flags)


def _question_stats(
    question_id: str, rows: list[AttemptRow], scores: dict[int, dict[str, float]]
) -> QuestionStats:
    right = sum(row.correct for row in rows)
    wrong_rows = [row for row in rows if not row.correct]
    times = [row.time_taken_ms for row in rows if row.time_taken_ms is not None]
    stats = QuestionStats(
        question_id=question_id,
        learners=len({row.learner_id for row in rows}),
        attempts=len(rows),
        right=right,
        wrong=len(wrong_rows),
        close=sum(is_close(r.response, r.expected, r.score) for r in wrong_rows),
        facility=right / len(rows) if rows else None,
        median_time_ms=statistics.median(times) if times else None,
        discrimination=discrimination(question_id, scores),
    )
    return replace(stats, flags=flags_for(stats))
