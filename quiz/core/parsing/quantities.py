"""Quantities with units ("20 km", "15%", "four days"): reading, comparing and displaying them."""

from __future__ import annotations

import functools
import math
import re
import threading
from dataclasses import dataclass
from os import PathLike
from tokenize import TokenError
from typing import Any

import pint

from quiz.core.errors import QuizError
from quiz.core.parsing.numbers import format_number, split_number
from quiz.core.parsing.quantity_tables import (
    ALTERNATIVES,
    ANGLES,
    KIND_NAMES,
    PROPORTIONS,
    SPELLED_OUT,
    SPELLINGS,
    SYMBOLS,
    TEMPERATURE_SPELLINGS,
)
from quiz.core.parsing.quantity_text import typed_unit, without_hedges
from quiz.core.parsing.unit_registry import new_unit_registry

_POINTS = re.compile(r"\bpoints?\b|\bpp\b", re.I)
# A number standing alone after a unit ("20 km 1"), as opposed to a power ("km2", "m^-2").
_STRAY_NUMBER = re.compile(r"(?:^|\s)[-+]?\d")
_BARE_POWER = re.compile(r"(?<=[A-Za-zµ])([23])(?![\d.])")
# The longest unit people type is a few words ("metres per second squared", "degrees Celsius").
_MAX_UNIT_WORDS = 5
_MAX_UNIT_CHARS = 40
# A power of a power ("m^2^3", "m**2**9"): pint would compute it, however large.
_CHAINED_POWER = re.compile(r"(?:\*\*|\^)\s?[-+]?\d{0,3}(?:\.\d{1,3})?\s?(?:\*\*|\^)")
# Malformed unit text makes pint's expression parser raise all of these, not just PintError
# ("e+16" left over from "1e+16" is a TypeError inside pint's evaluator).
_PINT_PARSE_ERRORS = (
    pint.PintError,
    ValueError,
    AssertionError,
    TokenError,
    TypeError,
    ArithmeticError,
    LookupError,
    AttributeError,
)


class QuantityError(QuizError, ValueError):
    """A quantity that cannot be read; the message says why, for the learner or the author."""


class MissingUnitError(QuantityError):
    """A bare number where a unit is needed, so the grader can ask for the unit."""


@dataclass(frozen=True)
class Quantity:
    """A magnitude in a unit, named the way pint names it ("kilometer", "percent", "day")."""

    magnitude: float
    unit: str

    def __str__(self) -> str:
        return format_quantity(self)


@dataclass(frozen=True)
class Tolerance:
    """How far a response may stray: a fraction of the reference (0.01 is 1%), or an amount."""

    relative: float = 0.0
    absolute: Quantity | None = None


DEFAULT_TOLERANCE = Tolerance(relative=0.01)


@dataclass(frozen=True)
class Comparison:
    """How a response measures up to a reference; `converted` is NaN when the kinds differ."""

    same_dimension: bool
    within: bool
    converted: float
    reference_dimension_name: str
    response_dimension_name: str
    unit_converted: bool


_registry: pint.UnitRegistry[Any] | None = None
_registry_lock = threading.Lock()


def warm_up(cache_folder: str | PathLike[str] | None = None) -> None:
    """Build the unit registry now (~200 ms; ~25 ms from a cache folder) instead of on a request.

    The caller chooses the cache folder (the core reads no environment); None means no cache.
    """
    _get_registry(cache_folder)
    parse_quantity("20 km")


@functools.lru_cache(maxsize=4096)
def parse_quantity(text: str, decimal_comma: bool = False, like: str | None = None) -> Quantity:
    """Read "20 km", "twenty kilometres", "15 per cent" or "four-day"; raise QuantityError.

    Words after a known unit are let go ("20 km away", "a four-day exercise") as long as they
    hold no other number: "20 km or 30 km" stays unreadable rather than graded on its first half.
    `like` is the reference's unit: when it is a temperature, "100 C" is Celsius (not coulomb)
    and "100 degrees" is in the reference's scale.

    Cached (a Quantity is immutable): a bank states the same quantities over and over, in
    answers, check examples and quotes, and learners type the same few responses.
    """
    given = without_hedges(text)
    split = split_number(given, decimal_comma)
    if split is None:
        raise QuantityError(f"no number found in '{text.strip()}'; write it as in '20 km'")
    value, unit_text = split
    unit_text = typed_unit(unit_text)
    if not unit_text:
        raise MissingUnitError(
            f"no unit given after {format_number(value)}; add one, as in '20 km'"
        )
    temperature = _temperature_unit(unit_text, like)
    return Quantity(value, temperature or _unit_of_kind(unit_text, like))


