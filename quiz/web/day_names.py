"""Dates as the pages write them ("2 Dec", "2 December 2026", "Wed 2 Dec 2026"), without strftime.

strftime costs a microsecond or two a call, and the progress page writes a few hundred dates;
the names are English like the rest of the pages (the app never sets a locale, so strftime's
%a, %b and %B give these same names).
"""

from __future__ import annotations

from datetime import date

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTHS_SHORT = tuple(month[:3] for month in MONTHS)
WEEKDAYS_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def short_day(day: date) -> str:
    """ "2 Dec": a chart's axis label (strftime "%-d %b")."""
    return f"{day.day} {MONTHS_SHORT[day.month - 1]}"


def short_date(day: date) -> str:
    """ "2 Dec 2026" (strftime "%-d %b %Y")."""
    return f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year}"


def long_day(day: date) -> str:
    """ "2 December" (strftime "%-d %B")."""
    return f"{day.day} {MONTHS[day.month - 1]}"


def long_date(day: date) -> str:
    """ "2 December 2026" (strftime "%-d %B %Y")."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def weekday_date(day: date) -> str:
    """ "Wed 2 Dec 2026" (strftime "%a %-d %b %Y")."""
    return f"{WEEKDAYS_SHORT[day.weekday()]} {short_date(day)}"
