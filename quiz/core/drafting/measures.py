"""Finding measures ("20 kilometers", "four-day", "15%") and counts ("201st", "three goals").

A number is found by a bounded regex; whether the words after it are a unit is pint's call
(through `parse_quantity`), so any unit pint knows is found without a list of our own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quiz.core.drafting.findings import MeasureFinding, Span
from quiz.core.drafting.words import CALENDAR_WORDS, GLUE, NOT_NOUNS, NOT_UNITS
from quiz.core.parsing.numbers import parse_number
from quiz.core.parsing.quantities import Quantity, QuantityError, dimension_name, parse_quantity

_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_WORDS = rf"(?:(?:{_TENS})(?:-(?:{_UNITS}))?|{_TEENS}|{_UNITS}|a hundred|hundreds)"
_SCALE = r"(?: (?:thousand|million|billion|trillion)\b)?"
# "First" and "second" are mostly sequence words ("the first half"), not facts to ask about.
_ORDINAL_WORDS = {
    word: number
    for number, word in enumerate(
        [
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ],
        start=3,
    )
}
# Digits not glued to a word ("Mi-24", "F-16"), a decimal, or another number ("3-1", "2:30").
_NUMBER = re.compile(
    rf"(?<![\w.,/:-])(?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d{{1,9}})(?P<decimal>\.\d{{1,6}})?"
    rf"(?P<ordinal>st|nd|rd|th)?(?![\d:/_]|[-.,]\d){_SCALE}"
    rf"|\b(?P<words>{_WORDS}){_SCALE}(?![\w])"
    rf"|\b(?P<ordword>{'|'.join(_ORDINAL_WORDS)})\b",
    re.IGNORECASE,
)
_UNIT_WORD = re.compile(r"[ -]?(?:%|°[CF]?\b|[A-Za-z][A-Za-z²³/]*)")
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_MAX_UNIT_WORDS = 4
_MIN_VALUE, _MAX_VALUE = 1e-3, 1e15
_SKIP_KINDS = frozenset({"a count"})
# Money is written with glued short scales: "$1.2bn", "£40m", "€5k".
_SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
_SHORT_SCALE = re.compile(r"(?:bn|mn|tn|[kmb])\b", re.IGNORECASE)
_CURRENCIES = {"$": "dollars", "€": "euros", "£": "pounds"}
_DOLLAR_COUNTRY = re.compile(r"(?<![\w$])(?:A|AU|C|CA|HK|NZ|S|US)$")
# A sign written before a measure: "minus 80 degrees", "−3 °C" (the ASCII hyphen is left out:
# the number regex never starts after one, since "Mi-24" and "3-1" are not negative numbers).
_SIGN = re.compile(r"(?:\bminus |\bnegative |−)$", re.IGNORECASE)
# Blood and air pressure: "of" never joins two units otherwise, so these are read as a whole.
_OF_MERCURY = {
    f"{length} of mercury": unit
    for unit, lengths in (
        ("mmHg", ("millimetre", "millimetres", "millimeter", "millimeters")),
        ("inHg", ("inch", "inches")),
    )
    for length in lengths
}


def find_measures(text: str, taken: list[Span]) -> list[MeasureFinding]:
    """Measures and counts in `text`, skipping numbers inside `taken` spans (dates)."""
    found: list[MeasureFinding] = []
    for match in _NUMBER.finditer(text):
        if any(span.start <= match.start() < span.end for span in taken):
            continue
        finding = _measure(text, match) or _count(text, match)
        if finding is not None:
            found.append(finding)
    return found


def _value(match: re.Match[str]) -> float | None:
    scale = match.group().rsplit(" ", 1)[-1].lower() if " " in match.group() else ""
    number: float | None
    if match["ordword"]:
        return float(_ORDINAL_WORDS[match["ordword"].lower()])
    if match["digits"]:
        number = float(match["digits"].replace(",", "") + (match["decimal"] or ""))
    elif match["words"].lower() == "hundreds":
        return None  # "hundreds of" is no number to ask for
    elif match["words"].lower() == "a hundred":
        number = 100.0
    else:
        number = parse_number(match["words"])
    return None if number is None else number * _SCALES.get(scale, 1.0)


def _unit_candidates(text: str, end: int) -> Iterator[tuple[str, int]]:
    """The next one, two and three words after a number, shortest first, with their end."""
    pieces: list[tuple[str, int]] = []
    cursor = end
    for _ in range(_MAX_UNIT_WORDS):
        match = _UNIT_WORD.match(text, cursor)
        if match is None:
            break
        cursor = match.end()
        pieces.append((text[end:cursor], cursor))
        if match.group().strip(" -") in ("%", "°"):
            break
    yield from pieces


def _measure(text: str, match: re.Match[str]) -> MeasureFinding | None:
    value = _value(match)
    if value is None or match["ordinal"] or match["ordword"]:
        return None
    if text[max(0, match.start() - 1) : match.start()] in _CURRENCIES:
        return None  # "£40m" is money, not metres
    best: tuple[Quantity, int] | None = None
    previous: Quantity | None = None
    for unit_text, end in _unit_candidates(text, match.end()):
        quantity = _quantity(value, unit_text)
        # pint lets words after a unit go ("day joint training" is a day): a longer run of
        # words counts only when it changes the unit ("km per hour").
        if quantity is not None and quantity != previous:
            best = (quantity, end)
        previous = quantity
    if best is None:
        return None
    quantity, start = best[0], match.start()
    if sign := _SIGN.search(text, max(0, start - 9), start):
        # Without its sign "minus 80 degrees" would become a question whose answer is 80 °C.
        value, start = -value, sign.start()
        quantity = Quantity(-quantity.magnitude, quantity.unit)
    span = Span(start, best[1])
    return MeasureFinding(span, text[span.start : span.end], value, quantity)


def _quantity(value: float, unit_text: str) -> Quantity | None:
    words = unit_text.strip(" -")
    lowered = words.lower().split()
    if pressure := _OF_MERCURY.get(" ".join(lowered)):
        return Quantity(value, pressure)  # the one unit spelled with "of" in it
    if not lowered or any(w in GLUE for w in lowered[1:]):
        return None
    if lowered[0] in NOT_UNITS and lowered[:2] != ["per", "cent"]:
        return None
    if len(words) == 1 and words.isalpha() and unit_text.startswith((" ", "-")):
        return None  # "3 m" is rare in prose; "3 g" is usually a grade, a gear, a group
    if not _MIN_VALUE <= abs(value) < _MAX_VALUE and value != 0:
        return None  # shown as 1e-06 or 1e+15, which no grader reads back
    if words == "s" and not unit_text.startswith((" ", "-")) and value % 10 == 0:
        return None  # "the 1990s", "in the 2030s": a decade, not 2,030 seconds
    if words.split()[0] in ("C", "F") and not unit_text.startswith((" ", "-")):
        if words not in ("C", "F"):
            return None  # "31C during the match": the temperature is all there is
        words = f"°{words}"  # "40C" is a temperature, not 40 coulombs
    if lowered in (["decade"], ["decades"]):
        # pint's "decade" is a logarithmic ratio (its 10-year decade is commented out).
        return Quantity(value * 10, "year")
    try:
        quantity = parse_quantity(f"1 {words}")
    except QuantityError:
        return None
    kind = dimension_name(quantity.unit)
    if kind in _SKIP_KINDS:
        return None
    if " * " in quantity.unit:
        # Two unit words side by side are a product only in "kilowatt hours"; in prose the
        # second is a noun pint also knows ("2.3 km section" is not km × square survey miles).
        if kind != "an energy":
            return None
        return Quantity(value, _one_energy_unit(words) or quantity.unit)
    return Quantity(value, quantity.unit)


def _one_energy_unit(words: str) -> str | None:
    """ "kilowatt hours" as pint's one unit kilowatt_hour (shown "kWh", not "h·kW")."""
    try:
        return parse_quantity(f"1 {words.lower().rstrip('s').replace(' ', '_')}").unit
    except QuantityError:
        return None


