"""A run as its question page reads it: the run, its owner's session token and whether the
position is answered, in one indexed query, with no ORM object built.

The question page is the most requested page of a quiz; it used to take three queries (the
run, the learner behind the session, the attempt at the position), each through the ORM.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, and_, bindparam, select
from sqlalchemy.orm import Session

from quiz.storage.models import Attempt, Learner, QuizRun

RUNS, LEARNERS, ATTEMPTS = (cast(Table, m.__table__) for m in (QuizRun, Learner, Attempt))


@dataclass(frozen=True)
class RunPage:
    """What a question page needs of its run. `owner_token` and `owner_username` say whose it
    is (checked against the session by the web layer); `answered`: the position has an answer."""

    id: int
    learner_id: int
    bank_id: str
    question_ids: list[str]
    options: dict[str, Any]
    finished_at: datetime | None
    owner_token: str
    owner_username: str | None
    answered: bool


def run_page(session: Session, run_id: int, position: int) -> RunPage | None:
    """Run `run_id` with its owner and whether `position` is answered; None for no such run."""
    row = (
        session.connection()
        .execute(_run_page_query(), {"run_id": run_id, "position": position})
        .first()
    )
    if row is None:
        return None
    return RunPage(
        row.id, row.learner_id, row.bank_id, row.question_ids, row.options, row.finished_at,
        row.session_token, row.username, answered=row.answer_id is not None,
    )  # fmt: skip


@functools.cache
def _run_page_query() -> Any:
    # Built once per process: on this path building the statement costs more than running it.
    # The join uses the attempt's unique (run_id, position) index.
    attempt_here = and_(
        ATTEMPTS.c.run_id == RUNS.c.id, ATTEMPTS.c.position == bindparam("position")
    )
    return (
        select(
            RUNS.c.id, RUNS.c.learner_id, RUNS.c.bank_id, RUNS.c.question_ids, RUNS.c.options,
            RUNS.c.finished_at, LEARNERS.c.session_token, LEARNERS.c.username,
            ATTEMPTS.c.id.label("answer_id"),
        )
        .join(LEARNERS, LEARNERS.c.id == RUNS.c.learner_id)
        .outerjoin(ATTEMPTS, attempt_here)
        .where(RUNS.c.id == bindparam("run_id"))
    )  # fmt: skip
