"""Partial dates ("18 April", "late February", "September 2023"): reading and comparing them."""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein
from text_to_num import alpha2digit

from quiz.core.errors import QuizError

if TYPE_CHECKING:
    from dateparser.date import DateDataParser


class DateError(QuizError, ValueError):
    """A date that cannot be read; the message says why and how to write it."""


class AmbiguousDateError(DateError):
    """An all-digit date such as 04/05 whose day and month could be either way round."""


class UnreadableDateError(DateError):
    """Text that is not a date, or not one this module can read."""


@dataclass(frozen=True)
class PartialDate:
    """The parts of a date a text actually gives; a missing part is None, never guessed."""

    year: int | None
    month: int | None
    day: int | None
    qualifier: str | None = None  # "early", "mid" or "late": shown, never graded
    weekday: int | None = field(default=None, compare=False)  # 0 = Monday; checked, not graded

    def weekday_contradicts(self) -> bool:
        """A weekday given with a full date that falls on another day."""
        if None in (self.weekday, self.year, self.month, self.day):
            return False
        actual = datetime.date(self.year, self.month, self.day).weekday()  # type: ignore[arg-type]
        return actual != self.weekday

    def actual_weekday(self) -> str:
        day = datetime.date(self.year, self.month, self.day)  # type: ignore[arg-type]
        return WEEKDAY_NAMES[day.weekday()]

    def describe(self) -> str:
        """ "18 April", "late February", "mid-April", "September 2023", "2023"."""
        parts = (
            None if self.day is None else str(self.day),
            None if self.month is None else _MONTH_NAMES[self.month - 1],
            None if self.year is None else str(self.year),
        )
        text = " ".join(part for part in parts if part)
        if self.qualifier is None:
            return text
        return f"{self.qualifier}{'-' if self.qualifier == 'mid' else ' '}{text}"


@dataclass(frozen=True)
class DateComparison:
    """Which parts of a response differ from the reference's: `missing` and `wrong` ones fail
    it; `extra` parts are reported, not held against the learner (a year the article never
    states, say)."""

    missing: tuple[str, ...]
    wrong: tuple[str, ...]
    extra: tuple[str, ...]