def _count(text: str, match: re.Match[str]) -> MeasureFinding | None:
    value = _value(match)
    if value is None or (match["words"] and match["words"].lower() == "one"):
        return None
    if match["digits"] and len(match["digits"]) == 4 and 1500 <= value <= 2099:
        return None  # a year outside a date phrase ("the 2022 season")
    noun = _noun_after(text, match.end())
    start = match.start()
    currency = _CURRENCIES.get(text[start - 1 : start]) if start else None
    if match["ordword"] and not noun:
        return None  # "fell by a third": a fraction, not the third of something
    ordinal = bool(match["ordinal"] or match["ordword"])
    scaled = match.group().lower().endswith(tuple(_SCALES))  # "2.3 million" is a count as is
    # "a crowd of 39,414 was": digits grouped by thousands count something even with no noun.
    grouped = bool(match["digits"]) and "," in match["digits"]
    if not noun and _is_age(text, match):
        noun = "age"
    if not (noun or ordinal or currency or scaled or grouped):
        return None
    end = match.end()
    if currency:
        start -= 1
        if dollar_country := _DOLLAR_COUNTRY.search(text, max(0, start - 3), start):
            start = dollar_country.start()  # "A$3.5 million", "US$40m": the whole sign
        if short := _SHORT_SCALE.match(text, end):  # "$1.2bn", "£40m"
            value, end = value * _SHORT_SCALES[short.group().lower()], short.end()
    span = Span(start, end)
    return MeasureFinding(span, text[span.start : span.end], value, None, ordinal, currency or noun)


# A bare age between commas after a name or a person: "Derek Hollis, 52, of Salford",
# "his wife, 49, knew", "a driver, 34, was".
_PEOPLE = (
    "boy|brother|child|daughter|defendant|driver|father|friend|girl|husband|man|mother|"
    "owner|partner|passenger|pensioner|resident|sister|son|student|suspect|teenager|victim|"
    "wife|woman"
)
_AGE_BEFORE = re.compile(rf"(?:\b[A-Z][\w’'-]+|\b(?:{_PEOPLE})), $")
_AGE_AFTER = re.compile(r",\s")


def _is_age(text: str, match: re.Match[str]) -> bool:
    digits = match["digits"]
    if not digits or not digits.isdigit() or match["decimal"] or match["ordinal"]:
        return False
    before = _AGE_BEFORE.search(text[max(0, match.start() - 40) : match.start()])
    if before is None or before.group().strip(", ") in CALENDAR_WORDS or int(digits) > 120:
        return False  # "In March, 12, ..." is no one's age
    return bool(_AGE_AFTER.match(text, match.end()))


_NOUN = re.compile(r" (?P<word>[a-z][a-z-]{1,30})\b(?: (?P<plural>[a-z][a-z-]{1,30}s)\b)?")


def _noun_after(text: str, end: int) -> str:
    match = _NOUN.match(text, end)
    if match is None or match["word"] in NOT_NOUNS:
        return ""
    # "30 new sensors": an adjective, then the plural noun counted.
    if match["plural"] and not match["word"].endswith("s") and match["plural"] not in NOT_NOUNS:
        return f"{match['word']} {match['plural']}"
    return match["word"]
