"""Flashcard memory: each learner's card states, their review logs, rating, undo and the queue.

Rating applies the outcome previewed on the buttons (see `quiz.core.scheduling`), so the
interval a button shows is the one scheduled. A quiz answer counts as a review too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quiz.core.scheduling import (
    DEFAULT_RETENTION,
    CardKey,
    Outcome,
    Preview,
    Queue,
    Rating,
    Scheduler,
    build_queue,
    card_id_for,
    due_of,
    new_card,
    suggest_rating,
    typical_time,
)
from quiz.core.verdict import Verdict
from quiz.storage.card_stats import card_states, due_forecast, retention_achieved, stage_counts
from quiz.storage.models import CardState, FlashcardSettings, ReviewLog

__all__ = [
    "card_states",
    "due_forecast",
    "preview_card",
    "rate_card",
    "retention_achieved",
    "review_from_quiz",
    "review_queue",
    "scheduler_for",
    "stage_counts",
    "state_for",
    "undo_last_rating",
]

RATED_SOURCES = ("review", "typed")  # what undo may take back; a quiz answer stays answered
RECENT_ANSWERS = 25  # how many recent timed answers make the learner's typical time


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """A day's start and end, in UTC (learners' time zones are not known)."""
    start = datetime.combine(day, time(), UTC)
    return start, start + timedelta(days=1)


def scheduler_for(
    session: Session, learner_id: int, default_retention: float = DEFAULT_RETENTION
) -> Scheduler:
    """The learner's scheduler: their own retention and fitted parameters, if they have any."""
    settings = session.get(FlashcardSettings, learner_id)
    retention = desired_retention_for(session, learner_id, default_retention)
    return Scheduler(retention, settings.parameters if settings else None)


def desired_retention_for(session: Session, learner_id: int, default: float) -> float:
    """The retention the learner chose, else the app's default."""
    settings = session.get(FlashcardSettings, learner_id)
    return (settings.desired_retention if settings else None) or default


def settings_for(session: Session, learner_id: int) -> FlashcardSettings:
    settings = session.get(FlashcardSettings, learner_id)
    if settings is None:
        settings = FlashcardSettings(learner_id=learner_id)
        session.add(settings)
    return settings


def get_state(
    session: Session, learner_id: int, bank_id: str, question_id: str
) -> CardState | None:
    query = select(CardState).where(
        CardState.learner_id == learner_id,
        CardState.bank_id == bank_id,
        CardState.question_id == question_id,
    )
    return session.scalar(query)


def state_for(
    session: Session, learner_id: int, bank_id: str, question_id: str, now: datetime
) -> CardState:
    """The card's saved state, made (as a new card due now) on first need."""
    existing = get_state(session, learner_id, bank_id, question_id)
    if existing is not None:
        return existing
    card = new_card(card_id_for(bank_id, question_id), now)
    state = CardState(
        learner_id=learner_id, bank_id=bank_id, question_id=question_id, card=card, due=now,
        updated_at=now,
    )  # fmt: skip
    try:
        with session.begin_nested():
            session.add(state)
    except IntegrityError:  # another request made it first: use theirs
        found = get_state(session, learner_id, bank_id, question_id)
        if found is None:
            raise
        return found
    return state


def preview_card(
    session: Session, scheduler: Scheduler, state: CardState, now: datetime
) -> Preview:
    """The four outcomes to show on the buttons: the stored ones while fresh, else new ones."""
    if state.preview is not None:
        stored = Preview.from_dict(state.preview)
        if stored.is_fresh_for(state.card, now):
            return stored
    preview = scheduler.make_preview(state.card, now)
    state.preview = preview.to_dict()
    session.flush()
    return preview


def rate_card(
    session: Session,
    scheduler: Scheduler,
    state: CardState,
    rating: Rating,
    now: datetime,
    *,
    duration_ms: int | None = None,
    source: str = "review",
) -> ReviewLog:
    """Apply `rating` as previewed (the button's exact interval); a stale preview is redone."""
    stored = Preview.from_dict(state.preview) if state.preview else None
    if stored is not None and stored.is_fresh_for(state.card, now):
        outcome = stored.outcomes[rating].applied_at(now)
    else:
        outcome = scheduler.review(state.card, rating, now, duration_ms)
    return _apply(session, state, outcome, now, duration_ms, source)