_PARTS = ("year", "month", "day")
# Spelled out here: calendar.month_name follows the process locale, and answers are English.
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
_MONTHS = {name.lower(): number for number, name in enumerate(_MONTH_NAMES, start=1)}
_MONTHS |= {name[:3].lower(): number for number, name in enumerate(_MONTH_NAMES, start=1)}
_MONTHS["sept"] = 9
_QUALIFIERS = {
    "early": "early",
    "beginning": "early",
    "start": "early",
    "mid": "mid",
    "middle": "mid",
    "late": "late",
    "end": "late",
}
# Words that place a date without naming a part of it. "last" and "this year" are relative to
# a today the core does not know, so they are read past rather than resolved.
_FILLERS = frozenset(
    [
        "the",
        "of",
        "on",
        "in",
        "at",
        "by",
        "around",
        "about",
        "approx",
        "approximately",
        "roughly",
        "circa",
        "this",
        "last",
        "next",
        "past",
        "previous",
        "year",
        "year's",
        "until",
    ]
)
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_WEEKDAYS = {name.lower(): number for number, name in enumerate(WEEKDAY_NAMES)}
_WEEKDAYS |= {name[:3].lower(): number for number, name in enumerate(WEEKDAY_NAMES)}
_WEEKDAYS |= {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}
# Two-digit years ('87, 12-Mar-87): the year ending in those digits in the century that starts
# PIVOT_BEFORE years before the reference year (so up to 19 after it); with none, 1950-2049.
PIVOT_BEFORE = 80
_TOKEN = re.compile(r"[a-z]+|\d+(?:st|nd|rd|th)?|'\d+|[^\s,.\-/]")
_YEAR_FIRST = re.compile(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?")
_DAY_MONTH = re.compile(r"(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d+))?\.?")
_MONTH_YEAR = re.compile(r"(\d{1,2})[/.\-](\d{4})")
# "April 18-19", "18th–19th April": a range of days, never a day and a two-digit year ("18 '19").
# Digits joined to more digits ("2024-04-18", "18-04-24") are a numeric date, not a range.
_DAY_RANGE = re.compile(
    r"(?<![-/.\d])\d{1,2}(?:st|nd|rd|th)?\s*[-–—]\s*\d{1,2}(?:st|nd|rd|th)?(?!\d|\s*[-/.]\s*\d)",
    re.IGNORECASE,
)
_WEEKDAY_AROUND = re.compile(
    r"(?:(?P<before>[a-z]+)\.?,?\s+)?(?P<date>\d[\d/.\-]*\d\.?)(?:,?\s+(?P<after>[a-z]+)\.?)?",
    re.IGNORECASE,
)
# Words that make a date a bound ("after April 18"): never the date itself, so never read past
# (dateparser would). "until" and "by" stay fillers: they answer "until what date?".
_BOUNDS = frozenset({"before", "after", "since", "not", "prior", "earlier", "later", "except"})
_SPACED_MARK = re.compile(r"(?<=\d)\s*([/.\-])\s*(?=\d)")
_KNOWN_WORDS = frozenset({*_MONTHS, *_QUALIFIERS, *_FILLERS, *_WEEKDAYS})
_SPELL_IT_OUT = "write the month in words, as in '4 May' or 'April 5'"
_MAX_DIGITS = 8  # "18th", "2023": a longer run of digits is no part of a date
_MAX_DATEPARSER_CHARS = 100


@functools.lru_cache(maxsize=4096)
def parse_partial_date(text: str, reference_year: int | None = None) -> PartialDate:
    """Read a date given in part or in full; raise AmbiguousDateError or UnreadableDateError.

    All-digit day/month dates are read only when one order alone is valid: 18/04 is 18 April
    (18 cannot be a month), 04/18 is 18 April too, but 04/05 is ambiguous. Year-first dates
    (2023-04-18) are ISO order and never ambiguous.

    Cached (a PartialDate is immutable and no clock is read): a bank's answers and check
    examples repeat the same dates, and learners the same few responses.
    """
    given = text.strip()
    date = (
        _parse_numeric(given, reference_year)
        or _numeric_with_weekday(given, reference_year)
        or _parse_words(given, reference_year)
    )
    _check_day_exists(date)
    return date


def full_year(two_digits: int, reference_year: int | None) -> int:
    """The year a two-digit year means (module comment above `PIVOT_BEFORE`)."""
    start = 1950 if reference_year is None else reference_year - PIVOT_BEFORE
    year = start - start % 100 + two_digits
    return year if year >= start else year + 100


def compare_dates(reference: PartialDate, response: PartialDate) -> DateComparison:
    """Part by part: missing and wrong parts fail the response; extra ones do not."""
    given = [(part, getattr(reference, part), getattr(response, part)) for part in _PARTS]
    missing = tuple(part for part, ref, res in given if ref is not None and res is None)
    wrong = tuple(part for part, ref, res in given if None not in (ref, res) and ref != res)
    extra = tuple(part for part, ref, res in given if ref is None and res is not None)
    return DateComparison(missing, wrong, extra)


def warm_up() -> None:
    """Make dateparser's slow first call (~150 ms) now rather than on a learner's request."""
    _date_parser().get_date_data("Wednesday 18 April 2023")


def _parse_numeric(text: str, reference_year: int | None) -> PartialDate | None:
    text = _SPACED_MARK.sub(r"\1", text)  # "18 / 04 / 2024" is "18/04/2024"
    if match := _YEAR_FIRST.fullmatch(text):
        year, month, day = match.groups()
        return _checked(int(year), int(month), None if day is None else int(day))
    if match := _MONTH_YEAR.fullmatch(text):
        return _checked(int(match[2]), int(match[1]), None)
    if match := _DAY_MONTH.fullmatch(text):
        return _day_month(int(match[1]), int(match[2]), match[3], reference_year)
    return None


def _numeric_with_weekday(text: str, reference_year: int | None) -> PartialDate | None:
    """ "Thursday 18/04/2024", "2024-04-18 Thu": a numeric date with its weekday named."""
    match = _WEEKDAY_AROUND.fullmatch(text)
    if match is None:
        return None
    word = match["before"] or match["after"]
    if not word or word.casefold() not in _WEEKDAYS:
        return None
    date = _parse_numeric(match["date"], reference_year)
    return None if date is None else replace(date, weekday=_WEEKDAYS[word.casefold()])


def _day_month(
    first: int, second: int, year: str | None, reference_year: int | None
) -> PartialDate:
    if year is not None and len(year) not in (2, 4):
        raise UnreadableDateError(f"write the year in full (as in 2023), not '{_shortened(year)}'")
    given_year = None if year is None else int(year)
    if year is not None and len(year) == 2:
        given_year = full_year(int(year), reference_year)
    pairs = {(first, second), (second, first)}  # (month, day) both ways; one pair if equal
    readings = [(month, day) for month, day in pairs if 1 <= month <= 12 and 1 <= day <= 31]
    if len(readings) > 1:
        raise AmbiguousDateError(
            f"{first}/{second} could be day/month or month/day; {_SPELL_IT_OUT}"
        )
    if not readings:
        raise UnreadableDateError(f"{first}/{second} is not a date; {_SPELL_IT_OUT}")
    month, day = readings[0]
    return _checked(given_year, month, day)


def _parse_words(text: str, reference_year: int | None) -> PartialDate:
    if any(word in _BOUNDS for word in text.casefold().split()):
        raise UnreadableDateError(
            f"'{_shortened(text)}' gives a bound, not the date; give the date"
        )
    if _DAY_RANGE.search(text):
        raise UnreadableDateError(f"'{_shortened(text)}' gives a range of days; give just one date")
    tokens = _TOKEN.findall(text.lower())
    if any(_is_unknown(token) for token in tokens):
        # Number words ("the eighteenth") cost ~2 µs to read, so only when a word is unknown.
        tokens = _TOKEN.findall(alpha2digit(text, "en", threshold=0).lower())
    if any(_is_unknown(token) for token in tokens):
        tokens = [_month_despite_typo(token) for token in tokens]
    if any(_is_unknown(token) for token in tokens):
        return _parse_with_dateparser(text, _qualifier(tokens))
    return _from_tokens(tokens, text, reference_year)


def _month_despite_typo(token: str) -> str:
    """A misspelt month name ("Febuary", "Septembre") read as the month; other words as they are.

    Only words of 5 letters or more, within 1 edit (2 from 8 letters), so short words never
    turn into months by accident.
    """
    if len(token) < 5 or not _is_unknown(token):
        return token
    allowed = 2 if len(token) >= 8 else 1
    for name in _MONTH_NAMES:
        if Levenshtein.distance(token, name.lower(), score_cutoff=allowed) <= allowed:
            return name.lower()
    return token


def _from_tokens(tokens: list[str], text: str, reference_year: int | None) -> PartialDate:
    if any(len(token) > _MAX_DIGITS for token in tokens if token[0].isdecimal()):
        raise UnreadableDateError(f"'{_shortened(text)}' holds a number too long for a date")
    months = [_MONTHS[token] for token in tokens if token in _MONTHS]
    numbers = [token for token in tokens if token[0].isdecimal()]
    years = [int(token) for token in numbers if _is_year(token)]
    years += [full_year(int(t[1:]), reference_year) for t in tokens if _is_short_year(t)]
    days = [int(token.rstrip("stndrh")) for token in numbers if not _is_year(token)]
    if len(days) == 2 and months and not years and _short_year_last(tokens, numbers[-1]):
        years.append(full_year(days.pop(), reference_year))  # "12 Mar 87", not "18 19 April"
    elif days and days[-1] > 31 and months and not years and _short_year_last(tokens, numbers[-1]):
        years.append(full_year(days.pop(), reference_year))  # "Mar 87": no day is 87
    if len(months) > 1 or len(years) > 1 or len(days) > 1:
        raise UnreadableDateError(f"'{_shortened(text)}' gives more than one date; give just one")
    if not months and (days or not years):
        raise UnreadableDateError(
            f"no month found in '{_shortened(text)}'; write it as in '18 April'"
        )
    weekdays = [_WEEKDAYS[token] for token in tokens if token in _WEEKDAYS]
    date = _checked(_first(years), _first(months), _first(days), _qualifier(tokens))
    return replace(date, weekday=_first(weekdays)) if len(weekdays) == 1 else date


def _parse_with_dateparser(text: str, qualifier: str | None) -> PartialDate:
    if len(text) > _MAX_DATEPARSER_CHARS:
        # dateparser's cost grows with the text; no date in words is anywhere near this long.
        raise UnreadableDateError(f"'{_shortened(text)}' is too long to be a date")
    data = _date_parser().get_date_data(text)
    if data.date_obj is None:
        raise UnreadableDateError(
            f"'{_shortened(text)}' is not a date this quiz can read; write it as in '18 April'"
        )
    found = data.date_obj
    # dateparser fills missing parts from RELATIVE_BASE; keep only the parts the text gives.
    year = found.year if re.search(rf"\b{found.year}\b", text) else None
    month = None if data.period == "year" else found.month
    day = found.day if data.period == "day" else None
    return _checked(year, month, day, qualifier)


@functools.cache
def _date_parser() -> DateDataParser:
    # Imported here: dateparser costs ~150 ms to import, and most answers never need it.
    from dateparser.date import DateDataParser

    settings = {
        "PARSERS": ["custom-formats", "absolute-time"],  # no "yesterday": it needs a today
        "RELATIVE_BASE": datetime.datetime(2000, 1, 1),  # never the clock; unused parts dropped
        "PREFER_DAY_OF_MONTH": "first",
    }
    return DateDataParser(languages=["en"], settings=settings)


def _checked(
    year: int | None, month: int | None, day: int | None, qualifier: str | None = None
) -> PartialDate:
    if month is not None and not 1 <= month <= 12:
        raise UnreadableDateError(f"{month} is not a month; {_SPELL_IT_OUT}")
    if day is not None and not 1 <= day <= 31:
        raise UnreadableDateError(f"{day} is not a day of the month")
    return PartialDate(year, month, day, qualifier)


def _check_day_exists(date: PartialDate) -> None:
    if date.day is None or date.month is None:
        return
    # Without a year, allow 29 February: some year has it.
    if date.day > calendar.monthrange(date.year or 2000, date.month)[1]:
        raise UnreadableDateError(f"{date.describe()} does not exist; check the day")


def _is_unknown(token: str) -> bool:
    if token[0].isdecimal() or _is_short_year(token):
        return False
    return token not in _KNOWN_WORDS


def _short_year_last(tokens: list[str], last: str) -> bool:
    """The last number is two digits and comes after the month ("12 Mar 87", "Mar 12 87")."""
    month_at = next(i for i, token in enumerate(tokens) if token in _MONTHS)
    return (
        last.isdecimal()
        and len(last) == 2
        and len(tokens) - 1 - tokens[::-1].index(last) > month_at
    )


def _is_short_year(token: str) -> bool:
    return len(token) == 3 and token[0] == "'" and token[1:].isdecimal()


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdecimal()


def _qualifier(tokens: list[str]) -> str | None:
    return next((_QUALIFIERS[token] for token in tokens if token in _QUALIFIERS), None)


def _shortened(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:40]}…"


def _first(values: list[int]) -> int | None:
    return values[0] if values else None
