"""The progress page's flashcards part: the month's forecast, retention, and cards by stage."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup
from sqlalchemy.orm import Session

from quiz.core.bank import Bank
from quiz.storage.card_stats import (
    ReviewDay,
    card_states,
    forecast_of,
    retention_achieved,
    review_days,
    stages_of,
)
from quiz.storage.cards import desired_retention_for
from quiz.web import figures
from quiz.web.charts import Point, bar_chart, forecast_chart, line_chart
from quiz.web.day_names import long_day, short_date, short_day

FORECAST_DAYS = 30
REVIEW_DAYS = 30
RETENTION_WEEKS = 12


@dataclass(frozen=True)
class CardSummary:
    stages: dict[str, int]
    retention: float | None  # achieved: share of reviews of seen cards not rated Again
    desired: float
    due_today: int
    due_this_month: int
    forecast_chart: Markup
    reviews_chart: Markup
    retention_chart: Markup
    reviews_in_window: int
    retention_weeks: int  # weeks with a review of a seen card: none, no chart


def card_summary(
    session: Session, learner_id: int, banks: Mapping[str, Bank], today: date,
    default_retention: float,
) -> CardSummary:  # fmt: skip
    """The learner's flashcards over every question of the loaded banks."""
    keys = [(bank.id, question.id) for bank in banks.values() for question in bank.questions]
    saved = card_states(session, learner_id)  # read once: the forecast and the stages share it
    forecast = forecast_of(saved.values(), today, FORECAST_DAYS)
    desired = desired_retention_for(session, learner_id, default_retention)
    first_week = week_start(today) - timedelta(weeks=RETENTION_WEEKS - 1)
    history = review_days(session, learner_id, first_week)
    recent = reviews_by_day(history, today, REVIEW_DAYS)
    weeks = weekly_retention(history, first_week)
    return CardSummary(
        stages=stages_of(saved, keys),
        retention=retention_achieved(session, learner_id),
        desired=desired,
        due_today=figures.due_today(forecast),
        due_this_month=sum(forecast),
        forecast_chart=forecast_chart(forecast, today),
        reviews_chart=reviews_chart(recent),
        retention_chart=retention_chart(weeks, desired),
        reviews_in_window=sum(count for _, count in recent),
        retention_weeks=sum(share is not None for _, share in weeks),
    )


def week_start(day: date) -> date:
    """The Monday of `day`'s week (ISO weeks)."""
    return day - timedelta(days=day.weekday())


def reviews_by_day(history: list[ReviewDay], today: date, count: int) -> list[tuple[date, int]]:
    """Ratings on each of the `count` days up to today, zeros included (time to scale)."""
    by_day = {row.day: row.reviews for row in history}
    days = [today - timedelta(days=back) for back in range(count - 1, -1, -1)]
    return [(day, by_day.get(day, 0)) for day in days]


def weekly_retention(history: list[ReviewDay], first: date) -> list[tuple[date, float | None]]:
    """Each week's retention achieved from `first` on: recalled ÷ reviews of seen cards
    (None for a week without any)."""
    weeks = [first + timedelta(weeks=n) for n in range(RETENTION_WEEKS)]
    seen = dict.fromkeys(weeks, 0)
    recalled = dict.fromkeys(weeks, 0)
    for row in history:
        week = week_start(row.day)
        if week in seen:
            seen[week] += row.seen
            recalled[week] += row.recalled
    return [(week, recalled[week] / seen[week] if seen[week] else None) for week in weeks]


def reviews_chart(days: list[tuple[date, int]]) -> Markup:
    points = [
        Point(short_day(day), count, f"{short_date(day)}: {count} ratings") for day, count in days
    ]
    each = "; ".join(f"{long_day(day)}: {count}" for day, count in days if count)
    return bar_chart(
        points,
        chart_id="reviews-chart",
        title="Flashcard reviews per day",
        description=f"Ratings given each day of the last {len(days)} days (UTC), quiz answers "
        f"included: {each or 'none'}.",
    )


def retention_chart(weeks: list[tuple[date, float | None]], desired: float) -> Markup:
    points = [
        Point(
            short_day(week),
            None if share is None else 100 * share,
            f"Week of {short_date(week)}: {figures.percent(share)} remembered",
        )
        for week, share in weeks
    ]
    each = "; ".join(
        f"week of {long_day(w)}: {figures.percent(s)}" for w, s in weeks if s is not None
    )
    return line_chart(
        points,
        chart_id="retention-chart",
        title="Retention per week",
        description=f"Share of reviews of cards seen before not rated Again, week by week "
        f"(weeks start on Monday, UTC), against the desired {figures.percent(desired)}: "
        f"{each or 'no reviews of seen cards yet'}.",
        target=100 * desired,
        target_label=f"desired {figures.percent(desired)}",
    )
