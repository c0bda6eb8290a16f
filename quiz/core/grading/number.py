"""Numbers: digits, number words and ordinals, within an optional tolerance."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from quiz.core.grading.grader import Grader, Report, as_text, no_answer
from quiz.core.grading.limits import MAX_TEXT_CHARS
from quiz.core.parsing.numbers import (
    FRACTION_WORDS,
    NUMBER_WORDS,
    format_exact,
    parse_number,
    split_number,
)
from quiz.core.verdict import Verdict


@dataclass(frozen=True)
class NumberKey:
    value: float
    tolerance: float  # absolute, or relative when `relative`
    relative: bool
    written: str  # shown as the author wrote it: feedback never rounds the reference
    decimal_comma: bool = False

    def accepts(self, value: float) -> bool:
        allowed = abs(self.value) * self.tolerance if self.relative else self.tolerance
        return abs(value - self.value) <= allowed + 1e-9


def prepare(fields: Mapping[str, Any], report: Report) -> NumberKey:
    decimal_comma = bool(fields.get("decimal_comma", False))
    value = parse_number(fields["answer"], counts=True, decimal_comma=decimal_comma)
    if value is None:
        written = str(fields["answer"])
        hint = (
            f"has {len(written):,} characters, too many for a number a learner could type"
            if len(written) > MAX_TEXT_CHARS
            else "is not a number (write it in digits, e.g. 201)"
        )
        report(f"answer {written!r} {hint}", "answer")
        value = 0.0
    tolerance, relative = read_tolerance(fields.get("tolerance"), report, decimal_comma)
    return NumberKey(value, tolerance, relative, str(fields["answer"]).strip(), decimal_comma)


def read_tolerance(
    text: str | None, report: Report, decimal_comma: bool = False
) -> tuple[float, bool]:
    """`0.5` (absolute) or `1%` (relative); none means exact. Separators are read as in the
    answer (`decimal_comma`)."""
    if text is None:
        return 0.0, False
    relative = text.strip().endswith("%")
    value = parse_number(text.strip().rstrip("%"), decimal_comma=decimal_comma)
    if value is None or value < 0:
        report(
            f"tolerance {text!r} must be a number (absolute) or a percentage like 1%", "tolerance"
        )
        return 0.0, False
    return (value / 100, True) if relative else (value, False)


# "the 201st", "#201", "No. 201": the number is what is graded, not the words around it.
_LEADING_WORDS = re.compile(r"^\s*(?:the|a|an|no\.?|number|#)\s*", re.IGNORECASE)


_DIGIT_GROUP = re.compile(r"\d+(?:[.,]\d+)*")
# "a third", "one hundredth": a fraction, though "the third" and "hundredth" are ordinals.
_ONE_FRACTION = re.compile(r"^\s*(?:a|an|one)\s+(\w+)", re.IGNORECASE)


def read_response_number(text: str, decimal_comma: bool = False) -> float | None:
    """The number a learner typed, also inside words ("201st base", "Mi-24")."""
    one = _ONE_FRACTION.match(text)
    if one and one[1].casefold() in FRACTION_WORDS:
        return None
    text = _LEADING_WORDS.sub("", text).rstrip(" .!")
    value = parse_number(text, counts=True, decimal_comma=decimal_comma)
    if value is None:
        # split_number refuses a number read in part ("six point zero two" is never 6).
        split = split_number(text, decimal_comma)
        if split is not None and not any(char.isdigit() for char in split[1]):
            value = split[0]
    if value is None and not _has_number_word(text):
        # One group of digits among words is the number meant: "Mi-24" for "the Mi-__".
        groups = _DIGIT_GROUP.findall(text)
        value = parse_number(groups[0], decimal_comma=decimal_comma) if len(groups) == 1 else None
    return value


def _has_number_word(text: str) -> bool:
    return any(word in NUMBER_WORDS for word in text.casefold().replace("-", " ").split())


def grade(key: NumberKey, response: Any) -> Verdict:
    text = as_text(response)
    expected = key.written
    if no_answer(text):
        return Verdict(False, 0.0, expected, f"No answer given: it is {expected}.")
    value = read_response_number(text, key.decimal_comma)
    if value is None:
        return Verdict(
            False,
            0.0,
            expected,
            f"That is not a number; write it in digits or words. The answer is {expected}.",
        )
    if not key.accepts(value):
        return Verdict(
            False, 0.0, expected, f"Not {format_exact(value)}: the answer is {expected}."
        )
    if value != key.value:
        return Verdict(
            True, 1.0, expected, f"Right, within the tolerance: {expected}.", ("within tolerance",)
        )
    return Verdict(True, 1.0, expected, f"Right: {expected}.")


GRADER = Grader(prepare, grade)
