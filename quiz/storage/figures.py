"""The progress figures kept beside the answers: per learner, bank and UTC day, and per question.

An answer adds itself to them in the transaction that writes it (two upserts, no read); the
rare writes that change past answers wholesale (finishing an exam, a regrade, merging an
anonymous learner into an account) rebuild the affected learner's figures from the answers.
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Date, Integer, and_, case, cast, delete, func, insert, select
from sqlalchemy.orm import Session

from quiz.storage.engine import dialect_insert_for
from quiz.storage.models import Attempt, ProgressDay, ProgressQuestion, counted_attempts_of


def count_answer(
    session: Session, learner_id: int, bank_id: str, question_id: str, correct: bool,
    answered_at: datetime, *, partly: bool = False,
) -> None:  # fmt: skip
    """Add one new (latest) counted answer to the learner's figures; `partly`: it earned some
    credit without being right."""
    connection, right = session.connection(), int(correct)
    day_upsert, question_upsert = _upserts(connection.dialect.name)
    connection.execute(day_upsert, {
        "learner_id": learner_id, "bank_id": bank_id, "day": utc_date(answered_at),
        "attempts": 1, "correct": right, "partly": int(partly and not correct),
        "last_at": answered_at,
    })  # fmt: skip
    connection.execute(question_upsert, {
        "learner_id": learner_id, "bank_id": bank_id, "question_id": question_id,
        "attempts": 1, "correct": right, "right_streak": right,
    })  # fmt: skip


@functools.cache
def _upserts(dialect: str) -> tuple[Any, Any]:
    """The two INSERT ... ON CONFLICT DO UPDATE statements, built once per backend: building
    a statement costs more than running it on this path."""
    days, questions = ProgressDay.__table__.c, ProgressQuestion.__table__.c
    day = dialect_insert_for(dialect, ProgressDay.__table__)
    day = day.on_conflict_do_update(
        index_elements=["learner_id", "bank_id", "day"],
        set_={
            "attempts": days.attempts + 1,
            "correct": days.correct + day.excluded.correct,
            "partly": days.partly + day.excluded.partly,
            "last_at": case(
                (days.last_at < day.excluded.last_at, day.excluded.last_at), else_=days.last_at
            ),
        },
    )
    question = dialect_insert_for(dialect, ProgressQuestion.__table__)
    question = question.on_conflict_do_update(
        index_elements=["learner_id", "bank_id", "question_id"],
        set_={
            "attempts": questions.attempts + 1,
            "correct": questions.correct + question.excluded.correct,
            "right_streak": case(
                (question.excluded.right_streak > 0, questions.right_streak + 1), else_=0
            ),
        },
    )
    return day, question


def rebuild_figures(session: Session, learner_id: int, bank_id: str | None = None) -> None:
    """Recount the learner's figures (in one bank, or all) from their counted answers."""
    forget_figures(session, learner_id, bank_id)
    where = [counted_attempts_of(learner_id)]
    if bank_id is not None:
        where.append(Attempt.bank_id == bank_id)
    days = [dict(row._mapping) for row in session.execute(_day_rows(session, where))]
    questions = [dict(row._mapping) for row in session.execute(_question_rows(where))]
    if days:
        session.execute(insert(ProgressDay), [_dated(row) for row in days])
    if questions:
        session.execute(insert(ProgressQuestion), questions)


def forget_figures(session: Session, learner_id: int, bank_id: str | None = None) -> None:
    for model in (ProgressDay, ProgressQuestion):
        query = delete(model).where(model.learner_id == learner_id)
        if bank_id is not None:
            query = query.where(model.bank_id == bank_id)
        session.execute(query)


def utc_date(moment: datetime) -> date:
    return moment.astimezone(UTC).date()


def _right() -> ColumnElement[int]:
    # PostgreSQL can't sum booleans; both backends sum a CASE.
    return func.sum(case((Attempt.correct, 1), else_=0))


def _partly() -> ColumnElement[int]:
    # The same three-way reading as Verdict.outcome: some credit without being right.
    return func.sum(case((and_(Attempt.score > 0, Attempt.correct.is_(False)), 1), else_=0))


def _day_rows(session: Session, where: list[ColumnElement[bool]]) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        day: ColumnElement[Any] = cast(func.timezone("UTC", Attempt.answered_at), Date)
    else:
        day = func.date(Attempt.answered_at)  # SQLite stores the UTC time as text
    return (
        select(
            Attempt.learner_id, Attempt.bank_id, day.label("day"),
            func.count(Attempt.id).label("attempts"), _right().label("correct"),
            _partly().label("partly"), func.max(Attempt.answered_at).label("last_at"),
        )
        .where(*where)
        .group_by(Attempt.learner_id, Attempt.bank_id, day)
    )  # fmt: skip


def _question_rows(where: list[ColumnElement[bool]]) -> Any:
    newest = func.row_number().over(
        partition_by=(Attempt.bank_id, Attempt.question_id),
        order_by=(Attempt.answered_at.desc(), Attempt.id.desc()),
    )
    ranked = (
        select(Attempt.learner_id, Attempt.bank_id, Attempt.question_id, Attempt.correct,
               newest.label("rank"))
        .where(*where)
        .subquery()
    )  # fmt: skip
    # The streak: the answers newer than the newest wrong one (all of them if none is wrong).
    first_wrong = func.min(case((ranked.c.correct.is_(False), ranked.c.rank)))
    attempts = func.count()
    return select(
        ranked.c.learner_id, ranked.c.bank_id, ranked.c.question_id,
        attempts.label("attempts"),
        func.sum(case((ranked.c.correct, 1), else_=0)).label("correct"),
        cast(func.coalesce(first_wrong - 1, attempts), Integer).label("right_streak"),
    ).group_by(ranked.c.learner_id, ranked.c.bank_id, ranked.c.question_id)  # fmt: skip


def _dated(row: dict[str, Any]) -> dict[str, Any]:
    # SQLite's date() returns "YYYY-MM-DD" text and max() the stored text; PostgreSQL
    # returns a date and an aware datetime.
    day, last = row["day"], row["last_at"]
    row["day"] = day if isinstance(day, date) else date.fromisoformat(day)
    if not isinstance(last, datetime):
        last = datetime.fromisoformat(last)
    row["last_at"] = last if last.tzinfo else last.replace(tzinfo=UTC)
    return row
