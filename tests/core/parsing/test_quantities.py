"""Quantities with units: reading, tolerances, comparison and display, through real pint."""

from __future__ import annotations

import math

import pytest

from quiz.core.parsing.quantities import (
    DEFAULT_TOLERANCE,
    MissingUnitError,
    Quantity,
    QuantityError,
    Tolerance,
    alternative_display,
    compare,
    convert_for_display,
    dimension_name,
    format_quantity,
    parse_quantity,
    parse_tolerance,
    warm_up,
)

KM_20 = Quantity(20.0, "kilometer")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20 km", KM_20),
        ("20km", KM_20),
        ("20 kilometres", KM_20),
        ("20 kilometers", KM_20),
        ("20 kms", KM_20),
        ("20 KM", KM_20),
        ("20 Kilometres", KM_20),
        ("twenty kilometres", KM_20),
        ("about 20 km", KM_20),
        ("20 km.", KM_20),
        ("12.4 miles", Quantity(12.4, "mile")),
        ("20,000 m", Quantity(20000.0, "meter")),
        ("4 days", Quantity(4.0, "day")),
        ("four days", Quantity(4.0, "day")),
        ("four-day", Quantity(4.0, "day")),
        ("4-day", Quantity(4.0, "day")),
        ("96 hours", Quantity(96.0, "hour")),
        ("96 hrs", Quantity(96.0, "hour")),
        ("90 mins", Quantity(90.0, "minute")),
        ("15%", Quantity(15.0, "percent")),
        ("15 %", Quantity(15.0, "percent")),
        ("15 percent", Quantity(15.0, "percent")),
        ("15 per cent", Quantity(15.0, "percent")),
        ("fifteen per cent", Quantity(15.0, "percent")),
        ("15 pct", Quantity(15.0, "percent")),  # pint alone reads picocarats
        ("20 kg", Quantity(20.0, "kilogram")),
        ("20 °C", Quantity(20.0, "degree_Celsius")),
        ("68 degrees Fahrenheit", Quantity(68.0, "degree_Fahrenheit")),
        ("50 km/h", Quantity(50.0, "kilometer / hour")),
        ("50 kilometres per hour", Quantity(50.0, "kilometer / hour")),
        ("15pc", Quantity(15.0, "percent")),  # British; pint alone reads parsecs
        ("20 km from the border", KM_20),  # words after a known unit are let go
        ("20 kilometres away", KM_20),
        ("a four-day exercise", Quantity(4.0, "day")),
        ("the 20 km", KM_20),
    ],
)
def test_parse_quantity_reads(text: str, expected: Quantity) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["0.15", "20", "twenty", "about 15", "1,000"])
def test_bare_number_is_missing_unit(text: str) -> None:
    with pytest.raises(MissingUnitError, match="no unit given"):
        parse_quantity(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("20 furlongz", "unknown unit 'furlongz'"),
        ("20 km)", "unknown unit 'km\\)'"),
        ("20 $", "unknown unit"),
        ("20 km or 30 km", "unknown unit"),  # hedging between two answers is not an answer
        ("20 furlongz away", "unknown unit"),
        ("furlongz", "no number found"),
        ("km", "no number found"),
        ("", "no number found"),
        ("1,,5 km", "no number found"),
    ],
)
def test_parse_quantity_refuses(text: str, message: str) -> None:
    with pytest.raises(QuantityError, match=message) as caught:
        parse_quantity(text)
    assert not isinstance(caught.value, MissingUnitError)


@pytest.mark.parametrize(
    ("reference", "response", "within", "converted", "unit_converted"),
    [
        ("20 km", "20 kilometres", True, 20.0, False),
        ("20 km", "12.4 miles", True, 19.9559, True),
        ("20 km", "20,000 m", True, 20.0, True),
        ("20 km", "20.2 km", True, 20.2, False),  # exactly on the 1% edge
        ("20 km", "20.3 km", False, 20.3, False),
        ("20 km", "12 miles", False, 19.3121, True),
        ("4 days", "96 hours", True, 4.0, True),
        ("4 days", "four-day", True, 4.0, False),
        ("4 days", "5 days", False, 5.0, False),
        ("15%", "fifteen per cent", True, 15.0, False),
        ("15%", "16%", False, 16.0, False),
        ("20 °C", "68 °F", True, 20.0, True),
        ("50 km/h", "31.07 mph", True, 50.0023, True),
    ],
)
def test_compare_same_dimension(
    reference: str, response: str, within: bool, converted: float, unit_converted: bool
) -> None:
    result = compare(parse_quantity(reference), parse_quantity(response))
    assert result.same_dimension
    assert result.within is within
    assert result.converted == pytest.approx(converted, abs=1e-3)
    assert result.unit_converted is unit_converted


