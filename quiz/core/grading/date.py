"""Dates: every part the answer gives must be given and match; nothing is filled from today."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from quiz.core.grading.grader import Grader, Report, as_text, no_answer
from quiz.core.parsing.dates import (
    WEEKDAY_NAMES,
    AmbiguousDateError,
    DateError,
    PartialDate,
    compare_dates,
    parse_partial_date,
)
from quiz.core.verdict import Verdict


def prepare(fields: Mapping[str, Any], report: Report) -> PartialDate | None:
    try:
        return parse_partial_date(fields["answer"])
    except DateError as error:
        report(
            f"answer {fields['answer']!r} is not a date that can be read: {error} "
            "(write it like 'April 18', 'September 2023' or '2023-04-18')",
            "answer",
        )
        return None


def grade(key: PartialDate, response: Any) -> Verdict:
    text = as_text(response)
    expected = key.describe()
    if no_answer(text):
        return Verdict(False, 0.0, expected, f"No answer given: it is {expected}.")
    try:
        given = parse_partial_date(text, reference_year=key.year)
    except AmbiguousDateError:
        return Verdict(
            False,
            0.0,
            expected,
            "That date could be read two ways: write the month in words (like 18 April).",
        )
    except DateError:
        return Verdict(
            False, 0.0, expected, f"That is not a date I can read; the answer is {expected}."
        )
    return _compared(key, given)


def _compared(key: PartialDate, given: PartialDate) -> Verdict:
    verdict = _compared_parts(key, given)
    if not given.weekday_contradicts():
        return verdict
    note = f" Note: {given.describe()} was a {given.actual_weekday()}, not a {_named(given)}."
    return replace(verdict, feedback=verdict.feedback + note)


def _named(date: PartialDate) -> str:
    return WEEKDAY_NAMES[date.weekday or 0]


def _compared_parts(key: PartialDate, given: PartialDate) -> Verdict:
    expected = key.describe()
    result = compare_dates(key, given)
    if result.wrong:
        return Verdict(False, 0.0, expected, f"Not {given.describe()}: it is {expected}.")
    if result.missing:
        parts = " and ".join(result.missing)
        return Verdict(False, 0.0, expected, f"Give the {parts} too: it is {expected}.")
    if result.extra:
        parts = " and ".join(result.extra)
        return Verdict(
            True,
            1.0,
            expected,
            f"Right: {expected} (the source gives no {parts}, so yours was not checked).",
            (f"a {parts} the source does not give",),
        )
    return Verdict(True, 1.0, expected, f"Right: {expected}.")


GRADER = Grader(prepare, grade)
