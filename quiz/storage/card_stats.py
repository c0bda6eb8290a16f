"""Flashcard statistics from the saved card states and review logs: forecast, retention,
stages; and the review history `quiz optimize` fits parameters to."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import and_, bindparam, case, func, select, update
from sqlalchemy.orm import Session

from quiz.core.optimizing import Review
from quiz.core.scheduling import CardKey, SavedCard, card_stage, due_of, forecast
from quiz.storage.models import CardState, FlashcardSettings, ReviewLog
from quiz.storage.stats import as_date, utc_day

STAGES = ("new", "learning", "young", "mature")


def card_states(
    session: Session, learner_id: int, bank_ids: Iterable[str] | None = None
) -> dict[CardKey, SavedCard]:
    """The learner's saved cards, by (bank id, question id); all banks when `bank_ids` is None."""
    params: dict[str, object] = {"learner": learner_id}
    if bank_ids is not None:
        params["banks"] = list(bank_ids)
    rows = session.execute(_card_states_query(bank_ids is not None), params)
    return {(bank, question): card for bank, question, card in rows}


def due_forecast(session: Session, learner_id: int, today: date, days: int = 30) -> list[int]:
    """How many cards fall due on each of the next `days` days (overdue ones count today)."""
    return forecast_of(card_states(session, learner_id).values(), today, days)


def forecast_of(cards: Iterable[SavedCard], today: date, days: int = 30) -> list[int]:
    """`due_forecast` over cards already read."""
    return forecast([due_of(c) for c in cards if card_stage(c) != "new"], today, days)


def retention_achieved(session: Session, learner_id: int) -> float | None:
    """The share of reviews of cards already seen that were not rated Again (None: no data)."""
    total, recalled = session.execute(_retention_query(), {"learner": learner_id}).one()
    return int(recalled or 0) / total if total else None


@dataclass(frozen=True)
class ReviewDay:
    """One UTC day's ratings: all of them, those of cards seen before, and of those the ones
    not rated Again (what retention is the share of)."""

    day: date
    reviews: int
    seen: int
    recalled: int


def review_days(session: Session, learner_id: int, since: date) -> list[ReviewDay]:
    """Every UTC day from `since` on with a kept rating (quiz answers included), oldest first."""
    query = _review_days_query(session.get_bind().dialect.name)
    params = {"learner": learner_id, "since": datetime.combine(since, time(), UTC)}
    return [
        ReviewDay(as_date(d), int(n), int(s or 0), int(r or 0))
        for d, n, s, r in session.execute(query, params)
    ]


def stage_counts(session: Session, learner_id: int, keys: Iterable[CardKey]) -> dict[str, int]:
    """new/learning/young/mature over the cards `keys` (the loaded banks' questions)."""
    keys = list(keys)
    return stages_of(card_states(session, learner_id, {bank for bank, _ in keys}), keys)


def stages_of(saved: Mapping[CardKey, SavedCard], keys: Iterable[CardKey]) -> dict[str, int]:
    """`stage_counts` over cards already read (a key without a saved card is new)."""
    counts = dict.fromkeys(STAGES, 0)
    for key in keys:
        counts[card_stage(saved.get(key))] += 1
    return counts


def review_history(session: Session, learner_id: int) -> list[Review]:
    """Every rating the learner gave and kept, oldest first, for the optimizer."""
    query = (
        select(ReviewLog.bank_id, ReviewLog.question_id, ReviewLog.reviewed_at, ReviewLog.rating)
        .where(ReviewLog.learner_id == learner_id, ReviewLog.undone.is_(False))
        .order_by(ReviewLog.reviewed_at, ReviewLog.id)
    )
    return [Review(f"{b}/{q}", at, rating) for b, q, at, rating in session.execute(query)]


# The progress page's statements, built once per process (see quiz.storage.stats).
@functools.cache
def _card_states_query(some_banks: bool) -> Any:
    query = select(CardState.bank_id, CardState.question_id, CardState.card).where(
        CardState.learner_id == bindparam("learner")
    )
    if some_banks:
        query = query.where(CardState.bank_id.in_(bindparam("banks", expanding=True)))
    return query


@functools.cache
def _retention_query() -> Any:
    return select(func.count(), func.sum(case((ReviewLog.rating != 1, 1), else_=0))).where(
        ReviewLog.learner_id == bindparam("learner"),
        ReviewLog.was_new.is_(False),
        ReviewLog.undone.is_(False),
    )


@functools.cache
def _review_days_query(dialect: str) -> Any:
    day = utc_day(dialect, ReviewLog.reviewed_at).label("day")
    seen = case((ReviewLog.was_new.is_(False), 1), else_=0)
    recalled = case((and_(ReviewLog.was_new.is_(False), ReviewLog.rating != 1), 1), else_=0)
    return (
        select(day, func.count(ReviewLog.id), func.sum(seen), func.sum(recalled))
        .where(ReviewLog.learner_id == bindparam("learner"), ReviewLog.undone.is_(False))
        .where(ReviewLog.reviewed_at >= bindparam("since"))
        .group_by(day)
        .order_by(day)
    )


def merge_cards(session: Session, from_id: int, to_id: int) -> None:
    """Fold one learner's cards into another's (an anonymous learner signing in). Where both
    have the same card, the one reviewed last wins; every review log moves."""
    theirs = {(s.bank_id, s.question_id): s for s in _states(session, to_id)}
    for state in _states(session, from_id):
        other = theirs.get((state.bank_id, state.question_id))
        if other is not None and other.updated_at >= state.updated_at:
            session.delete(state)
            continue
        if other is not None:
            session.delete(other)
            session.flush()
        state.learner_id = to_id
    session.execute(
        update(ReviewLog).where(ReviewLog.learner_id == from_id).values(learner_id=to_id)
    )
    settings = session.get(FlashcardSettings, from_id)
    if settings is not None:
        session.delete(settings)
    session.flush()


def _states(session: Session, learner_id: int) -> list[CardState]:
    return list(session.scalars(select(CardState).where(CardState.learner_id == learner_id)))
