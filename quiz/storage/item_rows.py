"""Learners' attempts at a bank as plain rows, for the item analysis and the wrong answers."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from quiz.core.item_analysis import AttemptRow
from quiz.storage.models import Attempt

_COLUMNS = (
    Attempt.id,
    Attempt.learner_id,
    Attempt.question_id,
    Attempt.correct,
    Attempt.score,
    Attempt.time_taken_ms,
    Attempt.answered_at,
    Attempt.response,
    Attempt.verdict,
)


def attempt_rows(
    session: Session, bank_id: str, question_id: str | None = None
) -> list[AttemptRow]:
    """Every recorded attempt at the bank (or at one of its questions), oldest first."""
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
    verdict: dict[str, Any] | None,
) -> AttemptRow:
    verdict = verdict or {}
    return AttemptRow(
        learner_id=learner_id,
        question_id=question_id,
        correct=correct,
        score=score,
        time_taken_ms=time_taken_ms,
        answered_at=answered_at,
        response=response,
        expected=str(verdict.get("expected", "")),
        feedback=str(verdict.get("feedback", "")),
        attempt_id=attempt_id,
    )
