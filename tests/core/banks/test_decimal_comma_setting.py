"""`decimal_comma` on a bank and on a question: the format table, validation, grading, the JSON
Schema and the guide agree."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest

from quiz.core.banks.loading import LoadedBank, load_bank_text
from quiz.core.banks.schema import bank_schema
from quiz.core.grading import grade

ROOT = Path(__file__).parents[3]
QUESTIONS = """questions:
  - id: weight
    type: number
    prompt: How heavy, in tonnes?
    answer: "2,75"
    tolerance: "0,1"
  - id: crowd
    type: number
    prompt: How many came?
    answer: "12.500"
  - id: english
    type: number
    prompt: How many here?
    answer: "12,500"
    decimal_comma: false
  - id: walk
    type: quantity
    prompt: How far?
    answer: 4,2 km
  - id: word
    type: text
    prompt: The word?
    answer: Komma
"""


def load(header: str, questions: str = QUESTIONS) -> LoadedBank:
    return load_bank_text(f"title: T\n{header}{questions}", Path("decimals.yaml"))


def verdict(loaded: LoadedBank, question_id: str, response: str) -> bool:
    assert loaded.bank is not None, loaded.problems
    question = loaded.bank.question(question_id)
    assert question is not None
    return grade(question, response).correct


@pytest.mark.parametrize(
    ("question_id", "response", "right"),
    [
        ("weight", "2,75", True),
        ("weight", "2,8", True),  # the tolerance "0,1" is read with a decimal comma too
        ("weight", "2.75", True),  # a decimal point before two digits is still decimal
        ("weight", "2,9", False),
        ("crowd", "12.500", True),  # a period before three digits groups thousands
        ("crowd", "12500", True),
        ("crowd", "12 500", True),
        ("crowd", "12,500", False),  # 12.5
        ("crowd", "12,5", False),
        ("english", "12,500", True),  # the question's own `decimal_comma: false` wins
        ("english", "12,5", False),
        ("walk", "4,2 km", True),
        ("walk", "4200 m", True),
        ("walk", "4,200 km", True),  # 4.2 km with a decimal comma
        ("walk", "4.200 km", False),  # 4200 km
    ],
)
def test_a_bank_wide_decimal_comma(question_id: str, response: str, right: bool) -> None:
    loaded = load("decimal_comma: true\n")
    assert loaded.problems == ()
    assert loaded.bank is not None and loaded.bank.decimal_comma
    assert verdict(loaded, question_id, response) is right


@pytest.mark.parametrize(
    ("question_id", "response", "right"),
    [
        ("weight", "2,75", True),  # a comma before two digits is decimal by default
        ("crowd", "12.500", True),  # the reference reads 12.5 the English way, and so does this
        ("crowd", "12500", False),
        ("english", "12,500", True),
        ("walk", "4,200 km", False),  # 4200 km by default
    ],
)
def test_the_default_rule_without_the_setting(question_id: str, response: str, right: bool) -> None:
    loaded = load("")
    assert loaded.bank is not None and not loaded.bank.decimal_comma
    assert verdict(loaded, question_id, response) is right


def test_a_question_may_set_it_alone() -> None:
    questions = QUESTIONS.replace(
        '    answer: "12.500"\n', '    answer: "12,5"\n    decimal_comma: true\n'
    )
    loaded = load("", questions)
    assert verdict(loaded, "crowd", "12,500")  # 12.5 here
    assert not verdict(loaded, "english", "12,5")  # and the default everywhere else


def test_the_setting_stays_out_of_the_questions_own_fields() -> None:
    # What the author wrote is what fields hold (exports, previews); the bank's default is not.
    loaded = load("decimal_comma: true\n")
    assert loaded.bank is not None
    crowd = loaded.bank.question("crowd")
    assert crowd is not None and "decimal_comma" not in crowd.fields


@pytest.mark.parametrize(
    ("header", "questions", "where", "message"),
    [
        ("decimal_comma: maybe\n", QUESTIONS, (2, 1), "'decimal_comma' must be true or false"),
        (
            "",
            QUESTIONS.replace("decimal_comma: false", "decimal_comma: 3"),
            (16, 5),
            "'decimal_comma' must be true or false, not '3'",
        ),
        (
            "",
            QUESTIONS.replace(
                "    answer: Komma\n", "    answer: Komma\n    decimal_comma: true\n"
            ),
            (25, 5),
            "unknown key 'decimal_comma' for a text question",
        ),
    ],
)
def test_a_wrong_setting_is_named_at_its_line(
    header: str, questions: str, where: tuple[int, int], message: str
) -> None:
    loaded = load(header, questions)
    assert loaded.bank is None
    assert [(p.line, p.column) for p in loaded.problems] == [where]
    assert message in loaded.problems[0].message


@pytest.mark.parametrize(
    ("value", "valid"), [(True, True), (False, True), ("yes please", False), (1, False)]
)
def test_the_schema_knows_the_bank_setting(value: Any, valid: bool) -> None:
    question = {"id": "q", "type": "number", "prompt": "How many?", "answer": "3,5"}
    bank = {"title": "T", "decimal_comma": value, "questions": [question]}
    validator = jsonschema.Draft202012Validator(bank_schema())
    assert validator.is_valid(bank) is valid
    assert "decimal" in bank_schema()["properties"]["decimal_comma"]["description"]


def test_the_guide_states_the_rule_and_the_setting() -> None:
    guide = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    assert "| `decimal_comma` | no |" in guide
    assert "`3.500` is 3500" in guide and "exactly three digits" in guide
