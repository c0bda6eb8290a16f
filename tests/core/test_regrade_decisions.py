"""Regrading's decisions on plain values: which past responses a newly accepted answer turns
right, the rating each would have earned, and the card states replayed from the first change.
(tests/storage/test_regrading.py runs the same decisions against both databases.)"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.core.bank import Question
from quiz.core.banks.loading import load_bank
from quiz.core.regrading import (
    PastReview,
    corrected_rating,
    marked_regraded,
    regraded_verdict,
    replay,
    same_response,
)
from quiz.core.scheduling import Rating, Scheduler, new_card
from quiz.core.verdict import Verdict

SAMPLE = Path(__file__).parents[1] / "data" / "banks" / "sample.yaml"
START = datetime(2025, 4, 10, 9, 0, tzinfo=UTC)
RIGHT = Verdict(True, 1.0, "Kharb-Maidon", "Right.")


def sample_question(question_id: str) -> Question:
    bank = load_bank(SAMPLE).bank
    question = bank.question(question_id) if bank else None
    assert question is not None
    return question


@pytest.mark.parametrize(
    ("past", "accepted", "expected"),
    [
        ("Kharb camp", "kharb  CAMP!", True),  # case, spacing and punctuation aside
        ("the Kharb camp", "Kharb camp", True),  # a leading article aside
        ("Kharb camp", "Kharb base", False),
        (["Kharb camp"], "Kharb camp", False),  # a list answer is never a typed one
        (None, "Kharb camp", False),
    ],
)
def test_same_response(past: object, accepted: str, expected: bool) -> None:
    assert same_response(past, accepted) is expected


def test_a_past_response_equal_to_the_accepted_one_is_regraded_with_the_new_key() -> None:
    question = sample_question("training-ground")  # the key is Kharb-Maidon
    verdict = regraded_verdict(question, "kharb-maidon", "Kharb-Maidon")
    assert verdict is not None and verdict.correct


@pytest.mark.parametrize(
    ("past", "accepted"),
    [
        ("Dushanbe", "Kharb-Maidon"),  # another response: left alone
        ("Dushanbe", "Dushanbe"),  # the same response, but the key does not take it yet
        ("x" * 1_001, "x" * 1_001),  # the grader refuses it (too long): not regraded, no crash
    ],
)
def test_other_or_still_wrong_responses_are_not_regraded(past: str, accepted: str) -> None:
    assert regraded_verdict(sample_question("training-ground"), past, accepted) is None


def test_a_regraded_verdict_remembers_what_was_shown_and_by_which_regrade() -> None:
    old = {"correct": False, "score": 0.0, "expected": "Kharb-Maidon", "feedback": "Not quite."}
    saved = marked_regraded(RIGHT, old, regrade_id=7, at=START)
    assert saved["correct"] is True and saved["feedback"] == "Right."
    assert saved["regraded"] == {"id": 7, "at": "2025-04-10T09:00:00+00:00", "was": old}


@pytest.mark.parametrize(
    ("took_ms", "earlier_ms", "expected"),
    [
        (4_000, [3_000, None, 5_000], Rating.GOOD),  # typical 4 s: not slow
        (9_000, [3_000, None, 5_000], Rating.HARD),  # over twice the typical time
        (9_000, [], Rating.GOOD),  # no earlier times: nothing to be slow against
        (None, [3_000], Rating.GOOD),
    ],
)
def test_corrected_rating_uses_the_times_before_the_answer(
    took_ms: int | None, earlier_ms: list[int | None], expected: Rating
) -> None:
    assert corrected_rating(RIGHT, took_ms, earlier_ms) is expected


def reviews(ratings: list[Rating], undone_at: int | None = None) -> list[PastReview]:
    """A card's history as fsrs (fuzz off) made it, one review a day."""
    scheduler, card, history = Scheduler(fuzz=False), new_card(1, START), []
    for index, rating in enumerate(ratings):
        at = START + timedelta(days=index)
        after = scheduler.review(card, rating, at, 3_000).card
        history.append(PastReview(rating, at, 3_000, card, after, undone=index == undone_at))
        if index != undone_at:
            card = after
    return history


def test_replay_recomputes_from_the_first_corrected_review_only() -> None:
    past = reviews([Rating.GOOD, Rating.AGAIN, Rating.GOOD])
    replayed = replay(past, {1: Rating.GOOD}, Scheduler(fuzz=False))
    assert replayed[0] == past[0]  # before the correction: kept as it was
    assert [r.rating for r in replayed] == [Rating.GOOD, Rating.GOOD, Rating.GOOD]
    assert replayed == reviews([Rating.GOOD, Rating.GOOD, Rating.GOOD])
    assert replayed[2].card_after["stability"] > past[2].card_after["stability"]


def test_replay_keeps_an_undone_review_and_skips_its_effect() -> None:
    past = reviews([Rating.AGAIN, Rating.EASY, Rating.GOOD], undone_at=1)
    replayed = replay(past, {0: Rating.GOOD}, Scheduler(fuzz=False))
    assert replayed[1] == past[1]  # the undone review, untouched
    assert replayed[2].card_before == replayed[0].card_after  # it left no trace on the card


def test_replay_without_corrections_changes_nothing() -> None:
    past = reviews([Rating.GOOD, Rating.HARD])
    assert replay(past, {}, Scheduler(fuzz=False)) == past
