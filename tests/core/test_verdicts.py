"""A verdict reads three ways (right, partly right, wrong), and its words agree with its score."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quiz.core.bank import Bank
from quiz.core.banks.loading import load_bank
from quiz.core.grading import grade, matching
from quiz.core.grading.matching import MatchKey
from quiz.core.verdict import Verdict
from quiz.core.wording import counted

SAMPLE = Path(__file__).parents[1] / "data" / "banks" / "sample.yaml"


@pytest.fixture(scope="module")
def bank() -> Bank:
    loaded = load_bank(SAMPLE)
    assert loaded.bank is not None, loaded.problems
    return loaded.bank


@pytest.mark.parametrize(
    ("count", "singular", "plural", "expected"),
    [
        (0, "question", None, "0 questions"),
        (1, "question", None, "1 question"),
        (2, "question", None, "2 questions"),
        (1, "that does not belong", "that do not belong", "1 that does not belong"),
        (3, "that does not belong", "that do not belong", "3 that do not belong"),
        (1, "day", None, "1 day"),
    ],
)
def test_counted(count: int, singular: str, plural: str | None, expected: str) -> None:
    assert counted(count, singular, plural) == expected


@pytest.mark.parametrize(
    ("correct", "score", "outcome"),
    [(True, 1.0, "right"), (False, 0.5, "partly"), (False, 0.01, "partly"), (False, 0.0, "wrong")],
)
def test_outcome(correct: bool, score: float, outcome: str) -> None:
    assert Verdict(correct, score, "x", "y").outcome == outcome


SPECIALISTS = "drills-specialists"  # answer: UAV operators, mobile electronic warfare groups


@pytest.mark.parametrize(
    ("question_id", "response", "outcome", "feedback"),
    [
        (SPECIALISTS, ["UAV operators"], "partly", "Partly right: 1 right, 1 missed."),
        (
            SPECIALISTS,
            ["UAV operators", "naval divers"],
            "wrong",
            "Wrong: 1 right, 1 that does not belong, 1 missed.",
        ),
        (
            SPECIALISTS,
            ["UAV operators", "mobile electronic warfare groups", "paratroopers"],
            "partly",
            "Partly right: 2 right, 1 that does not belong.",
        ),
        (
            SPECIALISTS,
            ["naval divers", "paratroopers"],
            "wrong",
            "Wrong: 0 right, 2 that do not belong, 2 missed.",
        ),
        ("ansarullah-cloze", ["Afghan Taliban"], "wrong", "Wrong: 0 of 1 blank right."),
    ],
)
def test_feedback_leads_with_the_outcome(
    bank: Bank, question_id: str, response: Any, outcome: str, feedback: str
) -> None:
    question = bank.question(question_id)
    assert question is not None
    verdict = grade(question, response)
    assert verdict.outcome == outcome
    assert verdict.feedback == feedback


def test_match_feedback_counts_pairs() -> None:
    key = MatchKey((("a", "1"), ("b", "2"), ("c", "3")))
    one = matching.grade(key, {"a": "1", "b": "3", "c": "2"})
    assert (one.outcome, one.feedback) == ("partly", "Partly right: 1 of 3 pairs matches.")
    two = matching.grade(key, {"a": "1", "b": "2", "c": "1"})
    assert two.feedback == "Partly right: 2 of 3 pairs match."
    none = matching.grade(key, {"a": "2", "b": "3", "c": "1"})
    assert (none.outcome, none.feedback) == ("wrong", "Wrong: 0 of 3 pairs match.")


def test_order_in_reverse_is_wrong(bank: Bank) -> None:
    question = next(q for q in bank.quiz_questions if q.type == "order")
    verdict = grade(question, list(reversed(question.key.items)))
    assert verdict.outcome == "wrong" and verdict.feedback.startswith("Wrong: 0%")


@pytest.mark.parametrize(
    "verdict",
    [
        Verdict(True, 1.0, "Kharb-Maidon", "Right.", forgiven=("a typo",)),
        Verdict(False, 0.5, "2 of 4", "Partly right."),
    ],
)
def test_a_verdict_survives_saving(verdict: Verdict) -> None:
    saved = verdict.to_dict()
    assert saved["forgiven"] == list(verdict.forgiven)  # a list: what JSON columns hold
    assert Verdict.from_dict(saved) == verdict


def test_a_verdict_saved_before_forgiven_existed_reads_as_forgiving_nothing() -> None:
    old = {"correct": True, "score": 1, "expected": "201", "feedback": "Right."}
    assert Verdict.from_dict(old) == Verdict(True, 1.0, "201", "Right.")
