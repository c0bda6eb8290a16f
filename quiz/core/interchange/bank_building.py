"""Turning an import into a bank file that validates: ids, one check per question, the text.

Each draft is validated alone first (a GIFT prompt may give its answer away, a choice may be
listed twice): those that would fail are dropped with the validator's reason, so the file
written always passes `quiz validate`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quiz.core.banks.problems import Problem
from quiz.core.banks.validation import BankValidator
from quiz.core.banks.yaml_reading import read_yaml
from quiz.core.interchange.records import Draft, Imported
from quiz.core.interchange.yaml_writing import bank_text, question_entry, unique_ids


@dataclass
class BuiltBank:
    """The bank text and every note to show (where, message), in input order."""

    text: str
    notes: list[tuple[str, str]] = field(default_factory=list)
    question_count: int = 0


def build_bank(imported: Imported, origin: str) -> BuiltBank:
    """The YAML of every draft that validates, and notes on what was lost or dropped."""
    notes = list(imported.notes)
    entries = []
    ids = unique_ids(imported.drafts)
    for number, (question_id, draft) in enumerate(zip(ids, imported.drafts, strict=True), 1):
        notes.extend((draft.where, f"not carried: {note}") for note in draft.notes)
        entry, problem = _checked_entry(question_id, draft, number)
        if problem is None:
            entries.append(entry)
        else:
            notes.append((draft.where, f"dropped: {problem}"))
    return BuiltBank(bank_text(imported.title, entries, origin), notes, len(entries))


def validate_text(text: str, name: str) -> list[Problem]:
    """The problems `quiz validate` would report for this bank text (with no source)."""
    data, issues = read_yaml(text)
    problems = [Problem(name, i.line, i.column, i.message) for i in issues]
    validator = BankValidator(name)
    validator.validate(data, "imported", None)
    return problems + validator.problems


def _checked_entry(question_id: str, draft: Draft, number: int) -> tuple[str, str | None]:
    entry = question_entry(question_id, draft)
    problems, warned = _problems(entry)
    if not problems and warned:
        # An id made from a title can name the answer; the API lists ids, so use a neutral one.
        entry = question_entry(f"{draft.fields['type']}-{number}", draft)
        problems, _ = _problems(entry)
    return entry, (problems[0].message if problems else None)


def _problems(entry: str) -> tuple[list[Problem], bool]:
    data, issues = read_yaml("title: check\nquestions:\n" + entry)
    if issues:
        return [Problem("", i.line, i.column, i.message) for i in issues], False
    validator = BankValidator("")
    validator.validate(data, "check", None)
    return validator.problems, bool(validator.warnings)
