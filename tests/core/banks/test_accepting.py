"""Accepting a wrong answer: the bank file gains the alias and a check example, and nothing else
changes; refusals write nothing; the write is hash-checked, atomic and undoable once."""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest

from quiz.core.banks.accepting import AcceptRefusedError
from quiz.core.banks.editing import (
    NothingToUndoError,
    StaleFileError,
    accept_answer,
    file_hash,
    undo_last_edit,
    undo_path,
)
from quiz.core.banks.loading import load_bank
from quiz.core.grading import grade

SEED = Path(__file__).parents[3] / "seeds" / "000_42a00ded27f26e66.txt"

# Comments everywhere, a document marker, odd spacing, both quotings, block scalars, blank lines:
# everything a round-trip dump would be tempted to tidy up.
BLOCK_BANK = f"""# Drills bank — kept by hand
---
title:   "The drills"   # odd spacing, kept
source: {SEED}
tags: [a,b,  c]

questions:

  # The ground question.
  - id: ground
    type: text
    prompt: 'At which training ground was the exercise held?'
    answer: Kharb-Maidon
    accept:
      - "Kharb-Maidon training ground"   # the full name
    explanation: >-
      Kharb-Maidon is in Tajikistan,
      close to the Afghan border.

    check:
      right:
        - "Kharb-Maidon"
        # a comment between items
        - "kharb maidon"
      wrong:
        - "Badakhshan"

  - id: who-said
    type: who
    quote: |
      the situation in Central Asian countries remains complicated
    answer: Sergei Shoigu
    check: {{right: [Shoigu], wrong: [Putin]}}
"""

FLOW_BANK = f"""title: T
source: {SEED}
questions:
  - id: ground
    type: text
    prompt: At which training ground was the exercise held?
    answer: Kharb-Maidon
    accept: ['Kharb-Maidon training ground']  # single quotes
    check:
      right: ["Kharb-Maidon", "kharb maidon"]
      wrong: [Badakhshan]
"""

BARE_BANK = f"""title: T
source: {SEED}
questions:
  - id: ground
    type: text
    prompt: At which training ground was the exercise held?
    answer: Kharb-Maidon
    explanation: |
      In Tajikistan.

  - id: other
    type: text
    prompt: In what kind of terrain are the operations rehearsed?
    answer: mountainous
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "drills.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def accept(path: Path, question_id: str, response: str) -> str:
    return accept_answer(path, question_id, response, expected_hash=file_hash(path)).diff


def changes(before: str, after: str) -> tuple[list[str], list[str]]:
    """(removed lines, added lines) between two texts."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [d[2:] for d in diff if d.startswith("- ")], [d[2:] for d in diff if d.startswith("+ ")]


def grades_right(path: Path, question_id: str, response: str) -> bool:
    bank = load_bank(path).bank
    assert bank is not None
    question = bank.question(question_id)
    assert question is not None
    return grade(question, response).correct


def test_block_lists_gain_one_line_each_and_nothing_else_moves(tmp_path: Path) -> None:
    path = write(tmp_path, BLOCK_BANK)
    assert not grades_right(path, "ground", "Kharb Maidon camp")
    diff = accept(path, "ground", "Kharb Maidon camp")
    after = path.read_text(encoding="utf-8")
    removed, added = changes(BLOCK_BANK, after)
    assert removed == []
    assert added == [
        '      - "Kharb Maidon camp"',
        '        - "Kharb Maidon camp"',
    ]  # siblings quoted
    # The file is the old one with exactly those two lines inserted after each list's last item.
    lines = BLOCK_BANK.splitlines()
    lines.insert(
        lines.index('      - "Kharb-Maidon training ground"   # the full name') + 1, added[0]
    )
    lines.insert(lines.index('        - "kharb maidon"') + 1, added[1])
    assert after == "\n".join(lines) + "\n"
    assert '+      - "Kharb Maidon camp"' in diff and "\n-" not in diff.split("@@", 1)[1]
    assert grades_right(path, "ground", "Kharb Maidon camp")


def test_flow_lists_change_only_their_own_line_in_their_own_quoting(tmp_path: Path) -> None:
    path = write(tmp_path, FLOW_BANK)
    accept(path, "ground", "Kharb camp")
    removed, added = changes(FLOW_BANK, path.read_text(encoding="utf-8"))
    assert removed == [
        "    accept: ['Kharb-Maidon training ground']  # single quotes",
        '      right: ["Kharb-Maidon", "kharb maidon"]',
    ]
    assert added == [
        "    accept: ['Kharb-Maidon training ground', 'Kharb camp']  # single quotes",
        '      right: ["Kharb-Maidon", "kharb maidon", "Kharb camp"]',
    ]


