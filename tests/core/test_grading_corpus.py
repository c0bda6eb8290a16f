"""The grading corpus: tests/core/cases/<type>.tsv, one case a row (reference, response,
expected, why), written from the grading rules in docs/format.md rather than from the graders.

A reference may end in settings, as in `100 [tolerance=5]` or `3.5 [decimal_comma=true]`.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import pytest

from quiz.core.grading import GRADERS

CASES = Path(__file__).parent / "cases"
_SETTING = re.compile(r"\s*\[(\w+)=([^\]\[]*)\]$")


def read_cases() -> list[Any]:
    rows = []
    for path in sorted(CASES.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as file:
            for line, row in enumerate(
                csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE), 2
            ):
                case_id = f"{path.stem}:{line}"
                rows.append(pytest.param(path.stem, row, id=case_id))
    return rows


def key_fields(question_type: str, reference: str) -> dict[str, Any]:
    fields: dict[str, Any] = {"quote": "q"}
    while match := _SETTING.search(reference):
        name, value = match.groups()
        fields[name] = value == "true" if value in ("true", "false") else value
        reference = reference[: match.start()]
    fields["answer"] = reference
    return fields


def test_the_corpus_has_at_least_400_cases() -> None:
    assert len(read_cases()) >= 400


@pytest.mark.parametrize(("question_type", "row"), read_cases())
def test_corpus_case(question_type: str, row: dict[str, str]) -> None:
    grader = GRADERS[question_type]
    problems: list[Any] = []
    key = grader.prepare(key_fields(question_type, row["reference"]), lambda *a: problems.append(a))
    assert not problems and key is not None, problems
    verdict = grader.grade(key, row["response"])
    assert verdict.correct == (row["expected"] == "right"), (row["why"], verdict.feedback)
