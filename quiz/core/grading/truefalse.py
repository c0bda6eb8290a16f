"""True or false, answered as true/false or yes/no in any case."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quiz.core.grading.grader import Grader, Report, as_text
from quiz.core.verdict import Verdict

_WORDS = {
    "true": True,
    "t": True,
    "yes": True,
    "y": True,
    "false": False,
    "f": False,
    "no": False,
    "n": False,
}


def read_flag(text: str) -> bool | None:
    """true/false or yes/no, any case; None for anything else."""
    return _WORDS.get(text.strip().rstrip(".!").strip().casefold())


def prepare(fields: Mapping[str, Any], report: Report) -> bool:
    return bool(fields["answer"])  # validated as a flag before it gets here


def grade(key: bool, response: Any) -> Verdict:
    expected = "true" if key else "false"
    value = response if isinstance(response, bool) else read_flag(as_text(response))
    if value is None:
        return Verdict(False, 0.0, expected, "Answer true or false (yes or no also works).")
    if value == key:
        return Verdict(True, 1.0, expected, f"Right: it is {expected}.")
    return Verdict(False, 0.0, expected, f"Not so: the statement is {expected}.")


GRADER = Grader(prepare, grade)
