"""The `check` examples a drafted question offers: other spellings of its answer that must
grade right, and other facts of the same kind from the same article that must grade wrong."""

from __future__ import annotations

from quiz.core.drafting.findings import DateFinding, MeasureFinding, QuoteFinding
from quiz.core.drafting.speakers import clean_name
from quiz.core.parsing.numbers import format_number
from quiz.core.parsing.quantities import (
    Quantity,
    QuantityError,
    alternative_display,
    format_quantity,
)

_MAX_WRONG = 3
# English month names (calendar.month_name follows the process locale).
_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def date_examples(finding: DateFinding, others: list[DateFinding]) -> tuple[list[str], list[str]]:
    date = finding.date
    right = [finding.answer, date.describe()]
    if date.month and date.day:
        right.append(f"{_MONTH_NAMES[date.month - 1][:3]} {date.day}")
    if date.year and date.month and date.day:
        right.append(f"{date.year}-{date.month:02d}-{date.day:02d}")
    if date.month and not date.day:
        right.append(_MONTH_NAMES[date.month - 1])
    wrong = [o.answer for o in others if o.date.describe() != date.describe()][:_MAX_WRONG]
    if date.month:
        month = _MONTH_NAMES[date.month % 12]
        wrong.append(f"{date.day} {month}" if date.day else month)
    elif date.year:
        wrong.append(str(date.year + 1))
    return _unique(right), _unique(wrong)


def quantity_examples(
    finding: MeasureFinding, others: list[MeasureFinding]
) -> tuple[list[str], list[str]]:
    quantity = finding.quantity
    assert quantity is not None
    right = [format_quantity(quantity), finding.text]  # the article's own spelling too
    try:
        alternative = alternative_display(quantity)
    except QuantityError:
        alternative = None
    if alternative:
        right.append(alternative)
    same_kind = [o for o in others if o.quantity and o.quantity.unit == quantity.unit]
    wrong = [
        format_quantity(o.quantity) for o in same_kind if o.quantity and o.value != finding.value
    ]
    wrong = wrong[:_MAX_WRONG] + [
        format_quantity(Quantity(quantity.magnitude * 10, quantity.unit)),
        format_number(quantity.magnitude),
    ]
    return _unique(right), _unique(wrong)


def count_examples(
    finding: MeasureFinding, others: list[MeasureFinding]
) -> tuple[list[str], list[str]]:
    value = finding.value
    right = [format_number(value), f"{value:.0f}" if value == round(value) else str(value)]
    if finding.ordinal:
        right.append(finding.text)
    wrong = [format_number(o.value) for o in others if o.value != value][:_MAX_WRONG]
    wrong.append(format_number(value + 1))
    return _unique(right), _unique(wrong)


def who_examples(finding: QuoteFinding, speakers: list[str]) -> tuple[list[str], list[str]]:
    name = finding.speaker
    right = [name, name.lower()]
    words = name.split()
    if not finding.organisation and len(words) > 1:
        right.append(words[-1])
    # Not the same family name either: "De Anda" is no distractor for "Guillermo de Anda".
    family = words[-1].lower() if words else ""
    wrong = [
        s
        for s in speakers
        if s != name and clean_name(s) != clean_name(name) and s.split()[-1].lower() != family
    ]
    wrong = wrong[:_MAX_WRONG]
    if not finding.organisation and len(words) > 1:
        wrong.append(words[0])
    return _unique(right), _unique(wrong)


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v and v.strip()))
