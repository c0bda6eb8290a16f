"""A key's value of the wrong kind, as an author meets it in `quiz validate`: one message at the
value's FILE:LINE:COL, saying which item is at fault and what kind was wanted."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.banks.loading import load_bank
from quiz.core.grading import grade

TEXT = "  - id: q\n    type: text\n    prompt: P?\n    answer: x\n"  # lines 3-6
MATCH = "  - id: q\n    type: match\n    prompt: Match them.\n"  # lines 3-5
SLIPS = ("Kharb-Maidan", "Kherb-Maidan")  # one letter wrong, then two
_NULL = "is empty (in YAML an unquoted ~ or null means nothing): give a value, or quote it ('~')"


IDS = [
    "empty-tag",
    "mapping-tag",
    "null-tag",
    "typos-list",
    "typos-nothing",
    "typos-mapping",
    "pairs-text",
    "pair-side-empty",
    "check-text",
    "check-unknown-key",
    "check-right-text",
]


@pytest.mark.parametrize(
    ("question", "where", "message"),
    [
        (TEXT + "    tags: [a, '']\n", "7:15", "'tags' item 2 is empty: give a value"),
        (TEXT + "    tags: [a, {b: c}]\n", "7:15", "'tags' item 2 must be text, not a mapping"),
        (
            TEXT + "    tags: [a, ~]\n",
            "7:15",
            f"'tags' item 2 {_NULL} if you mean those characters",
        ),
        (
            TEXT + "    typos: [1]\n",
            "7:5",
            "'typos' must be a whole number (0 or more), not a list",
        ),
        (TEXT + "    typos:\n", "7:5", "'typos' must be a whole number (0 or more), not nothing"),
        (
            TEXT + "    typos: {a: 1}\n",
            "7:5",
            "'typos' must be a whole number (0 or more), not a mapping",
        ),
        (
            MATCH + "    pairs: lots\n",
            "6:5",
            "'pairs' must be a list of [left, right] pairs, not text",
        ),
        (
            MATCH + "    pairs: [[a, ''], [c, d]]\n",
            "6:13",
            "'pairs' pair 1: a side is empty: give a value",
        ),
        (
            TEXT + "    check: yes\n",
            "7:5",
            "'check' must be a mapping with 'right' and/or 'wrong' lists of examples",
        ),
        (
            TEXT + "    check: {right: [x], maybe: [y]}\n",
            "7:5",
            "'check' takes only 'right' and 'wrong', not 'maybe'",
        ),
        (
            TEXT + "    check: {right: x}\n",
            "7:5",
            "'check' 'right' must be a list of example responses",
        ),
    ],
    ids=IDS,
)
def test_a_value_of_the_wrong_kind_is_one_message_at_its_place(
    tmp_path: Path, question: str, where: str, message: str
) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text("title: T\nquestions:\n" + question, encoding="utf-8")
    assert [str(problem) for problem in load_bank(path).problems] == [f"{path}:{where}: {message}"]


@pytest.mark.parametrize(("typos", "graded"), [("0", [False, False]), ("1", [True, False])])
def test_a_whole_number_of_typos_is_how_many_slips_are_let_go(
    tmp_path: Path, typos: str, graded: list[bool]
) -> None:
    path = tmp_path / "bank.yaml"
    question = TEXT.replace("answer: x", "answer: Kharb-Maidon") + f"    typos: {typos}\n"
    path.write_text("title: T\nquestions:\n" + question, encoding="utf-8")
    bank = load_bank(path).bank
    assert bank is not None
    assert [grade(bank.questions[0], slip).correct for slip in SLIPS] == graded
