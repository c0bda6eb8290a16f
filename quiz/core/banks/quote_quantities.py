"""Whether a quantity question's answer measures what its own quote measures.

`answer: 5 kg` under a quote that says "20 kilometers" is a slip of the author's, and every
learner who answers in kilometres would be marked wrong; it is caught at the answer's line.
"""

from __future__ import annotations

import re

from quiz.core.parsing.quantities import (
    Quantity,
    QuantityError,
    compare,
    dimension_name,
    format_quantity,
    parse_quantity,
)

# A number (digits, maybe with separators, maybe glued to a unit or %), or a word.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*[A-Za-z%°]*|°?[^\W\d_]+(?:/[^\W\d_]+)*")
_BARE_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NUMBER_WORDS = frozenset(
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred",
        "thousand", "million",
    }
)  # fmt: skip
# Short words that pint would read as units after a number ("10 in 2023" is not 10 inches).
_NOT_UNITS = frozenset({"in", "a", "an", "at", "of", "to", "on", "by", "or", "and", "as", "st"})
_MAX_UNIT_WORDS = 4  # "25 cubic metres per second"
_MAX_QUOTE_TOKENS = 400  # a quote is a sentence or two; a longer one is not scanned


def quantities_in(text: str) -> list[Quantity]:
    """The quantities with a unit that `text` states: '20 kilometers', '15%', 'four-day'."""
    tokens = _TOKEN.findall(text)[:_MAX_QUOTE_TOKENS]
    found = []
    for index, token in enumerate(tokens):
        if not (token[0].isdigit() or token.lower() in _NUMBER_WORDS):
            continue
        quantity = _quantity_at(tokens, index)
        if quantity is not None:
            found.append(quantity)
    return found


def _quantity_at(tokens: list[str], index: int) -> Quantity | None:
    token = tokens[index]
    if token[0].isdigit() and not _BARE_NUMBER.fullmatch(token):  # glued: '20km', '15%'
        return _parsed(token)
    found = None  # the longest run of unit words wins: "km per hour" over "km"
    for count in range(1, _MAX_UNIT_WORDS + 1):
        words = tokens[index + 1 : index + 1 + count]
        if len(words) < count or words[-1].lower() in _NOT_UNITS or words[-1].isdigit():
            break
        found = _parsed(" ".join([token, *words])) or found
    return found


def _parsed(text: str) -> Quantity | None:
    try:
        return parse_quantity(text)
    except QuantityError:
        return None


def contradiction(answer: Quantity, quote: str) -> str | None:
    """Why `answer` contradicts the quantities of `quote` (none of them measures what it
    does), or None when they agree or the quote states no quantity."""
    stated = quantities_in(quote)
    if not stated or any(compare(answer, q).same_dimension for q in stated):
        return None
    first = stated[0]
    suggestion = format_quantity(Quantity(answer.magnitude, first.unit))
    return (
        f"answer '{format_quantity(answer)}' is {dimension_name(answer.unit)}, but its quote "
        f"gives {dimension_name(first.unit)} ('{format_quantity(first)}'): fix the answer's "
        f"unit (did you mean '{suggestion}'?) or the quote"
    )
