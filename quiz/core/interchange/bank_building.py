"""Turning an import into a bank file that validates: ids, the text, and the validator's word.

The whole bank is validated once; a question with a problem (a GIFT prompt that gives its
answer away, a choice listed twice) is dropped with the validator's reason and an id that
names its answer is swapped for a neutral one, then the result is validated again. So the file
written always passes `quiz validate`, in two passes whatever the size of the input.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from quiz.core.banks.problems import Problem
from quiz.core.banks.validation import BankValidator
from quiz.core.banks.yaml_reading import read_yaml
from quiz.core.interchange.records import Draft, Imported
from quiz.core.interchange.yaml_writing import bank_text, question_entry, unique_ids

_PASSES = 3  # the second pass finds nothing in practice; the third is a margin, not a loop


@dataclass
class BuiltBank:
    """The bank text and every note to show (where, message), in input order."""

    text: str
    notes: list[tuple[str, str]] = field(default_factory=list)
    question_count: int = 0
    problems: list[Problem] = field(default_factory=list)  # left after the last pass: a bug


@dataclass
class _Entry:
    question_id: str
    draft: Draft
    text: str


def build_bank(imported: Imported, origin: str) -> BuiltBank:
    """The YAML of every draft that validates, and notes on what was lost or dropped."""
    notes = [*imported.notes]
    for draft in imported.drafts:
        notes.extend((draft.where, f"not carried: {note}") for note in draft.notes)
    ids = unique_ids(imported.drafts)
    entries = [
        _Entry(i, d, question_entry(i, d)) for i, d in zip(ids, imported.drafts, strict=True)
    ]
    for attempt in range(1, _PASSES + 1):
        text, starts = _render(imported.title, entries, origin)
        problems, warnings = _validate(text)
        if (not problems and not warnings) or attempt == _PASSES:
            break
        entries = _revised(entries, starts, problems, warnings, notes)
    notes.sort(key=lambda note: _place(note[0]))
    return BuiltBank(text, notes, len(entries), problems)


def _place(where: str) -> int:
    """'12' or 'note 12' as 12, to list notes in input order (sorting keeps ties in order)."""
    last = where.split()[-1] if where.split() else ""
    return int(last) if last.isdecimal() else 0


def _render(title: str, entries: list[_Entry], origin: str) -> tuple[str, list[int]]:
    head = bank_text(title, [], origin)
    starts, line = [], head.count("\n") + 1
    for entry in entries:
        starts.append(line)
        line += entry.text.count("\n") + 1  # entries are joined by an empty line
    return bank_text(title, [entry.text for entry in entries], origin), starts


def _validate(text: str) -> tuple[list[Problem], list[Problem]]:
    data, issues = read_yaml(text)
    if issues:
        return [Problem("", i.line, i.column, i.message) for i in issues], []
    validator = BankValidator("")
    validator.validate(data, "imported", None)
    return validator.problems, validator.warnings


def _revised(
    entries: list[_Entry],
    starts: list[int],
    problems: list[Problem],
    warnings: list[Problem],
    notes: list[tuple[str, str]],
) -> list[_Entry]:
    """Entries with a problem dropped (noted), those whose id names the answer renamed."""
    failed: dict[int, str] = {}
    for problem in problems:
        failed.setdefault(max(0, bisect.bisect_right(starts, problem.line) - 1), problem.message)
    renamed = {max(0, bisect.bisect_right(starts, w.line) - 1) for w in warnings}
    used = {entry.question_id for entry in entries}
    kept = []
    for index, entry in enumerate(entries):
        if index in failed:
            notes.append((entry.draft.where, f"dropped: {failed[index]}"))
            continue
        if index in renamed:
            entry = _neutral(entry, index + 1, used)
        kept.append(entry)
    return kept


def _neutral(entry: _Entry, number: int, used: set[str]) -> _Entry:
    # An id made from a title can name the answer; the API lists ids, so use a neutral one.
    base = f"{entry.draft.fields.get('type', 'question')}-{number}"
    question_id, count = base, 1
    while question_id in used:
        count += 1
        question_id = f"{base}-{count}"
    used.add(question_id)
    return _Entry(question_id, entry.draft, question_entry(question_id, entry.draft))
