"""What "mastered" means, in one place: the help, home and progress pages all use this."""

from __future__ import annotations

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from quiz.storage.models import Attempt, counted_attempts_of

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
    history: dict[tuple[str, str], list[bool]] = {}
    for bank, question, correct in session.execute(_recent_answers(learner_id, bank_id)):
        history.setdefault((bank, question), []).append(bool(correct))
    mastered: dict[str, set[str]] = {}
    for (bank, question), answers in history.items():
        if is_mastered(answers):
            mastered.setdefault(bank, set()).add(question)
    return mastered


def mastered_question_ids(session: Session, learner_id: int, bank_id: str) -> set[str]:
    return mastered_by_bank(session, learner_id, bank_id).get(bank_id, set())


def _recent_answers(learner_id: int, bank_id: str | None) -> Select[str, str, bool]:
    # A window function keeps only each question's last few answers in the database,
    # however long the history grows.
    newest = func.row_number().over(
        partition_by=(Attempt.bank_id, Attempt.question_id),
        order_by=(Attempt.answered_at.desc(), Attempt.id.desc()),
    )
    where = [counted_attempts_of(learner_id)]
    if bank_id is not None:
        where.append(Attempt.bank_id == bank_id)
    ranked = (
        select(Attempt.bank_id, Attempt.question_id, Attempt.correct, newest.label("rank"))
        .where(*where)
        .subquery()
    )
    return (
        select(ranked.c.bank_id, ranked.c.question_id, ranked.c.correct)
        .where(ranked.c.rank <= MASTERY_STREAK)
        .order_by(ranked.c.bank_id, ranked.c.question_id, ranked.c.rank)
    )
