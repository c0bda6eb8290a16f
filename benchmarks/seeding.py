"""Data the web benchmark writes straight to the database: a long answer history, and runs
with many open positions for the form row (faster than making either through the pages)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import create_engine, func, insert, select
from sqlalchemy.orm import Session

from quiz.storage.models import Attempt, QuizRun


def learner_of_run(database_url: str, run_id: int) -> int:
    engine = create_engine(database_url)
    with engine.connect() as connection:
        learner_id = connection.execute(
            select(QuizRun.learner_id).where(QuizRun.id == run_id)
        ).scalar_one()
    engine.dispose()
    return int(learner_id)


def seed_attempts(
    database_url: str, learner_id: int, bank: str, question: str, answer: str, count: int
) -> None:
    """`count` answers over 60 days for the learner, a third of them wrong."""
    start = datetime.now(UTC) - timedelta(days=60)
    rows = [
        {
            "learner_id": learner_id,
            "bank_id": bank,
            "question_id": question,
            "response": answer,
            "correct": n % 3 != 0,
            "score": float(n % 3 != 0),
            "verdict": {},
            "time_taken_ms": 4000,
            "answered_at": start + timedelta(minutes=29 * n),
        }
        for n in range(count)
    ]
    engine = create_engine(database_url)
    with Session(engine) as session, session.begin():
        session.execute(insert(Attempt), rows)
        _refresh_figures(session, learner_id)
    engine.dispose()


def _refresh_figures(session: Session, learner_id: int) -> None:
    """Bring the learner's progress figures up to date, as any bulk write must."""
    try:
        from quiz.storage.figures import rebuild_figures
    except ImportError:  # a checkout from before the figures table: nothing to refresh
        return
    rebuild_figures(session, learner_id)


def make_runs(
    database_url: str, learner_id: int, bank: str, question: str, length: int, groups: int,
    per_group: int,
) -> list[list[int]]:  # fmt: skip
    """`groups` lists of `per_group` new runs, each asking `question` `length` times."""
    rows = [
        {"learner_id": learner_id, "bank_id": bank, "question_ids": [question] * length,
         "options": {"layout": "one"}}
        for _ in range(groups * per_group)
    ]  # fmt: skip
    engine = create_engine(database_url)
    with engine.begin() as connection:
        ids = list(connection.execute(insert(QuizRun).returning(QuizRun.id), rows).scalars())
    engine.dispose()
    return [ids[n * per_group : (n + 1) * per_group] for n in range(groups)]


def answers_in_runs(database_url: str, run_ids: list[int]) -> int:
    engine = create_engine(database_url)
    with engine.connect() as connection:
        query = select(func.count(Attempt.id)).where(Attempt.run_id.in_(run_ids))
        count = connection.execute(query).scalar_one()
    engine.dispose()
    return int(count)
