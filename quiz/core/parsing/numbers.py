"""Numbers as people type them: digits with separators, scientific notation, number words
(signed, with a decimal part, with a scale word), ordinals and, for counts, "1.2k" or "3m".

Separators follow one rule (docs/format.md, "Numbers"): a comma or period followed by groups of
exactly three digits separates thousands ("3,500", "1.234.567", "1 000"); otherwise it is the
decimal mark ("3,5" is 3.5, "3.5" is 3.5). With both, the last one is the decimal mark
("1.234,5", "1,234.5"). A lone "1.234" is read the English way (1.234). `decimal_comma: true`
(on a bank or a question) is the other reading: every comma is a decimal mark ("3,500" is 3.5)
and a period before groups of three digits separates thousands ("3.500" is 3500).
"""

from __future__ import annotations

import math
import re
import unicodedata

from text_to_num import alpha2digit

# Why a layer over text2num: `text2num` reads cardinal words only ("two hundred and one") and
# raises on digits with separators ("1,000"), digit ordinals ("201st") and ordinal words
# ("twenty-first"); `alpha2digit` does read ordinal words, but rewrites them inside free text
# and leaves hyphenated compounds like "four-day" alone. word2number was not used because it
# silently returns wrong values for junk ("two fish" -> 2). So: digits go through one cheap
# regex, and only text without a leading digit pays for the (Rust, ~2 µs) word reader.

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
# Fractions as people type them: "12½", "12 ½", "12 1/2", "3/4", "25/2". Written out as a
# decimal before reading, so "12½" is never read as its digits alone (12). Bounded repeats.
_VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
_FRACTION = re.compile(
    rf"(?<![\d/.,])(?:(?P<whole>\d{{1,9}})[ \-]?)?(?P<vulgar>[{_VULGAR}])"
    r"|(?<![\d/.,])(?:(?P<mixed>\d{1,9}) )?(?P<num>\d{1,4})/(?P<den>\d{1,4})(?![\d/])"
)
# A numeral: digits with separators inside (checked by `_body_value`, not by backtracking),
# then an optional power of ten: "e23", "E+23", "×10³", "x 10^-3", "*10**3", "·10^-3".
# Every repeat is followed by a character it cannot take, so matching is linear.
_NUMERAL = (
    r"(?P<sign>[+\-\u2212])?"
    r"(?P<body>\d(?:[\d,.\u00a0\u202f ]*\d)?|[.,]\d+)"
    r"(?:[eE](?P<exp>[+\-\u2212]?\d{1,3})(?!\d)"
    r"|[ ]?[x×*·][ ]?10(?:[ ]?(?:\^|\*\*)[ ]?(?P<pow>[+\-\u2212]?\d{1,3})(?!\d)"
    r"|(?P<sup>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})))?"
)
_LEADING_NUMBER = re.compile(rf"\s*{_NUMERAL}(?P<ordinal>st|nd|rd|th)?(?![\d])")
_WHOLE_NUMBER = re.compile(rf"{_NUMERAL}(?:st|nd|rd|th|\.)?")
_WORD = re.compile(r"[^\s\-]+")
# "a hundred" is a number but alpha2digit keeps the article ("a 100").
_ARTICLE = re.compile(r"^\s*an?\s+(?=(?:hundred|thousand|million|dozen)\b)", re.IGNORECASE)
_MAX_NUMBER_WORDS = 8
_GROUP = re.compile(r"\d{1,3}(?:([,.\u00a0\u202f ])\d{3})(?:\1\d{3})*")