def _apply(
    session: Session,
    state: CardState,
    outcome: Outcome,
    now: datetime,
    duration_ms: int | None,
    source: str,
) -> ReviewLog:
    log = ReviewLog(
        learner_id=state.learner_id,
        bank_id=state.bank_id,
        question_id=state.question_id,
        rating=int(outcome.rating),
        reviewed_at=now,
        duration_ms=duration_ms,
        source=source,
        was_new=state.card.get("last_review") is None,
        card_before=state.card,
        card_after=outcome.card,
        undone=False,
    )
    state.card, state.due, state.preview, state.updated_at = outcome.card, outcome.due, None, now
    session.add(log)
    session.flush()
    return log


def review_from_quiz(
    session: Session,
    learner_id: int,
    bank_id: str,
    question_id: str,
    verdict: Verdict,
    took_ms: int | None,
    now: datetime,
    default_retention: float = DEFAULT_RETENTION,
) -> ReviewLog:
    """A quiz answer as a review of its card, rated as the grader suggests."""
    # The learner's typical time only matters for a clean right answer with a time: skip the
    # query otherwise (this runs on every answer, the hottest write path).
    needs_typical = verdict.correct and not verdict.forgiven and took_ms is not None
    typical = typical_answer_ms(session, learner_id) if needs_typical else None
    rating = suggest_rating(verdict, took_ms, typical)
    state = state_for(session, learner_id, bank_id, question_id, now)
    outcome = scheduler_for(session, learner_id, default_retention).review(
        state.card, rating, now, took_ms
    )
    return _apply(session, state, outcome, now, took_ms, "quiz")


def typical_answer_ms(session: Session, learner_id: int) -> float | None:
    """The median time of the learner's recent typed answers (quiz and typed reviews)."""
    query = (
        select(ReviewLog.duration_ms)
        .where(
            ReviewLog.learner_id == learner_id,
            ReviewLog.source.in_(("quiz", "typed")),
            ReviewLog.duration_ms.is_not(None),
        )
        .order_by(ReviewLog.id.desc())
        .limit(RECENT_ANSWERS)
    )
    return typical_time(session.scalars(query))


def undo_last_rating(session: Session, learner_id: int) -> ReviewLog | None:
    """Take back the learner's last review-mode rating: its card gets its state back. None
    when there is nothing to undo, or a quiz answer has moved that card on since."""
    log = session.scalar(
        select(ReviewLog)
        .where(
            ReviewLog.learner_id == learner_id,
            ReviewLog.source.in_(RATED_SOURCES),
            ReviewLog.undone.is_(False),
        )
        .order_by(ReviewLog.id.desc())
        .limit(1)
    )
    state = get_state(session, learner_id, log.bank_id, log.question_id) if log else None
    if log is None or state is None or state.card != log.card_after:
        return None
    state.card, state.preview = log.card_before, None
    state.due = due_of(log.card_before)
    log.undone = True
    session.flush()
    return log


def new_cards_introduced(session: Session, learner_id: int, today: date) -> int:
    """New cards first rated in review mode today: they count against the daily cap."""
    start, end = day_bounds(today)
    query = select(ReviewLog.id).where(
        ReviewLog.learner_id == learner_id,
        ReviewLog.source.in_(RATED_SOURCES),
        ReviewLog.was_new.is_(True),
        ReviewLog.undone.is_(False),
        ReviewLog.reviewed_at >= start,
        ReviewLog.reviewed_at < end,
    )
    return len(session.scalars(query).all())


def review_queue(
    session: Session,
    learner_id: int,
    keys: Sequence[CardKey],
    now: datetime,
    new_per_day: int,
) -> Queue:
    """Today's queue over the cards `keys` (the chosen banks' questions, in bank order)."""
    saved = card_states(session, learner_id, {bank for bank, _ in keys})
    allowance = new_per_day - new_cards_introduced(session, learner_id, now.date())
    _, day_end = day_bounds(now.date())
    return build_queue([(key, saved.get(key)) for key in keys], now, day_end, allowance)
