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
_SPACES = re.compile(r"\s+")


def order_candidate(context: Context, dates: list[DateFinding]) -> Candidate | None:
    """Events in time order; dates without a year are taken as the article's "this year"."""
    default_year = max((d.date.year for d in dates if d.date.year), default=0)
    if any(d.date.year for d in dates) and any(d.relative_year is not None for d in dates):
        return None  # "last year" next to stated years: no safe way to place it
    keyed = _events(context, dates, default_year)
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


def _events(
    context: Context, dates: list[DateFinding], default_year: int
) -> list[tuple[tuple[int, int, int], str, str]]:
    events: dict[tuple[int, int, int], tuple[str, str]] = {}
    for finding in dates:
        key = sort_key(finding, default_year)
        sentence = sentence_at(context.sentences, finding.span)
        if key is None or sentence is None or key in events:
            continue
        item = _describe(context.text, sentence.start, sentence.end, finding)
        if item not in {i for i, _ in events.values()}:
            events[key] = (item, sentence.text)
    return [(key, item, quote) for key, (item, quote) in events.items()]


def _describe(text: str, start: int, end: int, finding: DateFinding) -> str:
    """The event's sentence without its date, cut to a dozen words."""
    before = _LEAD_IN.sub("", text[start : finding.span.start])
    after = _TAIL.sub("", text[finding.span.end : end], count=1)
    words = _SPACES.sub(" ", f"{before} {after}").strip(" ,").split()
    cut = " ".join(words[:_ITEM_WORDS]).rstrip(",;:.")
    described = cut + ("…" if len(words) > _ITEM_WORDS else "")
    return described[:1].upper() + described[1:]


def _spread(
    events: list[tuple[tuple[int, int, int], str, str]], limit: int
) -> list[tuple[tuple[int, int, int], str, str]]:
    if len(events) <= limit:
        return events
    step = (len(events) - 1) / (limit - 1)
    return [events[round(i * step)] for i in range(limit)]
