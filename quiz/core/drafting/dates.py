"""Finding the dates an article gives ("April 18", "late February", "September 2023", "in 2019").

Candidate spans come from bounded regexes; our own date reader (`parse_partial_date`) decides
what each means, so a drafted answer always reads back as the same date when graded.
"""

from __future__ import annotations

import re

from quiz.core.drafting.findings import DateFinding, Span
from quiz.core.parsing.dates import DateError, PartialDate, parse_partial_date

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_QUALIFIER = r"(?:(?:early|mid|late|Early|Mid|Late)[- ](?:in )?)?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
# Words after which a bare four-digit number is a year ("since 1990", "between 2013 and 2022").
_YEAR_CUES = (
    "in|In|since|Since|by|until|of|during|from|From|between|and|to|through|before|after|"
    "around|early|late|mid|the|The"
)
# Longest forms first, so "April 18, 2023" wins over "April 18" at the same place.
_DATE = re.compile(
    rf"\b(?:"
    rf"(?P<md>{_QUALIFIER}{_MONTH} {_DAY}(?:,? {_YEAR})?)(?![\d:])"
    rf"|(?P<dm>{_DAY} (?:of )?{_MONTH}(?:,? {_YEAR})?)"
    rf"|(?P<my>{_QUALIFIER}{_MONTH}(?:,? | of ){_YEAR})"
    rf"|(?P<iso>{_YEAR}-[01]\d-[0-3]\d)"
    rf"|(?P<qy>(?:early|mid|late|Early|Mid|Late)[- ]{_YEAR})"
    rf"|(?P<m>{_QUALIFIER}{_MONTH})"
    rf"|(?:{_YEAR_CUES}) (?P<y>{_YEAR})"
    rf")\b(?![-/]\d)"
)
# "May" alone is mostly the verb; as a bare month it needs a preposition before it.
_BARE_MONTH_CUE = re.compile(r"(?:\b(?:in|of|since|until|by|from|early|late|mid|In)[ -])$")
_RELATIVE = re.compile(r"^,? (?:of )?(?P<which>this|last|next) year\b")
_RELATIVE_YEARS = {"this": 0, "last": -1, "next": 1}
_LOOK_AHEAD = 20


def find_dates(text: str) -> list[DateFinding]:
    """Every date in `text` that names at least a month or a year, in order of appearance."""
    found: list[DateFinding] = []
    for match in _DATE.finditer(text):
        finding = _finding(text, match)
        if finding is not None:
            found.append(finding)
    return found


def _finding(text: str, match: re.Match[str]) -> DateFinding | None:
    kind = match.lastgroup or ""
    words, start, end = match.group(kind), match.start(kind), match.end(kind)
    if kind == "m" and not _is_bare_month(text, match):
        return None
    try:
        date = parse_partial_date(words.replace(" of ", " ").replace(".", ""))
    except DateError:
        return None
    relative = _RELATIVE.match(text[end : end + _LOOK_AHEAD])
    year_offset = _RELATIVE_YEARS[relative["which"]] if relative and date.year is None else None
    return DateFinding(Span(start, end), words, _plain(date), year_offset)


def _is_bare_month(text: str, match: re.Match[str]) -> bool:
    before = text[max(0, match.start() - 8) : match.start()]
    if match.group().startswith(("May", "Mar")) or len(match.group()) <= 5:
        return bool(_BARE_MONTH_CUE.search(before))
    return True


def _plain(date: PartialDate) -> PartialDate:
    return PartialDate(date.year, date.month, date.day, date.qualifier)


def sort_key(finding: DateFinding, default_year: int) -> tuple[int, int, int] | None:
    """Where a date falls in time: (year, month, day), with month 0 for a year alone.

    Dates without a year count as `default_year` (the article's "this year")."""
    date = finding.date
    year = date.year if date.year is not None else default_year + (finding.relative_year or 0)
    if date.month is None:
        return None if date.year is None else (date.year, 0, 0)
    qualifier_day = {"early": 5, "mid": 15, "late": 25}.get(date.qualifier or "", 15)
    return (year, date.month, date.day or qualifier_day)


def same_date(first: DateFinding, second: DateFinding) -> bool:
    a, b = first.date, second.date
    return (a.year, a.month, a.day) == (b.year, b.month, b.day)
