"""How answered items are shown: the verdict, in words, with the learner's own answer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quiz.core.bank import SourceSentence
from quiz.core.verdict import Verdict
from quiz.storage import Attempt, QuizRun
from quiz.web.quiz.items import RunItem


@dataclass(frozen=True)
class Result:
    """An item with its attempt (None while unanswered)."""

    item: RunItem
    attempt: Attempt | None

    @property
    def verdict(self) -> Verdict | None:
        return Verdict.from_dict(self.attempt.verdict) if self.attempt else None

    @property
    def outcome(self) -> str:
        """ "right", "wrong", "partly" or "unanswered": also the CSS class of the verdict."""
        verdict = self.verdict
        if verdict is None:
            return "unanswered"
        if verdict.correct:
            return "right"
        return "partly" if verdict.score > 0 else "wrong"

    @property
    def regraded(self) -> bool:
        """Whether an author accepted this answer after it was graded wrong (see
        quiz.storage.regrading): the learner is told, since they saw "wrong" at the time."""
        return bool(self.attempt and self.attempt.verdict.get("regraded"))

    @property
    def answer_text(self) -> str:
        if self.attempt is None:
            return ""
        joiner = " → " if self.item.question.type == "order" else "; "
        return describe_response(self.attempt.response, joiner)

    @property
    def source(self) -> SourceSentence | None:
        return self.item.question.source_sentence


OUTCOME_LABELS = {
    "right": "Right",
    "wrong": "Wrong",
    "partly": "Partly right",
    "unanswered": "Not answered",
    "recorded": "Answer recorded",  # an exam's, before its run ends: no right or wrong
}


def describe_response(response: Any, joiner: str = "; ") -> str:
    """A response in words: a list joined in order, a mapping as "left → right" pairs."""
    if isinstance(response, list):
        return joiner.join(str(part) for part in response)
    if isinstance(response, dict):
        return "; ".join(f"{left} → {right}" for left, right in response.items())
    return "" if response is None else str(response)


def results_for(items: list[RunItem], attempts: list[Attempt]) -> list[Result]:
    by_position = {attempt.position: attempt for attempt in attempts}
    return [Result(item, by_position.get(item.position)) for item in items]


def score_percent(results: list[Result]) -> int:
    """Sum of scores over the number of questions, as a whole percentage."""
    if not results:
        return 0
    total = sum(r.attempt.score for r in results if r.attempt is not None)
    return round(100 * total / len(results))


def time_text(run: QuizRun, results: list[Result]) -> str:
    """The time spent answering (each question's own time when all are known), in words."""
    times = [r.attempt.time_taken_ms for r in results if r.attempt is not None]
    if times and all(t is not None for t in times):
        return duration_text(sum(t for t in times if t is not None) / 1000)
    if run.finished_at is not None:
        return duration_text((run.finished_at - run.started_at).total_seconds())
    return "—"


def duration_text(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"
