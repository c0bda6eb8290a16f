"""Learners' attempts at a bank as plain rows, for the item analysis and the wrong answers."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from quiz.core.item_analysis import AttemptRow
from quiz.storage.models import Attempt


def _when_wrong(column: Any) -> Any:
    # Only wrong answers are grouped and compared: decoding the JSON of the right ones too
    # took most of the page's time (measured: 6,600 attempts, ~0.5 s of ~0.8 s).
    return case((Attempt.correct.is_(False), column), else_=None)


_COLUMNS = (
    Attempt.id,
    Attempt.learner_id,
    Attempt.question_id,
    Attempt.correct,
    Attempt.score,
    Attempt.time_taken_ms,
    Attempt.answered_at,
    _when_wrong(Attempt.response),
    _when_wrong(Attempt.verdict["expected"].as_string()),
    _when_wrong(Attempt.verdict["feedback"].as_string()),
)


def attempt_rows(
    session: Session, bank_id: str, question_id: str | None = None
) -> list[AttemptRow]:
    """Every recorded attempt at the bank (or at one of its questions), oldest first; the
    response, expected answer and feedback are filled in for wrong answers only."""
    query = select(*_COLUMNS).where(Attempt.bank_id == bank_id)
    if question_id is not None:
        query = query.where(Attempt.question_id == question_id)
    query = query.order_by(Attempt.answered_at, Attempt.id)
    return [_row(*values) for values in session.execute(query)]


def _row(
    attempt_id: int,
    learner_id: int,
    question_id: str,
    correct: bool,
    score: float,
    time_taken_ms: int | None,
    answered_at: Any,
    response: Any,
    expected: str | None,
    feedback: str | None,
) -> AttemptRow:
    return AttemptRow(
        learner_id=learner_id,
        question_id=question_id,
        correct=correct,
        score=score,
        time_taken_ms=time_taken_ms,
        answered_at=answered_at,
        response=response,
        expected=expected or "",
        feedback=feedback or "",
        attempt_id=attempt_id,
    )


def attempts_after(session: Session, bank_id: str, after_id: int, limit: int) -> list[Attempt]:
    """Up to `limit` of the bank's attempts with an id above `after_id`, in id order: keyset
    paging, so reading page after page gives each attempt once, however many pages there are
    and whatever is written meanwhile (new attempts come on later pages)."""
    query = (
        select(Attempt)
        .where(Attempt.bank_id == bank_id, Attempt.id > after_id)
        .order_by(Attempt.id)
        .limit(limit)
    )
    return list(session.scalars(query))
