"""Quantities: a number with a unit, right in any equivalent unit within a tolerance."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from quiz.core.grading.grader import Grader, Report, as_text, no_answer
from quiz.core.parsing.compounds import read_quantity
from quiz.core.parsing.quantities import (
    MissingUnitError,
    Quantity,
    QuantityError,
    Tolerance,
    alternative_display,
    compare,
    convert,
    format_quantity,
    parse_quantity,
    parse_tolerance,
    same_kind,
)
from quiz.core.verdict import Verdict

DEFAULT_TOLERANCE = "1%"
# "20 km (about 12 miles)": a restatement in brackets after the answer.
# The main part ends in a non-space, so a long run of spaces is scanned once, not once a
# character.
_ASIDE = re.compile(r"(?P<main>[^()]*[^()\s])\s*\((?P<aside>[^()]*)\)\s*[.!]?\s*")
# How far a bracketed restatement may stray from the answer it restates: a rough conversion
# ("about 12 miles" for 20 km is 3.5% off) is a restatement; "(30 km)" is a second answer.
_ASIDE_AGREES = 0.10


@dataclass(frozen=True)
class QuantityKey:
    reference: Quantity
    tolerance: Tolerance
    written: str = ""  # shown as the author wrote it: feedback never rounds the reference
    decimal_comma: bool = False

    @property
    def expected(self) -> str:
        return self.written or format_quantity(self.reference)


def prepare(fields: Mapping[str, Any], report: Report) -> QuantityKey | None:
    decimal_comma = bool(fields.get("decimal_comma", False))
    try:
        reference = parse_quantity(fields["answer"], decimal_comma)
    except MissingUnitError:
        report(
            f"answer {fields['answer']!r} needs a unit (e.g. '20 km'); for a bare number "
            "use type: number",
            "answer",
        )
        return None
    except QuantityError as error:
        report(f"answer {fields['answer']!r}: {error}", "answer")
        return None
    try:
        tolerance = parse_tolerance(
            fields.get("tolerance", DEFAULT_TOLERANCE), reference, decimal_comma
        )
    except QuantityError as error:
        report(f"tolerance {fields.get('tolerance')!r}: {error}", "tolerance")
        return None
    return QuantityKey(reference, tolerance, str(fields["answer"]).strip(), decimal_comma)


def grade(key: QuantityKey, response: Any) -> Verdict:
    text = as_text(response)
    expected = key.expected
    if no_answer(text):
        return Verdict(False, 0.0, expected, f"No answer given: it is {expected}.")
    aside = _ASIDE.fullmatch(text)
    if aside:
        text = aside["main"]
    try:
        given = read_quantity(text, key.decimal_comma, like=key.reference.unit)
    except MissingUnitError:
        return Verdict(
            False,
            0.0,
            expected,
            f"A number alone is not enough: give a unit too (the answer is {expected}).",
        )
    except QuantityError as error:
        return Verdict(
            False,
            0.0,
            expected,
            f"That is not a quantity I can read ({error}); the answer is {expected}.",
        )
    verdict = _compared(key, given)
    if aside and verdict.correct and not _restates(key, given, aside["aside"]):
        return Verdict(
            False,
            0.0,
            expected,
            f"Your brackets give another quantity than {format_quantity(given)}: give one "
            f"answer (it is {expected}).",
        )
    return verdict


def _restates(key: QuantityKey, given: Quantity, aside: str) -> bool:
    """Whether a bracketed aside only restates `given`: it holds no number ("(I think)"), or
    `given` converted to another unit, within _ASIDE_AGREES of it, or in the same unit, right."""
    if not any(char.isdigit() for char in aside):
        return True
    try:
        restated = read_quantity(aside, key.decimal_comma, like=key.reference.unit)
    except QuantityError:
        return False
    if not same_kind(restated.unit, given.unit):
        return False
    if restated.unit == given.unit:  # not a conversion: "20 km (21 km)" is a second answer
        return compare(key.reference, restated, key.tolerance).within
    return abs(convert(restated, given.unit) - given.magnitude) <= _ASIDE_AGREES * abs(
        given.magnitude
    )


def _compared(key: QuantityKey, given: Quantity) -> Verdict:
    expected = key.expected
    result = compare(key.reference, given, key.tolerance)
    if not result.same_dimension:
        return Verdict(
            False,
            0.0,
            expected,
            f"That is {result.response_dimension_name}; the "
            f"question asks for {result.reference_dimension_name} ({expected}).",
        )
    if not result.within:
        return Verdict(
            False, 0.0, expected, f"Not {format_quantity(given)}: the answer is {expected}."
        )
    forgiven = ("a unit conversion",) if result.unit_converted else ()
    shown = format_quantity(given) if result.unit_converted else alternative_display(key.reference)
    also = f" ≈ {shown}" if shown and shown != expected else ""
    return Verdict(True, 1.0, expected, f"Right: {expected}{also}.", forgiven)


GRADER = Grader(prepare, grade)