def test_flow_mapping_check_of_a_who_question(tmp_path: Path) -> None:
    path = write(tmp_path, BLOCK_BANK)
    accept(path, "who-said", "the defence minister")
    removed, added = changes(BLOCK_BANK, path.read_text(encoding="utf-8"))
    assert removed == ["    check: {right: [Shoigu], wrong: [Putin]}"]
    assert added == [
        "    accept: [the defence minister]",
        "    check: {right: [Shoigu, the defence minister], wrong: [Putin]}",
    ]
    assert grades_right(path, "who-said", "The Defence Minister")


def test_missing_accept_and_check_are_added_where_a_reader_looks(tmp_path: Path) -> None:
    path = write(tmp_path, BARE_BANK)
    accept(path, "ground", "Kharb: the camp")
    after = path.read_text(encoding="utf-8")
    removed, added = changes(BARE_BANK, after)
    assert removed == []
    assert added == [
        '    accept: ["Kharb: the camp"]',  # quoted: plain, ': ' would start a mapping
        "    check:",
        '      right: ["Kharb: the camp"]',
    ]
    # After `answer`, and after the block scalar's text but before its blank line.
    assert after.index("accept:") < after.index("explanation:") < after.index("check:")
    assert "  In Tajikistan.\n    check:\n" in after and 'right: ["Kharb: the camp"]\n\n' in after


def test_crlf_and_bom_files_keep_their_conventions(tmp_path: Path) -> None:
    path = tmp_path / "drills.yaml"
    path.write_bytes(("\ufeff" + FLOW_BANK).replace("\n", "\r\n").encode("utf-8"))
    accept(path, "ground", "Kharb camp")
    raw = path.read_bytes().decode("utf-8")
    assert raw.startswith("\ufeff") and "\n" not in raw.replace("\r\n", "")
    assert grades_right(path, "ground", "Kharb camp")


@pytest.mark.parametrize(
    ("question_id", "response", "message"),
    [
        ("groun", "x", "has no question 'groun' (did you mean 'ground'?)"),
        ("ground", "Kharb-Maidon", "is already graded right"),
        ("ground", "  ", "the response is empty"),
        ("ground", "a\nb", "spans several lines"),
        ("ground", "x" * 201, "at most 200"),
    ],
)
def test_refusals_write_nothing(
    tmp_path: Path, question_id: str, response: str, message: str
) -> None:
    path = write(tmp_path, BLOCK_BANK)
    with pytest.raises(AcceptRefusedError, match=re.escape(message)):
        accept(path, question_id, response)
    assert path.read_text(encoding="utf-8") == BLOCK_BANK
    assert not undo_path(path).exists()


def test_a_response_that_makes_a_wrong_example_right_is_refused_with_the_example(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, BLOCK_BANK)
    with pytest.raises(AcceptRefusedError) as caught:
        accept(path, "ground", "Badakhshan")
    assert "would break drills.yaml, so nothing was written" in str(caught.value)
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (26, 11)
    assert "'Badakhshan' should grade wrong but grades right" in problem.message
    assert path.read_text(encoding="utf-8") == BLOCK_BANK


def test_types_without_aliases_are_refused_with_the_reason(tmp_path: Path) -> None:
    text = FLOW_BANK + "  - id: far\n    type: quantity\n    prompt: How far?\n    answer: 20 km\n"
    path = write(tmp_path, text)
    with pytest.raises(AcceptRefusedError, match="widen its 'tolerance'"):
        accept(path, "far", "20 miles")


def test_a_broken_bank_is_refused_before_any_edit(tmp_path: Path) -> None:
    path = write(tmp_path, FLOW_BANK.replace("answer: Kharb-Maidon", "answr: Kharb-Maidon"))
    with pytest.raises(AcceptRefusedError, match="has problems already") as caught:
        accept(path, "ground", "Kharb camp")
    assert caught.value.problems


def test_a_file_changed_since_it_was_shown_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, FLOW_BANK)
    shown = file_hash(path)
    path.write_text(FLOW_BANK + "# edited by hand\n", encoding="utf-8")
    with pytest.raises(StaleFileError, match="has changed since it was shown"):
        accept_answer(path, "ground", "Kharb camp", expected_hash=shown)
    assert path.read_text(encoding="utf-8").endswith("# edited by hand\n")