def _unit_of_kind(unit_text: str, like: str | None) -> str:
    """The unit named, its case trusted only while it gives the question's kind of quantity:
    "1.5 M" in a length question is metres (M alone is no length), but "5 Mg" for "5 mg" is
    megagrams, a mass like the answer, so it stays (and is wrong)."""
    unit = _unit_with_trailing_words(unit_text)
    if like is None or unit_text == unit_text.lower() or _kind(unit) == _kind(like):
        return unit
    try:
        lowered = _unit_with_trailing_words(unit_text.lower())
    except QuantityError:
        return unit
    return lowered if _kind(lowered) == _kind(like) else unit


def _temperature_unit(unit_text: str, like: str | None) -> str | None:
    """The scale a unit names in a temperature question, or None (then read as any unit)."""
    if like is None or _kind(like) != "[temperature]":
        return None
    words = unit_text.casefold().replace("°", " ").replace(".", " ").split()
    words = [word for word in words if word not in ("deg", "degree", "degrees")]
    if not words:
        return like if unit_text.strip() else None  # "100 degrees": the reference's scale
    found = TEMPERATURE_SPELLINGS.get(" ".join(words))
    return _canonical_name(found) if found else None


def _unit_with_trailing_words(unit_text: str) -> str:
    try:
        return _unit_name(unit_text)
    except QuantityError:
        words = unit_text.replace("-", " ").split()
        if len(words) < 2 or any(char.isdigit() for char in unit_text):
            raise
        # The longest known unit first, from at most _MAX_UNIT_WORDS words: pint is costly.
        for count in range(min(len(words) - 1, _MAX_UNIT_WORDS), 0, -1):
            try:
                return _unit_name(" ".join(words[:count]))
            except QuantityError:
                continue
        raise


def parse_tolerance(
    text: str | None, reference: Quantity, decimal_comma: bool = False
) -> Tolerance:
    """Read "1%" (relative) or "500 m" (absolute, same kind as `reference`); blank gives 1%.
    Separators are read as in the answer (`decimal_comma`).

    A percentage is always relative, even for a percentage answer; write "1 percentage point"
    for an absolute tolerance on one.
    """
    if text is None or not text.strip():
        return DEFAULT_TOLERANCE
    tolerance = _parse_tolerance_quantity(text, decimal_comma)
    if tolerance.unit == "percent" and not _POINTS.search(text):
        return Tolerance(relative=tolerance.magnitude / 100)
    if _kind(tolerance.unit) != _kind(reference.unit):
        raise QuantityError(
            # The caller names the tolerance ("tolerance '5 kg': it is a mass ..."): not twice.
            f"it is {dimension_name(tolerance.unit)} but the answer is "
            f"{dimension_name(reference.unit)}; give it in {_symbol(reference.unit)} or as '1%'"
        )
    return Tolerance(absolute=tolerance)


def compare(
    reference: Quantity, response: Quantity, tolerance: Tolerance = DEFAULT_TOLERANCE
) -> Comparison:
    """Whether `response` is the same kind of quantity as `reference`, and close enough."""
    names = (dimension_name(reference.unit), dimension_name(response.unit))
    if _kind(reference.unit) != _kind(response.unit):
        return Comparison(False, False, math.nan, *names, unit_converted=True)
    converted = convert(response, reference.unit)
    allowed = _allowance(reference, tolerance)
    # A hair of slack so a conversion's rounding cannot push an exact boundary outside.
    slack = 1e-9 * max(1.0, abs(reference.magnitude))
    within = abs(converted - reference.magnitude) <= allowed + slack
    return Comparison(
        True, within, converted, *names, _is_conversion(response.unit, reference.unit)
    )


def same_kind(first: str, second: str) -> bool:
    """Whether two units (pint names) measure the same kind of thing."""
    return _kind(first) == _kind(second)


def dimension_name(unit: str) -> str:
    """What a unit measures, in plain words: "a distance", "a percentage", "a speed"..."""
    return KIND_NAMES.get(_kind(unit), f"a quantity in {_symbol(unit)}")


def convert(quantity: Quantity, unit: str) -> float:
    """The magnitude of `quantity` in `unit` (a pint unit name of the same kind)."""
    slope, intercept = _conversion(quantity.unit, unit)
    return slope * quantity.magnitude + intercept


def format_quantity(quantity: Quantity) -> str:
    """For display: "20 km", "15%", "4 days", "20 °C"."""
    number = format_number(quantity.magnitude)
    if quantity.unit in SPELLED_OUT:
        return f"{number} {quantity.unit}{'' if quantity.magnitude == 1 else 's'}"
    symbol = _symbol(quantity.unit)
    return f"{number}{symbol}" if symbol in ("%", "°") else f"{number} {symbol}"


def convert_for_display(quantity: Quantity, unit: str) -> str:
    """`quantity` shown in another unit ("12.4 mi"); raise QuantityError if it cannot be."""
    target = _unit_name(unit)
    if _kind(target) != _kind(quantity.unit):
        raise QuantityError(
            f"cannot show {dimension_name(quantity.unit)} in {unit}, {dimension_name(target)}"
        )
    return format_quantity(Quantity(convert(quantity, target), target))


