"""What `quiz validate` says of a built bank's text, read back from the text alone: the
importers' tests check the file they would write, not the builder's own account of it."""

from __future__ import annotations

from quiz.core.banks.problems import Problem
from quiz.core.banks.validation import BankValidator
from quiz.core.banks.yaml_reading import read_yaml


def validate_text(text: str, name: str) -> list[Problem]:
    """The problems `quiz validate` would report for this bank text (it has no source)."""
    data, issues = read_yaml(text)
    problems = [Problem(name, i.line, i.column, i.message) for i in issues]
    validator = BankValidator(name)
    validator.validate(data, "imported", None)
    return problems + validator.problems
