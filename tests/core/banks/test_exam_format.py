"""`exam` and `attempts`: the format table, validation, the JSON Schema and the guide agree."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from quiz.core.banks.format import BANK_KEYS
from quiz.core.banks.loading import load_bank
from quiz.core.banks.schema import bank_schema

ROOT = Path(__file__).parents[3]
QUESTIONS = "questions:\n  - id: q1\n    type: truefalse\n    prompt: Is it so?\n    answer: yes\n"


def load(tmp_path: Path, header: str) -> Any:
    path = tmp_path / "exam.yaml"
    path.write_text(f"title: T\n{header}{QUESTIONS}", encoding="utf-8")
    return load_bank(path)


@pytest.mark.parametrize(
    ("header", "exam", "attempts"),
    [
        ("", False, None),
        ("exam: false\n", False, None),
        ("exam: true\n", True, None),
        ("exam: yes\nattempts: 1\n", True, 1),
        ("exam: true\nattempts: 3\n", True, 3),
    ],
)
def test_exam_and_attempts_load(
    tmp_path: Path, header: str, exam: bool, attempts: int | None
) -> None:
    loaded = load(tmp_path, header)
    assert loaded.problems == ()
    assert (loaded.bank.exam, loaded.bank.attempts) == (exam, attempts)


@pytest.mark.parametrize(
    ("header", "where", "words"),
    [
        ("exam: sometimes\n", (2, 1), "'exam' must be true or false, not 'sometimes'"),
        ("exam: true\nattempts: 0\n", (3, 1), "'attempts' must be a whole number (1 or more)"),
        ("exam: true\nattempts: -1\n", (3, 1), "1 or more"),
        ("exam: true\nattempts: '²'\n", (3, 1), "1 or more"),
        ("exam: true\nattempts: 99999999999\n", (3, 1), "1 or more"),
        ("exam: true\nattempts: [1]\n", (3, 1), "1 or more"),
        ("attempts: 1\n", (2, 1), "add 'exam: true'"),
        ("exam: false\nattempts: 1\n", (3, 1), "add 'exam: true'"),
        ("exams: true\n", (2, 1), "did you mean 'exam'"),
    ],
)
def test_bad_exam_keys_are_reported_where_they_are(
    tmp_path: Path, header: str, where: tuple[int, int], words: str
) -> None:
    loaded = load(tmp_path, header)
    assert loaded.bank is None
    assert any((p.line, p.column) == where and words in p.message for p in loaded.problems), (
        loaded.problems
    )


TRUEFALSE = {"id": "q1", "type": "truefalse", "prompt": "Is it so?", "answer": True}


@pytest.mark.parametrize(
    ("extra", "valid"),
    [
        ({"exam": True}, True),
        ({"exam": True, "attempts": 1}, True),
        ({"exam": False}, True),
        ({"exam": "yes please"}, False),
        ({"exam": True, "attempts": 0}, False),
        ({"exam": True, "attempts": 1.5}, False),
        ({"attempts": 1}, False),
        ({"exam": False, "attempts": 1}, False),
    ],
)
def test_the_schema_knows_exam_and_attempts(extra: dict[str, Any], valid: bool) -> None:
    bank = {"title": "T", **extra, "questions": [TRUEFALSE]}
    validator = jsonschema.Draft202012Validator(bank_schema())
    assert validator.is_valid(bank) is valid, list(validator.iter_errors(bank))


def test_the_guide_documents_every_bank_key() -> None:
    guide = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    table = guide.split("## A bank", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", table, re.MULTILINE))
    assert documented == set(BANK_KEYS)
