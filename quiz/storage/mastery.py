"""What "mastered" means, in one place: the help, home and progress pages all use this."""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from quiz.storage.models import ProgressQuestion

MASTERY_STREAK = 2
MASTERY_DEFINITION = (
    f"A question is mastered when your last {MASTERY_STREAK} answers to it were both correct."
)


def is_mastered(recent_first: list[bool]) -> bool:
    """Whether a question's answers, newest first, make it mastered."""
    recent = recent_first[:MASTERY_STREAK]
    return len(recent) == MASTERY_STREAK and all(recent)


def mastered_by_bank(
    session: Session, learner_id: int, bank_id: str | None = None
) -> dict[str, set[str]]:
    """Bank id → the question ids this learner has mastered there (one bank, or all)."""
    params: dict[str, object] = {"learner": learner_id, "streak": MASTERY_STREAK}
    if bank_id is not None:
        params["bank"] = bank_id
    rows = session.execute(_mastered_query(bank_id is not None), params)
    mastered: dict[str, set[str]] = {}
    for bank, question in rows:
        mastered.setdefault(bank, set()).add(question)
    return mastered


def mastered_question_ids(session: Session, learner_id: int, bank_id: str) -> set[str]:
    return mastered_by_bank(session, learner_id, bank_id).get(bank_id, set())


@functools.cache
def _mastered_query(one_bank: bool) -> Any:
    # Built once per process (see quiz.storage.stats): the page reads it on every view.
    figures = ProgressQuestion
    query = select(figures.bank_id, figures.question_id).where(
        figures.learner_id == bindparam("learner"), figures.right_streak >= bindparam("streak")
    )
    return query.where(figures.bank_id == bindparam("bank")) if one_bank else query