def test_undo_puts_the_file_back_once_and_only_if_unchanged(tmp_path: Path) -> None:
    path = write(tmp_path, FLOW_BANK)
    path.chmod(0o640)
    result = accept_answer(path, "ground", "Kharb camp", expected_hash=file_hash(path))
    assert result.after_hash == file_hash(path) and path.stat().st_mode & 0o777 == 0o640
    assert json.loads(undo_path(path).read_text(encoding="utf-8"))["before"] == FLOW_BANK
    undone = undo_last_edit(path, expected_hash=result.after_hash)
    assert path.read_text(encoding="utf-8") == FLOW_BANK
    assert "-    accept: ['Kharb-Maidon training ground', 'Kharb camp']" in undone.diff
    with pytest.raises(NothingToUndoError):
        undo_last_edit(path)
    assert [p.name for p in tmp_path.iterdir()] == ["drills.yaml"]  # no temp or lock files left


def test_undo_is_refused_once_the_file_has_moved_on(tmp_path: Path) -> None:
    path = write(tmp_path, FLOW_BANK)
    accept(path, "ground", "Kharb camp")
    path.write_text(path.read_text(encoding="utf-8") + "# later hand edit\n", encoding="utf-8")
    with pytest.raises(StaleFileError, match="undo would lose that change"):
        undo_last_edit(path)
    assert path.read_text(encoding="utf-8").endswith("# later hand edit\n")


def test_a_file_the_app_cannot_write_is_a_refusal_not_a_traceback(tmp_path: Path) -> None:
    path = write(tmp_path, FLOW_BANK)
    undo_path(path).mkdir()  # the undo record cannot be written where a folder stands
    with pytest.raises(AcceptRefusedError, match=r"cannot write \.drills\.yaml\.undo"):
        accept(path, "ground", "Kharb camp")
    assert path.read_text(encoding="utf-8") == FLOW_BANK
    assert sorted(p.name for p in tmp_path.iterdir()) == [".drills.yaml.undo", "drills.yaml"]


@pytest.mark.parametrize(
    ("response", "written"),
    [
        ("1.10", '"1.10"'),  # a number to YAML
        ("yes", '"yes"'),  # a boolean to YAML 1.1 tools
        ("2023-04-18", '"2023-04-18"'),  # a date
        ("#5", '"#5"'),  # a comment
        ("- x", '"- x"'),
        ("Kharb's camp", "Kharb's camp"),
    ],
)
def test_responses_yaml_would_retype_are_quoted(
    tmp_path: Path, response: str, written: str
) -> None:
    path = write(tmp_path, BARE_BANK)
    accept(path, "other", response)
    _, added = changes(BARE_BANK, path.read_text(encoding="utf-8"))
    assert added == [f"    accept: [{written}]", "    check:", f"      right: [{written}]"]
    assert grades_right(path, "other", response)


SHIPPED = Path(__file__).parents[3] / "questions"


def shipped_aliased_questions() -> list[tuple[str, str]]:
    found = []
    for path in sorted(SHIPPED.glob("*.yaml")):
        bank = load_bank(path).bank
        assert bank is not None
        found += [(path.name, q.id) for q in bank.questions if q.type in ("text", "who")]
    return found


@pytest.mark.parametrize(("name", "question_id"), shipped_aliased_questions())
def test_every_shipped_question_with_aliases_takes_an_accept_cleanly(
    tmp_path: Path, name: str, question_id: str
) -> None:
    (tmp_path / "questions").mkdir()
    (tmp_path / "seeds").symlink_to(SHIPPED.parent / "seeds")
    path = tmp_path / "questions" / name
    before = (SHIPPED / name).read_text(encoding="utf-8")
    path.write_text(before, encoding="utf-8")
    accept(path, question_id, "Zyxwv Qrstu")
    removed, added = changes(before, path.read_text(encoding="utf-8"))
    # A flow list's line is replaced by the same line with the item added; nothing else goes,
    # and the other added lines are a new block item or a new list holding just it.
    without = [a.replace(', "Zyxwv Qrstu"', "").replace(", Zyxwv Qrstu", "") for a in added]
    assert all(line in without for line in removed)
    new_lines = [a for a, w in zip(added, without, strict=True) if w not in removed]
    allowed = ("check:", "- Zyxwv Qrstu", '- "Zyxwv Qrstu"')
    assert all(a.strip() in allowed or a.endswith(": [Zyxwv Qrstu]") for a in new_lines), added
    assert grades_right(path, question_id, "zyxwv qrstu")
