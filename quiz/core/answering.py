"""What an answer does to its flashcard: the one decision of the answer path, on plain values.

Storage reads the card and the learner's settings, calls `decide_review`, and writes what it
returns in one short transaction; nothing here reads a clock or a database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from quiz.core.scheduling import Outcome, SavedCard, Scheduler, suggest_rating
from quiz.core.verdict import Verdict


@dataclass(frozen=True)
class QuizReview:
    """An answer as a review of its card: the rating it earned and the card it leaves."""

    card_before: SavedCard
    outcome: Outcome

    @property
    def was_new(self) -> bool:
        return self.card_before["last_review"] is None


def needs_typical_time(verdict: Verdict, took_ms: int | None) -> bool:
    """Whether the learner's typical answer time can change the rating (a clean right answer
    with a time): the only case worth reading it for."""
    return verdict.correct and not verdict.forgiven and took_ms is not None


def decide_review(
    verdict: Verdict,
    took_ms: int | None,
    typical_ms: float | None,
    card: SavedCard,
    scheduler: Scheduler,
    now: datetime,
) -> QuizReview:
    """The card's review for a graded answer, rated as the verdict and its time suggest."""
    rating = suggest_rating(verdict, took_ms, typical_ms)
    return QuizReview(card, scheduler.review(card, rating, now, took_ms))
