"""Grading, type by type: many right and wrong responses, the tricky ones included."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quiz.core.bank import Bank
from quiz.core.banks.loading import load_bank
from quiz.core.errors import ResponseError, SelfGradedError
from quiz.core.grading import grade

SAMPLE = Path(__file__).parents[1] / "data" / "banks" / "sample.yaml"


@pytest.fixture(scope="module")
def bank() -> Bank:
    loaded = load_bank(SAMPLE)
    assert loaded.bank is not None, loaded.problems
    return loaded.bank


CASES: list[tuple[str, Any, bool, float]] = [
    # choice
    ("drills-country", "Tajikistan", True, 1.0),
    ("drills-country", " tajikistan ", True, 1.0),
    ("drills-country", "Afghanistan", False, 0.0),
    ("drills-country", "Mars", False, 0.0),
    # select-all: (right picks - wrong picks) / size of the answer, at least 0
    ("drills-specialists", ["UAV operators", "mobile electronic warfare groups"], True, 1.0),
    ("drills-specialists", ["UAV operators"], False, 0.5),
    ("drills-specialists", ["UAV operators", "naval divers"], False, 0.0),
    (
        "drills-specialists",
        ["UAV operators", "mobile electronic warfare groups", "paratroopers"],
        False,
        0.5,
    ),
    ("drills-specialists", [], False, 0.0),
    # truefalse
    ("tajik-ties", "false", True, 1.0),
    ("tajik-ties", "False.", True, 1.0),
    ("tajik-ties", "NO", True, 1.0),
    ("tajik-ties", "True", False, 0.0),
    ("tajik-ties", "perhaps", False, 0.0),
    # text
    ("training-ground", "Kharb-Maidon", True, 1.0),
    ("training-ground", "KHARB MAIDON", True, 1.0),
    ("training-ground", "kharb-maidón", True, 1.0),
    ("training-ground", "the Kharb Maidon", True, 1.0),
    ("training-ground", "Kharb Maydon", True, 1.0),
    ("training-ground", "Karb Maydon", True, 1.0),
    ("training-ground", "Krab Mydan", False, 0.0),
    ("training-ground", "", False, 0.0),
    # number
    ("base-number", "201", True, 1.0),
    ("base-number", "201st", True, 1.0),
    ("base-number", "two hundred and one", True, 1.0),
    ("base-number", "two hundred one", True, 1.0),
    ("base-number", "210", False, 0.0),
    ("base-number", "the 201st base", True, 1.0),
    ("base-number", "#201", True, 1.0),
    ("base-number", "2 01", False, 0.0),
    ("base-number", "base 201", True, 1.0),  # one group of digits among words
    ("base-number", "201 or 210", False, 0.0),
    ("base-number", "twenty", False, 0.0),
    # quantity
    ("border-distance", "20 km", True, 1.0),
    ("border-distance", "20km", True, 1.0),
    ("border-distance", "20 kilometres", True, 1.0),
    ("border-distance", "20 kms", True, 1.0),
    ("border-distance", "twenty kilometers", True, 1.0),
    ("border-distance", "12.4 miles", True, 1.0),
    ("border-distance", "20,000 m", True, 1.0),
    ("border-distance", "20", False, 0.0),
    ("border-distance", "20 kg", False, 0.0),
    ("border-distance", "25 km", False, 0.0),
    ("border-distance", "20 hours", False, 0.0),
    # date: no year in the answer, so a learner's year is not held against them
    ("drills-end", "April 18", True, 1.0),
    ("drills-end", "18 April", True, 1.0),
    ("drills-end", "Apr 18th", True, 1.0),
    ("drills-end", "the eighteenth of April", True, 1.0),
    ("drills-end", "18 April 2024", True, 1.0),
    ("drills-end", "April", False, 0.0),
    ("drills-end", "19 April", False, 0.0),
    ("drills-end", "18 May", False, 0.0),
    ("drills-end", "18/04", True, 1.0),
    ("drills-end", "04/05", False, 0.0),
    ("drills-end", "banana", False, 0.0),
    # who
    ("csto-goal-quote", "Sergei Shoigu", True, 1.0),
    ("csto-goal-quote", "Shoigu", True, 1.0),
    ("csto-goal-quote", "Mr. Shoigu", True, 1.0),
    ("csto-goal-quote", "Minister Shoigu", True, 1.0),
    ("csto-goal-quote", "shoygu", True, 1.0),
    ("csto-goal-quote", "S. Shoigu", True, 1.0),
    ("csto-goal-quote", "Shoigu, Sergei", True, 1.0),
    ("csto-goal-quote", "V. Shoigu", False, 0.0),
    ("csto-goal-quote", "Shoigu Vladimir", False, 0.0),
    ("csto-goal-quote", "Sergei", False, 0.0),
    ("csto-goal-quote", "Putin", False, 0.0),
    # cloze
    ("ansarullah-cloze", ["Tajik Taliban"], True, 1.0),
    ("ansarullah-cloze", ["tajik talibans"], True, 1.0),
    ("ansarullah-cloze", ["Afghan Taliban"], False, 0.0),
    # order: the fraction of pairs in the right relative order
    (
        "timeline",
        [
            "Khovar reports an attack from Badakhshan",
            "Shoigu speaks about Central Asia",
            "The drills end",
        ],
        True,
        1.0,
    ),
    (
        "timeline",
        [
            "Shoigu speaks about Central Asia",
            "Khovar reports an attack from Badakhshan",
            "The drills end",
        ],
        False,
        2 / 3,
    ),
    (
        "timeline",
        [
            "The drills end",
            "Shoigu speaks about Central Asia",
            "Khovar reports an attack from Badakhshan",
        ],
        False,
        0.0,
    ),
    # match
    ("agencies", {"TASS": "Russia", "Khovar": "Tajikistan"}, True, 1.0),
    ("agencies", {"TASS": "Russia", "Khovar": "Russia"}, False, 0.5),
    ("agencies", {"TASS": "Tajikistan"}, False, 0.0),
]


@pytest.mark.parametrize(("question_id", "response", "correct", "score"), CASES)
def test_grade(bank: Bank, question_id: str, response: Any, correct: bool, score: float) -> None:
    question = bank.question(question_id)
    assert question is not None
    verdict = grade(question, response)
    assert (verdict.correct, verdict.score) == (correct, pytest.approx(score))
    assert verdict.feedback.strip() and verdict.expected


@pytest.mark.parametrize(
    ("question_id", "response", "words", "forgiven"),
    [
        ("training-ground", "Kharb Maydon", "check the spelling — Kharb-Maidon", ("a typo",)),
        ("border-distance", "12.4 miles", "20 km", ("a unit conversion",)),
        ("border-distance", "20 km", "≈ 12.43 mi", ()),
        ("border-distance", "20 kg", "mass", ()),
        ("border-distance", "20", "unit", ()),
        ("drills-end", "04/05", "month in words", ()),
        ("drills-end", "18 April 2024", "Right", ("a year the source does not give",)),
        ("drills-end", "April", "day", ()),
    ],
)
def test_feedback_says_why(
    bank: Bank, question_id: str, response: str, words: str, forgiven: tuple[str, ...]
) -> None:
    question = bank.question(question_id)
    assert question is not None
    verdict = grade(question, response)
    assert words in verdict.feedback and verdict.forgiven == forgiven


def test_a_card_is_self_graded(bank: Bank) -> None:
    card = bank.question("csto-card")
    assert card is not None
    with pytest.raises(SelfGradedError):
        grade(card, "anything")


@pytest.mark.parametrize(
    ("question_id", "response"),
    [
        ("drills-specialists", "UAV operators"),
        ("timeline", ["The drills end"]),
        ("agencies", ["TASS"]),
        ("agencies", {"TASS": "Russia", "Reuters": "Tajikistan"}),  # an item it does not have
        ("agencies", {"TASS": 1, "Khovar": "Tajikistan"}),  # JSON gives a number, not a text
        ("ansarullah-cloze", ["a", "b"]),
        ("training-ground", ["x"]),
    ],
)
def test_responses_of_the_wrong_shape_are_refused(
    bank: Bank, question_id: str, response: Any
) -> None:
    question = bank.question(question_id)
    assert question is not None
    with pytest.raises(ResponseError):
        grade(question, response)
