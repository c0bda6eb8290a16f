"""The `order` question: three or more dated events of the article, put in time order."""

from __future__ import annotations

import re

from quiz.core.drafting.dates import sort_key
from quiz.core.drafting.findings import DateFinding
from quiz.core.drafting.passages import sentence_at
from quiz.core.drafting.questions import Candidate, Context

_MIN_EVENTS = 3
_MAX_EVENTS = 5
_ITEM_WORDS = 12
# A date's own lead-in and tail, removed with it from the event's description.
_LEAD_IN = re.compile(r"(?:\b(?:[Ii]n|[Oo]n|until|by|since|from|during|of)\s+)?$")
_TAIL = re.compile(r"^(?:,?\s*(?:of\s+)?(?:this|last|next)\s+year)?,?\s*")
_CLAUSE = re.compile(r",\s+|\s+and\s+|;\s+")
_DANGLING = frozenset({"in", "on", "since", "until", "by", "of", "from", "and", "the"})
_JOINERS = frozenset({"", "and", "but", "then", "while", "before", "after"})
_SPACES = re.compile(r"\s+")
_BEFORE_STOP = re.compile(r"\s+([,;:])")
_RANGE = re.compile(r"\b(?:since|between|and|from|to|through|till)\s+$", re.IGNORECASE)


def order_candidate(context: Context, dates: list[DateFinding]) -> Candidate | None:
    """Events in time order; dates without a year are taken as the article's "this year"."""
    default_year = max((d.date.year for d in dates if d.date.year), default=0)
    if any(d.date.year for d in dates) and any(d.relative_year is not None for d in dates):
        return None  # "last year" next to stated years: no safe way to place it
    keyed = _events(context, _placeable(dates, default_year), default_year)
    if len(keyed) < _MIN_EVENTS:
        return None
    chosen = _spread(sorted(keyed), _MAX_EVENTS)
    items = [item for _, item, _ in chosen]
    first = chosen[0][2]
    return Candidate(
        {
            "id": "order-events",
            "type": "order",
            "prompt": "Put these events in the order they happened, earliest first.",
            "items": items,
            "quote": first,
        },
        f"the {len(items)} dated events of the article, in time order",
        0.95,
        -1,
    )


def _placeable(dates: list[DateFinding], default_year: int) -> list[DateFinding]:
    """Without the dates that give no year and fall before the article's latest stated date
    in that year: "set for 9 September" beside "came to light in October 2023" is next
    year's hearing as likely as this year's, so it cannot be put in order."""
    stated = [sort_key(d, default_year) for d in dates if d.date.year is not None]
    latest = max((key for key in stated if key is not None), default=None)
    placeable = []
    for finding in dates:
        key = sort_key(finding, default_year)
        yearless = finding.date.year is None and finding.relative_year is None
        if not (yearless and latest is not None and key is not None and key < latest):
            placeable.append(finding)
    return placeable


def _events(
    context: Context, dates: list[DateFinding], default_year: int
) -> list[tuple[tuple[int, int, int], str, str]]:
    events: dict[tuple[int, int, int], tuple[str, str]] = {}
    stated_years = any(d.date.year for d in dates)
    for finding in dates:
        key = sort_key(finding, default_year)
        sentence = sentence_at(context.sentences, finding.span)
        if key is None or sentence is None or key in events:
            continue
        if not _is_event(context.text, finding, stated_years):
            continue
        start, end = _between_dates(context.text, sentence.start, sentence.end, finding, dates)
        item = _describe(context.text, start, end, finding)
        if item not in {i for i, _ in events.values()}:
            events[key] = (item, sentence.text)
    # A year alone cannot be placed beside a date in that same year.
    months = {key[0] for key in events if key[1]}
    return [
        (key, item, quote)
        for key, (item, quote) in events.items()
        if key[1] or key[0] not in months
    ]


def _between_dates(
    text: str, start: int, end: int, finding: DateFinding, dates: list[DateFinding]
) -> tuple[int, int]:
    """The clauses of the sentence around `finding` that hold no other date, so an item
    never shows the date of another ("founded in 1998, went public in 2004")."""
    for other in dates:
        if start <= other.span.start < finding.span.start:
            breaks = [m.end() for m in _CLAUSE.finditer(text, other.span.end, finding.span.start)]
            start = breaks[0] if breaks else other.span.end
        elif finding.span.end <= other.span.start < end:
            breaks = [m.start() for m in _CLAUSE.finditer(text, finding.span.end, other.span.start)]
            end = breaks[-1] if breaks else other.span.start
    return start, end


def _is_event(text: str, finding: DateFinding, stated_years: bool) -> bool:
    """Not a span of time ("since 2011", "between 2013 and 2022") nor a season ("in July"
    in an article that states its years): a date something happened on."""
    if _RANGE.search(text[max(0, finding.span.start - 10) : finding.span.start]):
        return False
    date = finding.date
    season = date.year is None and date.day is None and finding.relative_year is None
    return not (stated_years and season)


def _describe(text: str, start: int, end: int, finding: DateFinding) -> str:
    """The words around the event's date, without it: a dozen at most, most of them after."""
    before = _LEAD_IN.sub("", text[start : finding.span.start]).split()
    after = _TAIL.sub("", text[finding.span.end : end], count=1).split()
    keep_before = max(_ITEM_WORDS - len(after), _ITEM_WORDS // 2)
    words = before[-keep_before:] + after
    while words and words[0].strip(",;").lower() in _JOINERS:
        words = words[1:]
    while words and words[-1].strip(",;").lower() in _DANGLING:
        words = words[:-1]
    # Without the space the date left before a stop: "Haas left; Ortiz ...", not "left ;".
    cut = _BEFORE_STOP.sub(r"\1", " ".join(words[:_ITEM_WORDS])).strip(" ,;:.")
    described = ("…" if len(before) > keep_before else "") + cut
    described += "…" if len(words) > _ITEM_WORDS else ""
    return described[:1].upper() + described[1:]


def _spread(
    events: list[tuple[tuple[int, int, int], str, str]], limit: int
) -> list[tuple[tuple[int, int, int], str, str]]:
    if len(events) <= limit:
        return events
    step = (len(events) - 1) / (limit - 1)
    return [events[round(i * step)] for i in range(limit)]