SCALE_WORDS = {
    "dozen": 12.0,
    "hundred": 100.0,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
# Suffixes for counts only: "3.5m" is 3.5 million people, but 3.5 metres in a quantity.
COUNT_SUFFIXES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9}
_SIGN_WORDS = {"minus": -1.0, "negative": -1.0, "plus": 1.0, "positive": 1.0}
_DIGIT_WORDS = {
    "zero": "0", "oh": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
# "and a half", "and three quarters" after a whole number: "eight and a half", "one and a half
# million". No other fraction is read: "two thirds" is no number rather than a wrong one.
_AND_FRACTIONS: dict[tuple[str, ...], float] = {
    ("and", "a", "half"): 0.5,
    ("and", "one", "half"): 0.5,
    ("and", "a", "quarter"): 0.25,
    ("and", "one", "quarter"): 0.25,
    ("and", "three", "quarters"): 0.75,
}
_ORDINAL_STEMS = (
    "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
    "nineteenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
    "eightieth", "ninetieth", "hundredth", "thousandth", "millionth", "billionth",
)  # fmt: skip
# The denominators of a fraction in words ("three tenths", "one quarter", "two halves"):
# the number before one is never the answer ("five hundredths" is never 5). "first" and
# "second" are left out: "one second" is a duration.
FRACTION_WORDS = frozenset(
    {"half", "halves", "quarter", "quarters", *_ORDINAL_STEMS, *(f"{w}s" for w in _ORDINAL_STEMS)}
)
# Words that belong to a number: text holding one after a number read in part is no number
# ("six point zero two" is never 6, "three quarters" never 3).
NUMBER_WORDS = frozenset(
    {*_DIGIT_WORDS, *SCALE_WORDS, *_SIGN_WORDS, "point", "and", "ten", "eleven", "twelve"}
    | {"thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
    | {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
    | FRACTION_WORDS
)


def parse_number(text: str, counts: bool = False, decimal_comma: bool = False) -> float | None:
    """The number `text` spells out in full, or None when it is anything else.

    `counts` also reads "1.2k", "3m" and "2bn" (a count, never metres); `decimal_comma` reads
    every comma as a decimal mark.
    """
    given = written_fractions(text.strip())
    value = _read_digits(given, decimal_comma)
    if value is None and counts:
        value = _read_count_suffix(given, decimal_comma)
    if value is None and re.search(r"[a-zA-Z]", given):
        value = _read_words(given, decimal_comma)
    return value


def split_number(text: str, decimal_comma: bool = False) -> tuple[float, str] | None:
    """A leading number and the rest of the text ("20 km" -> (20.0, "km")), or None."""
    text = written_fractions(text)
    match = _LEADING_NUMBER.match(text)
    if match is None:
        return _split_number_words(text, decimal_comma)
    value = _numeral_value(match, decimal_comma)
    rest = _rest(text[match.end() :])
    if value is not None and _starts_with_number_word(rest):
        # "5 million km" and "8 and a half km" read on in words; "6 point 5" and
        # "3 quarters" are no number (split_number_words refuses a number read in part).
        return _split_number_words(text, decimal_comma)
    return None if value is None else (value, rest)


def written_fractions(text: str) -> str:
    """Fractions as decimals: "12½" -> "12.5", "3/4 mile" -> "0.75 mile"; the rest as is."""
    if "/" not in text and not any(char in _VULGAR for char in text):
        return text  # the common case costs one scan
    return _FRACTION.sub(_fraction_decimal, text)


def _fraction_decimal(match: re.Match[str]) -> str:
    if match["vulgar"]:
        whole, part = match["whole"], unicodedata.numeric(match["vulgar"])
    else:
        whole, denominator = match["mixed"], int(match["den"])
        if denominator == 0:
            return match.group()
        part = int(match["num"]) / denominator
    return repr((int(whole) if whole else 0) + part)


def format_number(value: float) -> str:
    """A number for display: whole numbers in full ("1,000"), others to 4 significant digits,
    enough to check a conversion by hand ("12.43 mi" for 20 km)."""
    if math.isfinite(value) and (value == round(value) or abs(value) >= 1000):
        return f"{round(value):,}"
    text = format(value, ".4g")
    return text.rstrip("0").rstrip(".") if "." in text and "e" not in text else text


def format_exact(value: float) -> str:
    """A number shown without rounding away what was typed: "3.14159", "1,000", "3 × 10⁻⁸"."""
    if value != 0 and (abs(value) >= 1e15 or abs(value) < 1e-4):
        mantissa, exponent = f"{value:.12e}".split("e")
        mantissa = mantissa.rstrip("0").rstrip(".")
        return f"{mantissa} × 10{str(int(exponent)).translate(_TO_SUPERSCRIPT)}"
    if value == round(value):
        return f"{round(value):,}"
    whole, _, fraction = f"{value:.12f}".rstrip("0").partition(".")
    return f"{int(whole):,}.{fraction}" if whole not in ("-0",) else f"-0.{fraction}"


_TO_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _split_number_words(text: str, decimal_comma: bool) -> tuple[float, str] | None:
    # Try the longest run of leading words first, so "twenty four hours" is 24, not 20.
    ends = [word.end() for word in _WORD.finditer(text)][:_MAX_NUMBER_WORDS]
    for end in reversed(ends):
        value = parse_number(text[:end], decimal_comma=decimal_comma)
        if value is not None:
            rest = _rest(text[end:])
            if _starts_with_number_word(rest):
                return None  # "six point zero two": a number read in part is no number
            return value, rest
    return None


def _starts_with_number_word(text: str) -> bool:
    first = text.split(maxsplit=1)[0].casefold() if text.strip() else ""
    return first in NUMBER_WORDS or first.rstrip("s") in SCALE_WORDS


def _read_digits(text: str, decimal_comma: bool) -> float | None:
    match = _WHOLE_NUMBER.fullmatch(text)
    return None if match is None else _numeral_value(match, decimal_comma)


def _read_count_suffix(text: str, decimal_comma: bool) -> float | None:
    """ "1.2k", "3.5 m", "2bn": a count with a suffix (counts only)."""
    match = _LEADING_NUMBER.match(text)
    suffix = text[match.end() :].strip().casefold() if match else ""
    if match is None or suffix not in COUNT_SUFFIXES:
        return None
    value = _numeral_value(match, decimal_comma)
    return None if value is None else _finite(value * COUNT_SUFFIXES[suffix])


def _read_words(text: str, decimal_comma: bool) -> float | None:
    """Number words, with a sign, a decimal part or a scale word: "minus forty",
    "zero point seven five", "1.2 thousand", "two dozen". Every word must be used."""
    words = text.casefold().replace("-", " ").split()
    sign = 1.0
    if words and words[0] in _SIGN_WORDS:
        sign, words = _SIGN_WORDS[words[0]], words[1:]
    if len(words) > 1 and words[-1][:-1] in SCALE_WORDS and words[-1].endswith("s"):
        words[-1] = words[-1][:-1]  # "12 thousands" is 12000, never 12 and a word
    scale = 1.0
    if len(words) > 1 and words[-1] in SCALE_WORDS and _is_scale(words, decimal_comma):
        scale, words = SCALE_WORDS[words[-1]], words[:-1]
    fraction = _AND_FRACTIONS.get(tuple(words[-3:]), 0.0) if len(words) > 3 else 0.0
    if fraction:
        words = words[:-3]
    if "point" in words:
        value = _read_point(words)
    else:
        value = _read_cardinal(" ".join(words), decimal_comma)
    if value is None or (fraction and value != round(value)):
        return None  # "1.5 and a half" is no number
    return _finite(sign * (value + fraction) * scale)


def _is_scale(words: list[str], decimal_comma: bool) -> bool:
    """Whether the last word scales the number before it. "hundred" does after figures
    ("12 hundred" is 1200); after words it is part of them ("two hundred and one")."""
    before = " ".join(words[:-1])
    return words[-1] != "hundred" or _read_digits(before, decimal_comma) is not None


def _read_point(words: list[str]) -> float | None:
    """ "six point zero two": the whole part in words, then one digit word per decimal."""
    index = words.index("point")
    whole, fraction = words[:index], words[index + 1 :]
    if not fraction or any(word not in _DIGIT_WORDS for word in fraction):
        return None
    whole_value = _read_cardinal(" ".join(whole), False) if whole else 0.0
    if whole_value is None or whole_value != round(whole_value):
        return None
    return float(f"{round(whole_value)}.{''.join(_DIGIT_WORDS[w] for w in fraction)}")


def _read_cardinal(text: str, decimal_comma: bool) -> float | None:
    if not text:
        return None
    digits = _read_digits(text, decimal_comma)
    if digits is not None:
        return digits
    if text in ("a", "an"):
        return 1.0  # "a thousand", "a dozen"
    if text == "dozen":
        return 12.0
    converted = alpha2digit(_ARTICLE.sub("one ", text), "en", threshold=0).strip()
    # Two numbers side by side ("12 100" from "12 hundred", "21 4" from "twenty one four") are
    # not one number with a thousands space: only what alpha2digit made one figure is read.
    return None if " " in converted else _read_digits(converted, False)


def _numeral_value(match: re.Match[str], decimal_comma: bool) -> float | None:
    body = _body_digits(match.group("body"), decimal_comma)
    if body is None:
        return None
    exponent = match.group("exp") or match.group("pow") or match.group("sup") or "0"
    power = int(exponent.translate(_SUPERSCRIPTS).replace("\u2212", "-"))
    negative = "-" if match.group("sign") in ("-", "\u2212") else ""
    # One float() of the decimal text, so 4.2x10^-3 is 0.0042, not 0.004200000000000001.
    return _finite(float(f"{negative}{body}e{power}"))


def _body_digits(body: str, decimal_comma: bool) -> str | None:
    """The digits as plain decimal text under the separator rule in the module's docstring;
    None if the separators fit no reading ("1,,5", "12 34")."""
    body = body.replace("\u00a0", " ").replace("\u202f", " ")
    marks = [char for char in body if char in ",. "]
    if not marks:
        return body
    decimal = _decimal_mark(body, marks, decimal_comma)
    whole, _, fraction = body.rpartition(decimal) if decimal else (body, "", "")
    if decimal and not fraction.isdecimal():  # so the fraction holds no mark either
        return None
    if not _grouped(whole):
        return None
    digits = re.sub(r"[,. ]", "", whole)
    return f"{digits or '0'}.{fraction or '0'}"


def _decimal_mark(body: str, marks: list[str], decimal_comma: bool) -> str | None:
    if decimal_comma and "," in marks:
        return ","
    last = marks[-1]
    if last == " ":
        return None
    if len(set(marks) - {" "}) == 2:
        return last  # "1,234.5" and "1.234,5": the last mark is the decimal one
    three_after = len(body) - body.index(last) - 1 == 3
    if len(marks) == 1 and (not three_after or (last == "." and not decimal_comma)):
        # "3.5", "3,5", "1.234" (English), but "3,500" groups thousands, and so does
        # "3.500" where the comma is the decimal mark.
        return last
    return None


def _grouped(whole: str) -> bool:
    """Digits alone, or digit groups of three after a first group of 1-3 ("12,345,678")."""
    if whole.isdecimal() or whole == "":
        return True
    return _GROUP.fullmatch(whole) is not None and len(set(re.sub(r"\d", "", whole))) == 1


def _finite(value: float) -> float | None:
    """None when the value overflows (a thousand 9s is no answer, not infinity)."""
    return value if math.isfinite(value) else None


def _rest(text: str) -> str:
    # "4-day" and "twenty-four-hour" leave a hyphen between the number and the unit.
    return text.strip().removeprefix("-").strip()
