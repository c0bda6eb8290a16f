"""The words behind reading quantities: spellings pint lacks, names of what units measure,
and the conversions and symbols feedback shows. Data only; quantities.py does the reading."""

from __future__ import annotations

# Spellings pint lacks or reads differently. A table, not `ureg.define`: "kms" would have to be
# a new unit (pint's @alias cannot alias the prefixed "kilometer"), "pct" is already pint's
# picocarat, and "per cent" has a space, which pint unit names cannot hold.
SPELLINGS = {
    "kms": "km",
    "klicks": "km",
    "pct": "percent",
    "pc": "percent",  # British "15pc"; pint's parsec never answers a quiz question
    "per cent": "percent",
    "per-cent": "percent",
    "percentage": "percent",
    "percentage point": "percent",
    "percentage points": "percent",
    "pp": "percent",
    "degrees celsius": "degC",
    "degree celsius": "degC",
    "degrees c": "degC",
    "degrees centigrade": "degC",
    "degrees fahrenheit": "degF",
    "degree fahrenheit": "degF",
    "degrees f": "degF",
    "kmh": "km/h",
    "kmph": "km/h",
    # Plurals and shorthand learners type that pint misreads ("kilos" is a kilosecond to it).
    "kilo": "kg",
    "kilos": "kg",
    "kgs": "kg",
    "kilogrammes": "kg",
    "gms": "g",
    "grammes": "g",
    "tonnes": "metric_ton",
    "tonne": "metric_ton",
    "lbs": "lb",
    "ltr": "liter",
    "ltrs": "liter",
    "mtr": "meter",
    "mtrs": "meter",
    "yds": "yard",
    # Feet and inches marks: 6' and 72", straight or typographic.
    "'": "foot",
    "\u2032": "foot",
    '"': "inch",
    "\u2033": "inch",
    "mins": "minute",
    "hrs": "hour",
    "hr": "hour",
    "secs": "second",
    "sec": "second",
    "yrs": "year",
    "yr": "year",
    "kms2": "km**2",
    "sqkm": "km**2",
    "sq km": "km**2",
    "sq. km": "km**2",
    "square km": "km**2",
    "sq m": "m**2",
    "sq mi": "mi**2",
    "sq miles": "mi**2",
    "square miles": "mi**2",
    "sq ft": "ft**2",
    "sqft": "ft**2",
    "sqm": "m**2",
    "sq. m": "m**2",
    "sq. mi": "mi**2",
    "sq. ft": "ft**2",
    "cc": "cm**3",
    "mph": "mile/hour",
    "metres per second": "m/s",
    "meters per second": "m/s",
}

# In a temperature question a bare letter is a temperature scale, never coulomb or farad, and
# "degrees" alone is the reference's own scale. Keys are lower-cased, without "°" or "deg".
TEMPERATURE_SPELLINGS = {
    "c": "degC",
    "celsius": "degC",
    "centigrade": "degC",
    "f": "degF",
    "fahrenheit": "degF",
    "k": "kelvin",
    "kelvin": "kelvin",
    "kelvins": "kelvin",
}

KIND_NAMES = {
    "[length]": "a distance",
    "[mass]": "a mass",
    "[time]": "a duration",
    "[temperature]": "a temperature",
    "[length] / [time]": "a speed",
    "[length] / [time] ** 2": "an acceleration",
    "[length] ** 2": "an area",
    "[length] ** 3": "a volume",
    "[mass] / [length] ** 3": "a density",
    "1 / [time]": "a frequency",
    "[mass] * [length] / [time] ** 2": "a force",
    "[mass] * [length] ** 2 / [time] ** 2": "an energy",
    "[mass] * [length] ** 2 / [time] ** 3": "a power",
    "proportion": "a percentage",
    "angle": "an angle",
    "count": "a count",
}

PROPORTIONS = frozenset({"percent", "permille", "ppm"})

ANGLES = frozenset({"degree", "radian", "arcminute", "arcsecond", "turn", "gradian"})

# Durations read better spelled out ("4 days"); pint's symbol would be "4 d".
SPELLED_OUT = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade"})

# Handy conversions for feedback, best first: the first that gives at least 1 is shown, so
# 96 hours reads "4 days" but 2 hours reads "120 minutes".
ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "kilometer": ("mile",),
    "mile": ("kilometer",),
    "meter": ("mile", "foot"),
    "foot": ("meter",),
    "centimeter": ("inch",),
    "inch": ("centimeter",),
    "kilogram": ("pound",),
    "pound": ("kilogram",),
    "degree_Celsius": ("degree_Fahrenheit",),
    "degree_Fahrenheit": ("degree_Celsius",),
    "year": ("month",),
    "month": ("week", "day"),
    "week": ("day",),
    "day": ("week", "hour"),
    "hour": ("day", "minute"),
    "minute": ("hour", "second"),
    "kilometer / hour": ("mile / hour",),
    "kilometer_per_hour": ("mile / hour",),
    "mile / hour": ("kilometer / hour",),
    "mile_per_hour": ("kilometer / hour",),
    "knot": ("kilometer / hour",),
}

# Where pint's short symbol is not what people write.
SYMBOLS = {"degree": "°", "mile / hour": "mph", "mile_per_hour": "mph"}
