"""Dates written without strftime read exactly as strftime writes them, every day of a leap
year and the next."""

from __future__ import annotations

from datetime import date, timedelta

from quiz.web.day_names import long_date, long_day, short_date, short_day, weekday_date


def test_every_name_matches_strftime() -> None:
    for offset in range(366 + 365):
        day = date(2024, 1, 1) + timedelta(days=offset)
        assert short_day(day) == f"{day:%-d %b}"
        assert short_date(day) == f"{day:%-d %b %Y}"
        assert long_day(day) == f"{day:%-d %B}"
        assert long_date(day) == f"{day:%-d %B %Y}"
        assert weekday_date(day) == f"{day:%a %-d %b %Y}"
