"""The answer path's writes, in SQLAlchemy Core: the attempt, the card and its review log, and
the progress figures, in the one short write transaction the caller has begun.

No ORM unit of work runs here (no flush, no identity map): each table gets one statement.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from quiz.core.answering import QuizReview, decide_review, needs_typical_time
from quiz.core.scheduling import Scheduler, card_id_for, new_card
from quiz.core.verdict import Verdict
from quiz.storage.cards import typical_answer_ms
from quiz.storage.engine import dialect_insert_for
from quiz.storage.figures import count_answer
from quiz.storage.models import Attempt, CardState, FlashcardSettings, ReviewLog

ATTEMPTS, CARDS, LOGS, SETTINGS = (
    cast(Table, m.__table__) for m in (Attempt, CardState, ReviewLog, FlashcardSettings)
)


@dataclass(frozen=True)
class ReviewInputs:
    """What the card's review needs besides the card: read before the write lock."""

    scheduler: Scheduler
    typical_ms: float | None


def review_inputs(
    session: Session, learner_id: int, verdict: Verdict, took_ms: int | None,
    default_retention: float,
) -> ReviewInputs:  # fmt: skip
    connection = session.connection()
    settings = connection.execute(
        _statements(connection.dialect.name).settings, {"learner": learner_id}
    ).first()
    retention = (settings.desired_retention if settings else None) or default_retention
    scheduler = Scheduler(retention, settings.parameters if settings else None)
    needs = needs_typical_time(verdict, took_ms)
    return ReviewInputs(scheduler, typical_answer_ms(session, learner_id) if needs else None)


def insert_attempt(session: Session, values: dict[str, Any]) -> int | None:
    """The new attempt's id; None when its run position is already answered (the UNIQUE
    (run_id, position) constraint decides, even between two workers racing)."""
    connection = session.connection()
    return connection.execute(_statements(connection.dialect.name).attempt, values).scalar()


def write_review(
    session: Session, key: tuple[int, str, str], verdict: Verdict, took_ms: int | None,
    now: datetime, inputs: ReviewInputs,
) -> QuizReview:  # fmt: skip
    """Review the card (`key`: learner, bank, question) as the answer says, inside the write
    transaction: the card is read under the lock, since a rating or an undo may have moved it
    since the request began (FOR UPDATE locks the row on PostgreSQL)."""
    connection = session.connection()
    prepared = _statements(connection.dialect.name)
    learner_id, bank_id, question_id = key
    found = connection.execute(
        prepared.card, {"learner": learner_id, "bank": bank_id, "question": question_id}
    ).first()
    card = found.card if found else new_card(card_id_for(key[1], key[2]), now)
    review = decide_review(verdict, took_ms, inputs.typical_ms, card, inputs.scheduler, now)
    fields = {"card": review.outcome.card, "due": review.outcome.due, "preview": None,
              "updated_at": now}  # fmt: skip
    if found is not None:
        connection.execute(prepared.card_update, {"card_id": found.id, **fields})
    elif not _insert_card(session, key, fields):  # a racing answer made the card first
        return write_review(session, key, verdict, took_ms, now, inputs)
    connection.execute(prepared.log, _log_fields(key, review, now, took_ms))
    return review


def count_new_attempt(session: Session, values: dict[str, Any]) -> None:
    if not values["sealed"]:  # an exam's answers count once its run ends
        count_answer(
            session, values["learner_id"], values["bank_id"], values["question_id"],
            values["correct"], values["answered_at"], partly=values["score"] > 0,
        )  # fmt: skip


def _insert_card(session: Session, key: tuple[int, str, str], fields: dict[str, Any]) -> bool:
    learner_id, bank_id, question_id = key
    connection = session.connection()
    row = {"learner_id": learner_id, "bank_id": bank_id, "question_id": question_id, **fields}
    return (
        connection.execute(_statements(connection.dialect.name).card_insert, row).scalar()
        is not None
    )


@dataclass(frozen=True)
class Prepared:
    attempt: Any
    card: Any
    card_update: Any
    card_insert: Any
    log: Any
    settings: Any


@functools.cache
def _statements(dialect: str) -> Prepared:
    """The path's statements, built once per backend: on this path building a statement
    costs more than running it."""
    attempt = dialect_insert_for(dialect, ATTEMPTS).on_conflict_do_nothing(
        index_elements=["run_id", "position"]
    )
    card_insert = dialect_insert_for(dialect, CARDS).on_conflict_do_nothing(
        index_elements=["learner_id", "bank_id", "question_id"]
    )
    card = select(CARDS.c.id, CARDS.c.card).where(
        CARDS.c.learner_id == bindparam("learner"),
        CARDS.c.bank_id == bindparam("bank"),
        CARDS.c.question_id == bindparam("question"),
    )
    return Prepared(
        attempt=attempt.returning(ATTEMPTS.c.id),
        card=card.with_for_update(),
        card_update=update(CARDS).where(CARDS.c.id == bindparam("card_id")),
        card_insert=card_insert.returning(CARDS.c.id),
        log=LOGS.insert(),
        settings=select(SETTINGS.c.desired_retention, SETTINGS.c.parameters).where(
            SETTINGS.c.learner_id == bindparam("learner")
        ),
    )


def _log_fields(
    key: tuple[int, str, str], review: QuizReview, now: datetime, took_ms: int | None
) -> dict[str, Any]:
    learner_id, bank_id, question_id = key
    return {
        "learner_id": learner_id, "bank_id": bank_id, "question_id": question_id,
        "rating": int(review.outcome.rating), "reviewed_at": now, "duration_ms": took_ms,
        "source": "quiz", "was_new": review.was_new, "card_before": review.card_before,
        "card_after": review.outcome.card, "undone": False,
    }  # fmt: skip
