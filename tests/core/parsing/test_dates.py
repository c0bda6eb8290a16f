"""Partial dates: every part present only if the text gives it; ambiguity refused, not guessed."""

from __future__ import annotations

import pytest

from quiz.core.parsing.dates import (
    AmbiguousDateError,
    DateComparison,
    DateError,
    PartialDate,
    UnreadableDateError,
    compare_dates,
    parse_partial_date,
    warm_up,
)

APRIL_18 = PartialDate(None, 4, 18)
APRIL_18_2023 = PartialDate(2023, 4, 18)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("April 18", APRIL_18),
        ("18 April", APRIL_18),
        ("april 18", APRIL_18),
        ("Apr 18th", APRIL_18),
        ("18th of April", APRIL_18),
        ("the eighteenth of April", APRIL_18),
        ("April eighteenth", APRIL_18),
        ("eighteen April", APRIL_18),
        ("April the 18th", APRIL_18),
        ("on 18 April", APRIL_18),
        ("Wednesday 18 April", APRIL_18),
        ("the second of May", PartialDate(None, 5, 2)),
        ("September", PartialDate(None, 9, None)),
        ("Sept", PartialDate(None, 9, None)),
        ("Sept.", PartialDate(None, 9, None)),
        ("late February", PartialDate(None, 2, None, "late")),
        ("end of February", PartialDate(None, 2, None, "late")),
        ("late February of this year", PartialDate(None, 2, None, "late")),
        ("mid-April", PartialDate(None, 4, None, "mid")),
        ("early September", PartialDate(None, 9, None, "early")),
        ("beginning of September", PartialDate(None, 9, None, "early")),
        ("last September", PartialDate(None, 9, None)),
        ("In September of last year", PartialDate(None, 9, None)),
        ("September 2023", PartialDate(2023, 9, None)),
        ("Sep 2023", PartialDate(2023, 9, None)),
        ("18 April 2023", APRIL_18_2023),
        ("April 18, 2023", APRIL_18_2023),
        ("18-Apr-2023", APRIL_18_2023),
        ("2023", PartialDate(2023, None, None)),
        ("late 2023", PartialDate(2023, None, None, "late")),
        ("29 February", PartialDate(None, 2, 29)),  # some year has one
        ("29 February 2024", PartialDate(2024, 2, 29)),
        # A misspelt month name is still the month: 1 edit, or 2 from 8 letters.
        ("Febuary", PartialDate(None, 2, None)),
        ("late Febuary", PartialDate(None, 2, None, "late")),
        ("Septembre", PartialDate(None, 9, None)),
        ("Aprill 18", APRIL_18),
        ("18 avril", APRIL_18),  # one edit from "april" too
    ],
)
def test_reads_words(text: str, expected: PartialDate) -> None:
    assert parse_partial_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-04-18", APRIL_18_2023),  # ISO: year first, never ambiguous
        ("2023/04/18", APRIL_18_2023),
        ("2023-04", PartialDate(2023, 4, None)),
        ("04/2023", PartialDate(2023, 4, None)),
        ("18/04", APRIL_18),  # 18 cannot be a month, so only one reading is valid
        ("18.04.", APRIL_18),
        ("04/18", APRIL_18),
        ("18/04/2023", APRIL_18_2023),
        ("4/4", PartialDate(None, 4, 4)),  # both readings are the same date
    ],
)
def test_reads_digits_when_only_one_order_is_possible(text: str, expected: PartialDate) -> None:
    assert parse_partial_date(text) == expected


@pytest.mark.parametrize("text", ["04/05", "4.5.", "4/5/2023", "12-11"])
def test_all_digit_day_and_month_are_ambiguous(text: str) -> None:
    with pytest.raises(AmbiguousDateError, match="month in words"):
        parse_partial_date(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no month found"),
        ("junk", "not a date"),
        ("yesterday", "not a date"),  # would need today's date, which the core never reads
        ("18", "no month found"),
        ("the 18th", "no month found"),
        ("April May", "more than one"),
        ("18 19 April", "more than one"),
        ("30 February", "does not exist"),
        ("29 February 2023", "does not exist"),
        ("31/04", "does not exist"),
        ("13/13", "not a date"),
        ("18/04/123", "year in full"),
        ("2023-13-01", "not a month"),
        ("April 0", "not a day"),  # "April 32" is April 2032: no day is 32
        ("18 avrul", "not a date"),  # two edits from "april"
        ("Marhc 3", "not a date"),  # a swap is two edits: too far for a 5-letter word
    ],
)
def test_refuses(text: str, message: str) -> None:
    with pytest.raises(UnreadableDateError, match=message):
        parse_partial_date(text)


def test_errors_share_a_base() -> None:
    assert issubclass(AmbiguousDateError, DateError)
    assert issubclass(UnreadableDateError, DateError)


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (APRIL_18, "18 April"),
        (PartialDate(None, 4, None), "April"),
        (PartialDate(None, 2, None, "late"), "late February"),
        (PartialDate(None, 4, None, "mid"), "mid-April"),
        (PartialDate(2023, 9, None), "September 2023"),
        (APRIL_18_2023, "18 April 2023"),
        (PartialDate(2023, None, None, "early"), "early 2023"),
    ],
)
def test_describe(date: PartialDate, expected: str) -> None:
    assert date.describe() == expected


@pytest.mark.parametrize(
    ("reference", "response", "expected"),
    [
        ("April 18", "18 April", DateComparison((), (), ())),
        ("April 18", "18 April 2023", DateComparison((), (), ("year",))),
        ("April 18", "April", DateComparison(("day",), (), ())),
        ("April 18", "late April", DateComparison(("day",), (), ())),
        ("April 18", "19 April", DateComparison((), ("day",), ())),
        ("April 18", "18 May", DateComparison((), ("month",), ())),
        ("April 18, 2023", "18 April", DateComparison(("year",), (), ())),
        ("April 18, 2023", "18 April 2022", DateComparison((), ("year",), ())),
        ("late February", "February", DateComparison((), (), ())),
        ("late February", "early February", DateComparison((), (), ())),
        ("late February", "28 February", DateComparison((), (), ("day",))),
        ("September", "September 2023", DateComparison((), (), ("year",))),
        ("September", "October", DateComparison((), ("month",), ())),
    ],
)
def test_compare_dates(reference: str, response: str, expected: DateComparison) -> None:
    assert compare_dates(parse_partial_date(reference), parse_partial_date(response)) == expected


def test_warm_up_leaves_parsing_unchanged() -> None:
    warm_up()
    assert parse_partial_date("18-Apr-2023") == APRIL_18_2023


@pytest.mark.parametrize("text", ["²", "18² April", "April ³2023", "½"])
def test_superscript_and_fraction_digits_are_no_date_and_no_crash(text: str) -> None:
    # "²".isdigit() is true but int("²") fails: the parser reads only decimal digits.
    try:  # a date, None, or a message for the learner; it used to raise ValueError
        parse_partial_date(text)
    except UnreadableDateError as error:
        assert "is not a date this quiz can read" in str(error)


def test_digits_of_other_scripts_are_read() -> None:
    assert parse_partial_date("١٨ April ٢٠٢٣") == PartialDate(2023, 4, 18)