def alternative_display(quantity: Quantity) -> str | None:
    """A handy conversion for feedback (km -> mi, °C -> °F, days -> hours), or None."""
    targets = ALTERNATIVES.get(quantity.unit, ())
    for target in targets:
        if abs(convert(quantity, target)) >= 1 or target == targets[-1]:
            return convert_for_display(quantity, target)
    return None


def _parse_tolerance_quantity(text: str, decimal_comma: bool) -> Quantity:
    try:
        return parse_quantity(text, decimal_comma)
    except MissingUnitError as error:
        raise MissingUnitError(
            f"tolerance '{text.strip()}' has no unit; write a percentage ('1%') or an amount "
            "('500 m')"
        ) from error


def _allowance(reference: Quantity, tolerance: Tolerance) -> float:
    """The largest difference allowed, in the reference's unit."""
    allowed = abs(reference.magnitude) * tolerance.relative
    if tolerance.absolute is not None:
        # Only the slope: a tolerance is a difference, so 2 °C is 3.6 °F, not 35.6 °F.
        slope, _ = _conversion(tolerance.absolute.unit, reference.unit)
        allowed = max(allowed, abs(slope * tolerance.absolute.magnitude))
    return allowed


def _is_conversion(source: str, target: str) -> bool:
    slope, intercept = _conversion(source, target)
    return not (math.isclose(slope, 1.0) and math.isclose(intercept, 0.0, abs_tol=1e-9))


def _unit_name(text: str) -> str:
    name = " ".join(text.split()).rstrip(".")
    _check_unit_text(name)
    # "km2", "cm3", "m/s2": a power typed without a caret.
    return _canonical_name(_BARE_POWER.sub(r"**\1", name))


def _check_unit_text(name: str) -> None:
    """Refuse what no unit is before pint reads it: pint's parser recurses on long expressions
    (4 KB of words exhausted Python's stack) and evaluates powers ("m**9**9**9" never ends)."""
    powers = name.count("**") + name.count("^")
    if len(name) > _MAX_UNIT_CHARS or len(name.split()) > _MAX_UNIT_WORDS or powers > 3:
        raise QuantityError(f"unknown unit '{name[:40]}…'; try a common one such as km or kg")
    if "(" in name or ")" in name or _CHAINED_POWER.search(name):
        raise QuantityError(f"unknown unit '{name}'; write powers as in 'm^2' or 'm/s^2'")
    if _STRAY_NUMBER.search(name):
        # pint reads "km 1" as km × 1: a number after the unit is another answer, not a factor.
        raise QuantityError(f"unknown unit '{name}': a number after a unit is a second answer")


@functools.lru_cache(maxsize=1024)
def _canonical_name(name: str) -> str:
    # Cached apart from the unit: formatting a pint unit as text costs ~8 µs a time.
    return str(_lookup_unit(name))


def _lookup_unit(name: str) -> pint.Unit:
    """The pint unit a learner means, or QuantityError."""
    unit = _find_unit(name)
    if unit is None:
        raise QuantityError(f"unknown unit '{name}'; try a common one such as km, kg, days or %")
    return unit


@functools.lru_cache(maxsize=1024)
def _find_unit(name: str) -> pint.Unit | None:
    """The pint unit `name` means, or None. Misses are cached too: pint's own parser costs
    ~160 µs a call, and scanning a quote tries many word runs that are no unit ("kilometers
    from"), the same ones again in every question of a bank."""
    registry = _get_registry()
    spelled = SPELLINGS.get(name.lower(), name)
    # Exact case first ("Mm" is not "mm"); lower case only rescues "KM" and "Kilometres".
    for candidate in dict.fromkeys((spelled, spelled.lower())):
        try:
            return registry.Unit(candidate)
        except _PINT_PARSE_ERRORS:
            continue
    return None


@functools.lru_cache(maxsize=1024)
def _conversion(source: str, target: str) -> tuple[float, float]:
    """Slope and intercept taking `source` magnitudes to `target`: affine, so °C -> °F works."""
    registry = _get_registry()
    zero = registry.Quantity(0.0, source).to(target).magnitude
    one = registry.Quantity(1.0, source).to(target).magnitude
    return one - zero, zero


@functools.lru_cache(maxsize=256)
def _kind(unit: str) -> str:
    """What a unit measures; pint calls %, degrees and counts all dimensionless, we do not."""
    pint_unit = _lookup_unit(unit)
    if not pint_unit.dimensionless:
        return str(pint_unit.dimensionality)
    if unit in PROPORTIONS:
        return "proportion"
    return "angle" if unit in ANGLES else "count"


@functools.lru_cache(maxsize=256)
def _symbol(unit: str) -> str:
    return SYMBOLS.get(unit) or format(_lookup_unit(unit), "~P")


def _get_registry(cache_folder: str | PathLike[str] | None = None) -> pint.UnitRegistry[Any]:
    global _registry
    if _registry is None:
        with _registry_lock:
            if _registry is None:
                _registry = new_unit_registry(cache_folder)
    return _registry
