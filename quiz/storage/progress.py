"""A learner's standing per bank, for the home page: best run score, last answer, mastered count."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from quiz.storage.mastery import mastered_by_bank
from quiz.storage.models import Attempt, ProgressDay, QuizRun


@dataclass(frozen=True)
class BankProgress:
    """`best_score` is the best finished run's share of its questions right, 0..1."""

    best_score: float | None
    last_attempt_at: datetime | None
    mastered: frozenset[str]


def progress_by_bank(
    session: Session, learner_id: int, last_answers: Mapping[str, datetime] | None = None
) -> dict[str, BankProgress]:
    """Bank id → this learner's progress there; banks never touched are absent.

    `last_answers` (bank id → the last answer's time) spares a query to a caller that has
    read them already (the progress page, with its tallies by bank)."""
    best = _best_scores(session, learner_id)
    last = _last_attempts(session, learner_id) if last_answers is None else last_answers
    mastered = mastered_by_bank(session, learner_id)
    return {
        bank: BankProgress(best.get(bank), last.get(bank), frozenset(mastered.get(bank, ())))
        for bank in best.keys() | last.keys() | mastered.keys()
    }


def run_score(total_score: float, question_count: int) -> float:
    return total_score / question_count if question_count else 0.0


def _best_scores(session: Session, learner_id: int) -> dict[str, float]:
    best: dict[str, float] = {}
    for bank_id, question_ids, total in session.execute(_best_query(), {"learner": learner_id}):
        score = run_score(float(total or 0), len(question_ids))
        best[bank_id] = max(score, best.get(bank_id, 0.0))
    return best


def _last_attempts(session: Session, learner_id: int) -> dict[str, datetime]:
    return dict(session.execute(_last_query(), {"learner": learner_id}).all())


# Both built once per process (see quiz.storage.stats): every progress and home page reads them.
@functools.cache
def _best_query() -> Any:
    # One query: each finished run's bank, its questions and its total score (grouping by the
    # run's primary key lets both backends return the run's other columns).
    return (
        select(QuizRun.bank_id, QuizRun.question_ids, func.sum(Attempt.score))
        .join(Attempt, Attempt.run_id == QuizRun.id)
        .where(QuizRun.learner_id == bindparam("learner"), QuizRun.finished_at.is_not(None))
        .group_by(QuizRun.id)
    )


@functools.cache
def _last_query() -> Any:
    return (
        select(ProgressDay.bank_id, func.max(ProgressDay.last_at))
        .where(ProgressDay.learner_id == bindparam("learner"))
        .group_by(ProgressDay.bank_id)
    )
