"""Grouping learners' wrong answers as the grader normalises them, and telling near misses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from quiz.core.wrong_answers import common_wrong_answers, group_key, is_close, response_text


@dataclass(frozen=True)
class Row:
    learner_id: int
    response: Any
    feedback: str = "Not quite: the answer is Kharb-Maidon."
    expected: str = "Kharb-Maidon"
    score: float = 0.0


@pytest.mark.parametrize(
    ("response", "expected", "score", "close"),
    [
        # 10 letters: the grader forgives 2 edits, so 3 is a near miss and 4 is not
        ("Karb Madn", "Kharb-Maidon", 0.0, True),
        ("Kar Madn", "Kharb-Maidon", 0.0, False),
        ("Dushanb", "Dushanbe", 0.0, True),  # 8 letters: 1 forgiven, 2 close
        ("Dushnb", "Dushanbe", 0.0, True),
        ("Dshnb", "Dushanbe", 0.0, False),
        ("Shogi", "Shoigu", 0.0, True),
        ("Dushanbe", "Kharb-Maidon", 0.0, False),
        ("20 miles", "20 km", 0.0, True),  # the same number, another unit
        ("30 km", "20 km", 0.0, False),  # another number is never a typo
        ("April 19", "April 18", 0.0, False),
        ("Lo", "Li", 0.0, False),  # one edit in two letters is no near miss
        ("Pari", "Rome", 0.0, False),
        (["Tajik Taliban", "x"], "Tajik Taliban", 0.5, True),  # partly right
        ("", "Kharb-Maidon", 0.0, False),
    ],
)
def test_is_close(response: Any, expected: str, score: float, close: bool) -> None:
    assert is_close(response, expected, score) is close


def test_group_key_folds_what_the_grader_folds() -> None:
    assert group_key("The  Kharb–Maydon!") == group_key("kharb maydon") == "kharb maydon"
    assert group_key(["A", "b"]) != group_key(["b", "A"])  # order questions: order matters
    assert group_key({"x": "One", "y": "two"}) == group_key({"y": "Two", "x": "one"})


def test_common_wrong_answers_most_frequent_first_with_feedback_and_learners() -> None:
    rows = [
        Row(1, "Kharb Maydon"),
        Row(2, "kharb-maydon"),
        Row(3, "Kharb Maydon", feedback="Close, but no."),
        Row(3, "Kharb Maydon"),
        Row(4, "Dushanbe"),
        Row(5, "Dushanbe"),
        Row(6, "Afghanistan"),
    ]
    first, second, third = common_wrong_answers(rows)
    assert (first.key, first.shown, first.count, first.learners) == (
        "kharb maydon",
        "Kharb Maydon",  # the spelling typed most often
        4,
        3,
    )
    assert first.feedback == (("Not quite: the answer is Kharb-Maidon.", 3), ("Close, but no.", 1))
    assert first.close and first.is_text
    assert (second.shown, second.count, second.close) == ("Dushanbe", 2, False)
    assert (third.shown, third.count) == ("Afghanistan", 1)
    assert len(common_wrong_answers(rows, limit=1)) == 1


def test_a_list_response_is_no_alias_candidate() -> None:
    [answer] = common_wrong_answers([Row(1, ["a", "b"], expected="b; a")])
    assert answer.shown == "a; b" and not answer.is_text


@pytest.mark.parametrize(
    ("response", "text"),
    [
        ("Kharb", "Kharb"),
        (["b", "a"], "b; a"),  # an order keeps its order
        ({"TASS": "Russia", "Khovar": "Tajikistan"}, "Khovar → Tajikistan; TASS → Russia"),
        (None, ""),  # no response at all
        (12, "12"),
    ],
)
def test_a_response_in_words(response: Any, text: str) -> None:
    assert response_text(response) == text
