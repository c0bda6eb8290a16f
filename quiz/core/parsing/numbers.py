"""Numbers as people type them: digits, thousands separators, number words and ordinals."""

from __future__ import annotations

import math
import re

from text_to_num import alpha2digit

# Why a layer over text2num: `text2num` reads cardinal words only ("two hundred and one") and
# raises on digits with separators ("1,000"), digit ordinals ("201st") and ordinal words
# ("twenty-first"); `alpha2digit` does read ordinal words, but rewrites them inside free text
# and leaves hyphenated compounds like "four-day" alone. word2number was not used because it
# silently returns wrong values for junk ("two fish" -> 2). So: digits go through one cheap
# regex, and only text without a leading digit pays for the (Rust, ~2 µs) word reader.

# Never empty (a digit is required), so no two unbounded repeats can meet around it: an empty
# number between `\s*` and `\s*` made matching quadratic (4 s for 20,000 spaces then a letter).
_DIGITS = (
    r"[+\-\u2212]?"
    r"(?:(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
)
# A number must not run on into more digits or separators ("1,5" is not 1 followed by ",5").
_LEADING_NUMBER = re.compile(rf"\s*(?P<number>{_DIGITS})(?P<ordinal>st|nd|rd|th)?(?![\d.,]?\d)")
# Matched against stripped text, so no whitespace repeat sits on either side of the number.
_WHOLE_NUMBER = re.compile(rf"(?P<number>{_DIGITS})(?:st|nd|rd|th|\.)?")
_WORD = re.compile(r"[^\s\-]+")
# "a hundred" is a number but alpha2digit keeps the article ("a 100").
_ARTICLE = re.compile(r"^\s*an?\s+(?=(?:hundred|thousand|million)\b)", re.IGNORECASE)
_MAX_NUMBER_WORDS = 8


def parse_number(text: str) -> float | None:
    """The number `text` spells out in full, or None when it is anything else."""
    value = _read_digits(text)
    if value is None and re.search(r"[a-zA-Z]", text):
        value = _read_digits(alpha2digit(_ARTICLE.sub("one ", text), "en", threshold=0))
    return value


def split_number(text: str) -> tuple[float, str] | None:
    """A leading number and the rest of the text ("20 km" -> (20.0, "km")), or None."""
    match = _LEADING_NUMBER.match(text)
    if match:
        value = _to_float(match.group("number"))
        return None if value is None else (value, _rest(text[match.end() :]))
    return _split_number_words(text)


def format_number(value: float) -> str:
    """A number for display: whole numbers in full ("1,000"), others to 3 significant digits."""
    if math.isfinite(value) and (value == round(value) or abs(value) >= 100):
        return f"{round(value):,}"
    text = format(value, ".3g")
    return text.rstrip("0").rstrip(".") if "." in text and "e" not in text else text


def _split_number_words(text: str) -> tuple[float, str] | None:
    # Try the longest run of leading words first, so "twenty four hours" is 24, not 20.
    ends = [word.end() for word in _WORD.finditer(text)][:_MAX_NUMBER_WORDS]
    for end in reversed(ends):
        value = parse_number(text[:end])
        if value is not None:
            return value, _rest(text[end:])
    return None


def _read_digits(text: str) -> float | None:
    match = _WHOLE_NUMBER.fullmatch(text.strip())
    return None if match is None else _to_float(match.group("number"))


def _to_float(number: str) -> float | None:
    """The number's value; None when it overflows (a thousand 9s is no answer, not infinity)."""
    cleaned = re.sub(r"[,\s\u00a0\u202f]", "", number).replace("\u2212", "-")
    value = float(cleaned)
    return value if math.isfinite(value) else None


def _rest(text: str) -> str:
    # "4-day" and "twenty-four-hour" leave a hyphen between the number and the unit.
    return text.strip().removeprefix("-").strip()
