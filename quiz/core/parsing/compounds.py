"""Quantities written as a sum of ever smaller units: "1 h 30 min", "5'11\"", "2 days 12 hours"."""

from __future__ import annotations

import re

from quiz.core.parsing.quantities import (
    MissingUnitError,
    Quantity,
    QuantityError,
    convert,
    parse_quantity,
    same_kind,
)

# A new part starts where a number follows a unit: "1 hour| 30 minutes", "5'|11\"", "1h|30".
# An "and" or a comma may join them ("2 days and 12 hours").
_PART_BREAK = re.compile(r"(?<=[^\d\s.,])\s*(?:,|\band\b)?\s*(?=\d)")
_MAX_PARTS = 4
# The unit a bare last number is in, after its larger unit: "1h30", "1m80", "5ft 11".
_NEXT_UNIT = {"hour": "minute", "minute": "second", "foot": "inch", "meter": "centimeter"}


def read_quantity(text: str, decimal_comma: bool = False, like: str | None = None) -> Quantity:
    """`parse_quantity`, and failing that a sum of parts in ever smaller units of one kind.

    The units must shrink part by part: "20 km 30 km" stays two answers, never 50 km, and
    "2 days 12 km" mixes kinds. Raise the plain reading's QuantityError when no sum fits."""
    try:
        return parse_quantity(text, decimal_comma, like)
    except MissingUnitError:
        raise
    except QuantityError as error:
        parts = _PART_BREAK.split(text.strip())
        if not 2 <= len(parts) <= _MAX_PARTS:
            raise
        total = _sum_of_parts(parts, decimal_comma, like)
        if total is None:
            raise error from None
        return total


def _sum_of_parts(parts: list[str], decimal_comma: bool, like: str | None) -> Quantity | None:
    quantities: list[Quantity] = []
    for part in parts:
        quantity = _part(part, quantities[-1] if quantities else None, decimal_comma, like)
        if quantity is None:
            return None
        quantities.append(quantity)
    unit = quantities[-1].unit
    return Quantity(sum(convert(quantity, unit) for quantity in quantities), unit)


def _part(
    text: str, larger: Quantity | None, decimal_comma: bool, like: str | None
) -> Quantity | None:
    try:
        quantity = parse_quantity(text, decimal_comma, like)
    except MissingUnitError:
        if larger is None or larger.unit not in _NEXT_UNIT:
            return None
        quantity = parse_quantity(f"{text} {_NEXT_UNIT[larger.unit]}", decimal_comma, like)
    except QuantityError:
        return None
    if larger is None:
        return quantity
    fits = (
        same_kind(larger.unit, quantity.unit)
        and convert(Quantity(1.0, larger.unit), quantity.unit) > 1
    )
    return quantity if fits else None
