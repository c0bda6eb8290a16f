"""Hostile responses: too long, crafted to make a parser backtrack or recurse, or not valid text.

Each gives a verdict or a clear ResponseError, never another exception, and the parsers stay
linear in their input. The time bounds below are hang detectors set far above the real cost
(a few milliseconds); the timings themselves are measured in benchmarks/hostile_answers.py.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quiz.core.bank import Bank, Question
from quiz.core.banks.loading import load_bank
from quiz.core.errors import ResponseError, ResponseTooLongError
from quiz.core.grading import grade
from quiz.core.grading.cloze import split_blanks
from quiz.core.grading.limits import MAX_ITEM_CHARS, MAX_ITEMS, MAX_TEXT_CHARS
from quiz.core.parsing.dates import DateError, parse_partial_date
from quiz.core.parsing.names import name_form
from quiz.core.parsing.numbers import parse_number, split_number
from quiz.core.parsing.quantities import QuantityError, parse_quantity
from quiz.core.parsing.text import normalize

SAMPLE = Path(__file__).parents[1] / "data" / "banks" / "sample.yaml"
TEXT_TYPED = ("training-ground", "base-number", "border-distance", "drills-end", "csto-goal-quote")
HANG = 1.0  # seconds; a quadratic parser takes minutes on these inputs


@pytest.fixture(scope="module")
def bank() -> Bank:
    loaded = load_bank(SAMPLE)
    assert loaded.bank is not None, loaded.problems
    return loaded.bank


def question(bank: Bank, question_id: str) -> Question:
    found = bank.question(question_id)
    assert found is not None
    return found


def timed(call: Callable[[], Any]) -> float:
    start = time.perf_counter()
    with contextlib.suppress(ValueError, ResponseError):  # refusing is fine: time is tested
        call()
    return time.perf_counter() - start


@pytest.mark.parametrize("question_id", TEXT_TYPED)
def test_a_typed_answer_longer_than_the_cap_is_refused_before_parsing(
    bank: Bank, question_id: str
) -> None:
    with pytest.raises(ResponseTooLongError, match="too long: 1,001 characters"):
        grade(question(bank, question_id), "x" * (MAX_TEXT_CHARS + 1))
    assert grade(question(bank, question_id), "x" * MAX_TEXT_CHARS).correct is False


@pytest.mark.parametrize(
    ("question_id", "response", "message"),
    [
        ("ansarullah-cloze", ["x" * (MAX_ITEM_CHARS + 1)], "item 1 is too long"),
        ("drills-specialists", ["UAV operators"] * (MAX_ITEMS + 1), "too many items"),
        ("agencies", {"TASS": "x" * (MAX_ITEM_CHARS + 1), "Khovar": "Russia"}, "too long"),
        ("agencies", {str(n): "x" for n in range(MAX_ITEMS + 1)}, "too many items"),
        ("timeline", ["x"] * (MAX_ITEMS + 1), "too many items"),
    ],
)
def test_structured_answers_are_capped_in_items_and_item_length(
    bank: Bank, question_id: str, response: Any, message: str
) -> None:
    with pytest.raises(ResponseTooLongError, match=message):
        grade(question(bank, question_id), response)


def test_a_huge_integer_from_json_is_too_long_not_a_crash(bank: Bank) -> None:
    with pytest.raises(ResponseTooLongError):
        grade(question(bank, "base-number"), 10**5000)


def test_an_integer_from_json_is_graded_like_its_digits(bank: Bank) -> None:
    assert grade(question(bank, "base-number"), 201) == grade(question(bank, "base-number"), "201")
    assert grade(question(bank, "base-number"), 201).correct


@pytest.mark.parametrize("question_id", [*TEXT_TYPED, "drills-country", "tajik-ties"])
def test_a_lone_surrogate_is_a_clear_response_error(bank: Bank, question_id: str) -> None:
    with pytest.raises(ResponseError, match="not valid text"):
        grade(question(bank, question_id), "18 April \ud800")


def test_a_lone_surrogate_in_a_list_is_a_clear_response_error(bank: Bank) -> None:
    with pytest.raises(ResponseError, match="not valid text"):
        grade(question(bank, "ansarullah-cloze"), ["Tajik \udcff"])


def test_a_quantity_of_4_kb_of_words_is_a_verdict_within_the_cap(bank: Bank) -> None:
    # 4 KB once made pint's expression parser recurse past Python's limit.
    verdict = grade(question(bank, "border-distance"), ("1 " + "km " * 400)[:MAX_TEXT_CHARS])
    assert verdict.correct is False
    for text in ("1 " + "km " * 1400, "1 " + "1 " * 2000):
        with contextlib.suppress(QuantityError):  # refused with a message: fine
            parse_quantity(text)


def test_a_number_of_a_thousand_digits_is_not_shown_as_infinity(bank: Bank) -> None:
    verdict = grade(question(bank, "base-number"), "9" * MAX_TEXT_CHARS)
    assert verdict.correct is False and "inf" not in verdict.feedback


@pytest.mark.parametrize(
    "text",
    ["1" * 100_000, "1/2/" + "3" * 100_000, "18 " + "9" * 5000 + " April", "x " * 50_000],
)
def test_a_date_parser_given_a_huge_answer_raises_a_date_error(text: str) -> None:
    with pytest.raises(DateError):
        parse_partial_date(text)


HOSTILE: list[tuple[str, Callable[[str], Any], str]] = [
    # 20,000 characters: a quadratic parser takes seconds here, a linear one milliseconds.
    ("whitespace then a letter", parse_number, " " * 20_000 + "x"),
    ("whitespace then a letter, split", split_number, " " * 20_000 + "x"),
    ("digit groups", parse_number, "1 000" * 4_000 + "x"),
    ("comma groups", split_number, "1,000" * 4_000 + ",5"),
    ("unit words", parse_quantity, "1 " + "word " * 4_000),
    ("unit exponent tower", parse_quantity, "1 m**9**9**9**9"),
    ("unit exponent tower with carets", parse_quantity, "1 m^9^9^9^9"),
    ("unit of repeated e", parse_quantity, "1" + "1e" * 10_000),
    ("many date words", parse_partial_date, "x " * 10_000),
    ("many date slashes", parse_partial_date, "1/" * 10_000),
    ("numeral separators", parse_number, "1 " * 10_000 + "x"),
    ("numeral separators then a power", split_number, "1,1." * 5_000 + "x 10^"),
    ("powers of ten", parse_number, "1 x 10^3" * 2_500),
    ("number words", parse_number, "minus point " * 2_000),
    ("text", normalize, "a1." * 7_000),
    ("name", name_form, "mr " * 2_000),
]


@pytest.mark.parametrize(
    ("parser", "text"), [(p, t) for _, p, t in HOSTILE], ids=[name for name, _, _ in HOSTILE]
)
def test_parsers_stay_linear_on_hostile_text(parser: Callable[[str], Any], text: str) -> None:
    assert timed(lambda: parser(text)) < HANG


def test_cloze_blanks_are_split_in_linear_time() -> None:
    assert split_blanks("a [[b|c]] d [[e]]") == ["a ", "b|c", " d ", "e", ""]
    assert split_blanks("[[x\n]] [[y]]") == ["[[x\n]] ", "y", ""]
    assert split_blanks("[[[a]]") == ["", "[a", ""]
    assert timed(lambda: split_blanks("[[" * 100_000)) < HANG
    assert timed(lambda: split_blanks("[[\n" * 50_000 + "]]")) < HANG
    assert timed(lambda: split_blanks("[[" * 50_000 + "\n]]")) < HANG
