"""How learners dress a quantity up before its number and unit: hedges ("about", "~",
"-ish"), articles, and units typed with periods, apostrophes or one-character signs."""

from __future__ import annotations

import re

# Hedges learners put before an estimate; they do not change the number being given. "by" is
# how an increase is answered ("by 15%"); bounds ("up to", "more than") are not hedges.
_HEDGE = re.compile(
    r"^\s*(?:(?:about|around|approximately|approx\.?|roughly|some|circa|ca\.|c\.|nearly|"
    r"almost|by|~|≈)\s*)+",
    re.I,
)
# "20-ish km", "20ish km": a hedge after the number.
_ISH = re.compile(r"^-?ish\b\s*", re.I)
# Unit signs that are one character for a symbol we read: "℃" is "°C", the Kelvin sign "K".
_UNIT_SIGNS = str.maketrans({"℃": "°C", "℉": "°F", "\u212a": "K"})
# "k.m.", "m.p.h.": a unit's letters each followed by a period.
_DOTTED = re.compile(r"^([A-Za-z](?:\.[A-Za-z])+\.?)(?=\s|$)")
# "km's": an apostrophe plural.
_APOSTROPHE_S = re.compile(r"^([A-Za-z]+)['’]s\b")
_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.I)


def without_hedges(text: str) -> str:
    """ "about 20 km", "by ~15%", "the 20 km" without the words before the number."""
    return _ARTICLE.sub("", _HEDGE.sub("", text.strip()))


def typed_unit(unit_text: str) -> str:
    """The unit as a unit name: "-ish" dropped, "k.m." as "km", "km's" as "km", "℃" as "°C"."""
    unit_text = _ISH.sub("", unit_text.translate(_UNIT_SIGNS))
    dotted = _DOTTED.match(unit_text)
    if dotted:
        unit_text = dotted[1].replace(".", "") + unit_text[dotted.end() :]
    return _APOSTROPHE_S.sub(r"\1", unit_text)
