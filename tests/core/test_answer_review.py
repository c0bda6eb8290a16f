"""The answer path's one decision on plain values: the review a graded answer makes of its
flashcard, and when the learner's typical time is worth reading at all."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quiz.core.answering import decide_review, needs_typical_time
from quiz.core.scheduling import Rating, Scheduler, new_card
from quiz.core.verdict import Verdict

NOW = datetime(2025, 4, 10, 9, 0, tzinfo=UTC)
RIGHT = Verdict(True, 1.0, "Kharb-Maidon", "Right.")
FORGIVEN = Verdict(True, 1.0, "Kharb-Maidon", "Right.", forgiven=("a typo",))
WRONG = Verdict(False, 0.0, "Kharb-Maidon", "Not quite.")


@pytest.mark.parametrize(
    ("verdict", "took_ms", "expected"),
    [
        (RIGHT, 4_000, True),
        (RIGHT, None, False),  # no time: nothing to compare
        (FORGIVEN, 4_000, False),  # Hard whatever the time
        (WRONG, 4_000, False),  # Again whatever the time
    ],
)
def test_needs_typical_time(verdict: Verdict, took_ms: int | None, expected: bool) -> None:
    assert needs_typical_time(verdict, took_ms) is expected


@pytest.mark.parametrize(
    ("verdict", "took_ms", "typical_ms", "rating"),
    [
        (RIGHT, 4_000, 3_000.0, Rating.GOOD),
        (RIGHT, 7_000, 3_000.0, Rating.HARD),  # over twice the learner's typical time
        (FORGIVEN, 1_000, 3_000.0, Rating.HARD),
        (WRONG, 1_000, None, Rating.AGAIN),
    ],
)
def test_a_new_card_is_reviewed_with_the_rating_the_answer_earned(
    verdict: Verdict, took_ms: int, typical_ms: float | None, rating: Rating
) -> None:
    card = new_card(1, NOW)
    review = decide_review(verdict, took_ms, typical_ms, card, Scheduler(fuzz=False), NOW)
    assert review.was_new and review.card_before == card
    assert review.outcome.rating is rating
    assert review.outcome == Scheduler(fuzz=False).review(card, rating, NOW, took_ms)


def test_a_card_reviewed_before_is_not_new() -> None:
    scheduler = Scheduler(fuzz=False)
    seen = scheduler.review(new_card(1, NOW), Rating.GOOD, NOW).card
    later = NOW + timedelta(days=3)
    review = decide_review(RIGHT, 2_000, 2_000.0, seen, scheduler, later)
    assert not review.was_new
    assert review.outcome.due > later
