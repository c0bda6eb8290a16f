"""The progress page's flashcards part: the month's forecast, retention, and cards by stage."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup
from sqlalchemy.orm import Session

from quiz.core.bank import Bank
from quiz.storage.card_stats import due_forecast, retention_achieved, stage_counts
from quiz.storage.cards import desired_retention_for
from quiz.web import figures
from quiz.web.charts import forecast_chart

FORECAST_DAYS = 30


@dataclass(frozen=True)
class CardSummary:
    stages: dict[str, int]
    retention: float | None  # achieved: share of reviews of seen cards not rated Again
    desired: float
    due_today: int
    due_this_month: int
    forecast_chart: Markup


def card_summary(
    session: Session, learner_id: int, banks: Mapping[str, Bank], today: date,
    default_retention: float,
) -> CardSummary:  # fmt: skip
    """The learner's flashcards over every question of the loaded banks."""
    keys = [(bank.id, question.id) for bank in banks.values() for question in bank.questions]
    forecast = due_forecast(session, learner_id, today, FORECAST_DAYS)
    return CardSummary(
        stages=stage_counts(session, learner_id, keys),
        retention=retention_achieved(session, learner_id),
        desired=desired_retention_for(session, learner_id, default_retention),
        due_today=figures.due_today(forecast),
        due_this_month=sum(forecast),
        forecast_chart=forecast_chart(forecast, today),
    )