@pytest.mark.parametrize(
    ("reference", "response", "reference_name", "response_name"),
    [
        ("20 km", "20 kg", "a distance", "a mass"),
        ("20 km", "20 days", "a distance", "a duration"),
        ("15%", "15 degrees", "a percentage", "an angle"),
        ("15%", "15 count", "a percentage", "a count"),
        ("50 km/h", "50 km", "a speed", "a distance"),
        ("20 °C", "20 km", "a temperature", "a distance"),
    ],
)
def test_compare_different_dimension(
    reference: str, response: str, reference_name: str, response_name: str
) -> None:
    result = compare(parse_quantity(reference), parse_quantity(response))
    assert (result.same_dimension, result.within) == (False, False)
    assert math.isnan(result.converted)
    assert result.reference_dimension_name == reference_name
    assert result.response_dimension_name == response_name


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("kilometer", "a distance"),
        ("kilogram", "a mass"),
        ("day", "a duration"),
        ("percent", "a percentage"),
        ("kilometer / hour", "a speed"),
        ("kilometer ** 2", "an area"),
        ("count", "a count"),
        ("ampere * second", "a quantity in A·s"),
    ],
)
def test_dimension_name(unit: str, expected: str) -> None:
    assert dimension_name(unit) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, DEFAULT_TOLERANCE),
        ("", Tolerance(relative=0.01)),
        ("1%", Tolerance(relative=0.01)),
        ("5 per cent", Tolerance(relative=0.05)),
        ("500 m", Tolerance(absolute=Quantity(500.0, "meter"))),
        ("1 mile", Tolerance(absolute=Quantity(1.0, "mile"))),
    ],
)
def test_parse_tolerance_reads(text: str | None, expected: Tolerance) -> None:
    assert parse_tolerance(text, KM_20) == expected


def test_percentage_points_are_an_absolute_tolerance_on_a_percentage() -> None:
    reference = parse_quantity("15%")
    tolerance = parse_tolerance("1 percentage point", reference)
    assert tolerance == Tolerance(absolute=Quantity(1.0, "percent"))
    assert compare(reference, parse_quantity("16%"), tolerance).within
    assert not compare(reference, parse_quantity("16%")).within


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        ("5 kg", QuantityError, "is a mass but the answer is a distance"),
        ("5", MissingUnitError, "has no unit"),
        ("5 furlongz", QuantityError, "unknown unit"),
    ],
)
def test_parse_tolerance_refuses(text: str, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        parse_tolerance(text, KM_20)


@pytest.mark.parametrize(
    ("reference", "response", "tolerance", "within"),
    [
        ("20 km", "20.4 km", "500 m", True),
        ("20 km", "20.6 km", "500 m", False),
        ("20 km", "12 miles", "1 km", True),
        ("20 km", "21 km", "5%", True),
        ("20 °C", "70 °F", "2 °C", True),  # 21.1 °C: a 2 °C difference is 3.6 °F, not 35.6
        ("20 °C", "72 °F", "2 °C", False),
    ],
)
def test_compare_with_tolerance(
    reference: str, response: str, tolerance: str, within: bool
) -> None:
    ref = parse_quantity(reference)
    result = compare(ref, parse_quantity(response), parse_tolerance(tolerance, ref))
    assert result.within is within


@pytest.mark.parametrize(
    ("text", "shown", "alternative"),
    [
        ("20 kilometres", "20 km", "12.43 mi"),
        ("12.4 miles", "12.4 mi", "19.96 km"),
        ("20,000 m", "20,000 m", "12.43 mi"),
        ("100 m", "100 m", "328.1 ft"),
        ("15 per cent", "15%", None),
        ("four-day", "4 days", "96 hours"),
        ("1 day", "1 day", "24 hours"),
        ("14 days", "14 days", "2 weeks"),
        ("96 hours", "96 hours", "4 days"),
        ("2 hours", "2 hours", "120 minutes"),
        ("20 kg", "20 kg", "44.09 lb"),
        ("20 °C", "20 °C", "68 °F"),
        ("50 km/h", "50 km/h", "31.07 mph"),
        ("20 degrees", "20°", None),
    ],
)
def test_display(text: str, shown: str, alternative: str | None) -> None:
    quantity = parse_quantity(text)
    assert format_quantity(quantity) == shown
    assert str(quantity) == shown
    assert alternative_display(quantity) == alternative


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [("20 km", "mi", "12.43 mi"), ("4 days", "hours", "96 hours"), ("15%", "percent", "15%")],
)
def test_convert_for_display(text: str, unit: str, expected: str) -> None:
    assert convert_for_display(parse_quantity(text), unit) == expected


def test_convert_for_display_refuses_another_dimension() -> None:
    with pytest.raises(QuantityError, match="cannot show a distance in kg"):
        convert_for_display(KM_20, "kg")


def test_warm_up_builds_a_working_registry() -> None:
    warm_up()
    assert parse_quantity("1 mile") == Quantity(1.0, "mile")
