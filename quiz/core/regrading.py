"""Regrading: which past answers a newly accepted answer turns right, and what their
flashcards would have become had they been graded right at the time.

A card's state is the fold of its reviews, so changing one review's rating means replaying
every review after it, each at its own time, with its own (possibly corrected) rating.
Reviews before the first corrected one keep the states they produced (fuzz included).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from quiz.core.bank import Question
from quiz.core.errors import QuizError
from quiz.core.grading import grade
from quiz.core.parsing.text import normalize
from quiz.core.scheduling import Rating, SavedCard, Scheduler, suggest_rating, typical_time
from quiz.core.verdict import Verdict


def same_response(past: Any, accepted: str) -> bool:
    """Whether a saved response is the accepted one, as the grader reads text: case, accents,
    punctuation, spacing and a leading article aside."""
    return isinstance(past, str) and normalize(past) == normalize(accepted)


def regraded_verdict(question: Question, past: Any, accepted: str) -> Verdict | None:
    """The new verdict of a past wrong response equal to `accepted`, graded with the new key;
    None when it is another response or still not right."""
    if not same_response(past, accepted):
        return None
    try:
        verdict = grade(question, past)
    except QuizError:
        return None
    return verdict if verdict.correct else None


def marked_regraded(
    new: Verdict, old: Mapping[str, Any], regrade_id: int, at: datetime
) -> dict[str, Any]:
    """The saved verdict of a regraded attempt: the new one, remembering what the learner was
    shown at the time and which regrade changed it."""
    return {**new.to_dict(), "regraded": {"id": regrade_id, "at": at.isoformat(), "was": dict(old)}}


def corrected_rating(
    verdict: Verdict, took_ms: int | None, earlier_ms: Sequence[int | None]
) -> Rating:
    """The rating the quiz would have given the answer graded right: as at the time, with the
    learner's typical time taken from the answers before it."""
    return suggest_rating(verdict, took_ms, typical_time(earlier_ms))


@dataclass(frozen=True)
class PastReview:
    """One saved review of a card, in the order they happened."""

    rating: Rating
    reviewed_at: datetime
    duration_ms: int | None
    card_before: SavedCard
    card_after: SavedCard
    undone: bool = False


def replay(
    reviews: Sequence[PastReview], corrected: Mapping[int, Rating], scheduler: Scheduler
) -> list[PastReview]:
    """The reviews with `corrected` ratings (index → rating) and every card state from the
    first correction on recomputed. An undone review had no lasting effect and is kept as is."""
    first = min(corrected, default=len(reviews))
    result = list(reviews[:first])
    card = reviews[first].card_before if first < len(reviews) else None
    for index in range(first, len(reviews)):
        review = reviews[index]
        if review.undone:
            result.append(review)
            continue
        assert card is not None
        rating = corrected.get(index, review.rating)
        outcome = scheduler.review(card, rating, review.reviewed_at, review.duration_ms)
        result.append(
            PastReview(rating, review.reviewed_at, review.duration_ms, card, outcome.card)
        )
        card = outcome.card
    return result
