"""Numbers as people type them: digits, separators, words and ordinals."""

from __future__ import annotations

import pytest

from quiz.core.parsing.numbers import format_number, parse_number, split_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("201", 201.0),
        (" 201 ", 201.0),
        ("-3.5", -3.5),
        ("\u22124", -4.0),
        ("+7", 7.0),
        (".5", 0.5),
        ("1.", 1.0),
        ("1,000", 1000.0),
        ("1 000", 1000.0),
        ("1\u202f000", 1000.0),
        ("10,000.5", 10000.5),
        ("1,000,000", 1000000.0),
        ("two hundred and one", 201.0),
        ("Two Hundred and One", 201.0),
        ("fifteen", 15.0),
        ("twenty-four", 24.0),
        ("twenty four", 24.0),
        ("a hundred", 100.0),
        ("one point five", 1.5),
        ("zero", 0.0),
        ("one", 1.0),
        ("201st", 201.0),
        ("2nd", 2.0),
        ("3rd", 3.0),
        ("18th", 18.0),
        ("first", 1.0),
        ("third", 3.0),
        ("twenty-first", 21.0),
        ("two hundred and first", 201.0),
        # the decimal comma rule: not three digits after the comma, so a decimal mark
        ("1,5", 1.5),
        ("1,0000", 1.0),
        ("a dozen", 12.0),
    ],
)
def test_parse_number_reads(text: str, expected: float) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "junk",
        "two fish",  # word2number would say 2
        "twenty one four",
        "1,,5",
        "1,000.000,5",
        "12 34",
        "15%",
        "20 km",
        "1..",
        "-",
        "six point zero two kilos",
        "three and a third",  # only "and a half" and quarters are read
        "3 1/0",  # a fraction over zero
        "banana point five",  # "point" after a word that is no number
        "minus",  # a sign and nothing after it
    ],
)
def test_parse_number_refuses(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20 km", (20.0, "km")),
        ("20km", (20.0, "km")),
        ("  20   km  ", (20.0, "km")),
        ("12.4 miles", (12.4, "miles")),
        ("20,000 m", (20000.0, "m")),
        ("1 000 m", (1000.0, "m")),
        ("15%", (15.0, "%")),
        ("15 %", (15.0, "%")),
        ("4-day", (4.0, "day")),
        ("\u22123.5 °C", (-3.5, "°C")),
        ("201st military base", (201.0, "military base")),
        ("20", (20.0, "")),
        ("twenty kilometres", (20.0, "kilometres")),
        ("fifteen per cent", (15.0, "per cent")),
        ("four-day", (4.0, "day")),
        ("four days", (4.0, "days")),
        ("twenty four hours", (24.0, "hours")),
        ("twenty-four-hour", (24.0, "hour")),
        ("one second", (1.0, "second")),  # alpha2digit alone would make it "1 2nd"
        ("a hundred metres", (100.0, "metres")),
        ("two hundred and one", (201.0, "")),
    ],
)
def test_split_number_reads(text: str, expected: tuple[float, str]) -> None:
    assert split_number(text) == expected


@pytest.mark.parametrize("text", ["", "km", "km 20", "1,,5 km", "about", "many days"])
def test_split_number_refuses(text: str) -> None:
    assert split_number(text) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (201.0, "201"),
        (12.43, "12.43"),
        (12.427, "12.43"),
        (19.9996, "20"),
        (0.5, "0.5"),
        (0.0, "0"),
        (-3.5, "-3.5"),
        (1.05, "1.05"),
        (99.96, "99.96"),
        (999.96, "1000"),  # 4 significant digits
        (1000.0, "1,000"),
        (12345.6, "12,346"),
        (65616.8, "65,617"),
    ],
)
def test_format_number(value: float, expected: str) -> None:
    assert format_number(value) == expected


@pytest.mark.parametrize("value", [201.0, 12.4, 0.5, 1000.0, -3.5, 20000.0])
def test_formatted_numbers_read_back(value: float) -> None:
    assert parse_number(format_number(value)) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3,5", 3.5),
        ("1.234,5", 1234.5),  # the dot groups thousands
        ("1,5.6", None),  # after the decimal comma, only digits
    ],
)
def test_with_a_decimal_comma_the_comma_is_the_decimal_mark(
    text: str, expected: float | None
) -> None:
    assert parse_number(text, decimal_comma=True) == expected
