"""Answering a question: grade the response, save the attempt once; what past answers say.

The quiz pages and the JSON API both answer through here, so a question is graded and
recorded the same way whichever door the answer came in by.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from quiz.core.bank import Question
from quiz.core.grading import grade
from quiz.core.scheduling import DEFAULT_RETENTION
from quiz.core.verdict import Verdict
from quiz.storage.cards import review_from_quiz
from quiz.storage.engine import begin_write
from quiz.storage.models import Attempt, QuizRun, counted_attempts_of
from quiz.storage.runs import record_attempt

T = TypeVar("T")

SQLITE_TRIES = 6
SQLITE_BACKOFF_S = 0.02


class PositionError(ValueError):
    """A run has no such position, or another question sits there."""


def answer_question(
    session: Session,
    run: QuizRun,
    position: int,
    question: Question,
    response: Any,
    time_taken_ms: int | None = None,
    default_retention: float = DEFAULT_RETENTION,
    sealed: bool = False,
) -> Attempt:
    """Grade and record the answer at `position` (1-based) of `run`.

    An already answered position returns its first attempt unchanged, without grading the
    new response: a re-post, a reload or going back never changes the score. Raises
    ResponseError for a wrongly shaped response (nothing is saved then). A `sealed` answer
    (an exam's) stays out of progress until its run ends and is no flashcard review.
    """
    _check_position(run, position, question)
    return retry_on_sqlite_lock(
        session,
        lambda: _answer_once(
            session, run, position, question, response, time_taken_ms, default_retention, sealed
        ),
    )


def retry_on_sqlite_lock(session: Session, operation: Callable[[], T]) -> T:
    """Run a write `operation`, starting afresh when SQLite refuses it for a concurrent writer.

    SQLite refuses at once, without waiting, to turn a read transaction into a write when
    another connection wrote meanwhile (its busy timeout doesn't apply then): roll back, let
    the other writer commit, and run the operation again on a fresh snapshot.
    """
    for tried in range(1, SQLITE_TRIES):
        try:
            return operation()
        except OperationalError as error:
            if not _sqlite_lock(session, error):
                raise
            session.rollback()
            time.sleep(SQLITE_BACKOFF_S * tried)
    return operation()


def _answer_once(
    session: Session,
    run: QuizRun,
    position: int,
    question: Question,
    response: Any,
    time_taken_ms: int | None,
    default_retention: float,
    sealed: bool,
) -> Attempt:
    existing = attempt_at(session, run.id, position)
    if existing is not None:
        return existing
    verdict = grade(question, response)
    begin_write(session)
    existing = attempt_at(session, run.id, position)  # again, now that we hold the write lock
    if existing is not None:
        return existing
    return _record_and_review(
        session, run.learner_id, run.bank_id, question, response, verdict,
        run_id=run.id, position=position, time_taken_ms=time_taken_ms,
        default_retention=default_retention, sealed=sealed,
    )  # fmt: skip


def answer_outside_run(
    session: Session,
    learner_id: int,
    bank_id: str,
    question: Question,
    response: Any,
    default_retention: float = DEFAULT_RETENTION,
) -> Attempt:
    """Grade and record a one-off answer (the API's), which belongs to no run.

    Like a quiz answer, it is also a review of the question's flashcard.
    """
    verdict = grade(question, response)

    def write() -> Attempt:
        begin_write(session)
        return _record_and_review(
            session, learner_id, bank_id, question, response, verdict,
            default_retention=default_retention,
        )  # fmt: skip

    return retry_on_sqlite_lock(session, write)


def _record_and_review(
    session: Session,
    learner_id: int,
    bank_id: str,
    question: Question,
    response: Any,
    verdict: Verdict,
    *,
    run_id: int | None = None,
    position: int | None = None,
    time_taken_ms: int | None = None,
    default_retention: float = DEFAULT_RETENTION,
    sealed: bool = False,
) -> Attempt:
    attempt = record_attempt(
        session, learner_id=learner_id, bank_id=bank_id, question_id=question.id,
        response=response, verdict=verdict, run_id=run_id, position=position,
        time_taken_ms=time_taken_ms, sealed=sealed,
    )  # fmt: skip
    if sealed:  # an exam has no flashcards: its answers schedule nothing
        return attempt
    # An answer is also a review of the question's flashcard (one memory for both).
    review_from_quiz(
        session, learner_id, bank_id, question.id, verdict, time_taken_ms, attempt.answered_at,
        default_retention,
    )  # fmt: skip
    return attempt


def attempt_at(session: Session, run_id: int, position: int) -> Attempt | None:
    query = select(Attempt).where(Attempt.run_id == run_id, Attempt.position == position)
    return session.scalar(query)


def missed_question_ids(session: Session, learner_id: int, bank_id: str) -> set[str]:
    """The questions of `bank_id` whose latest answer by this learner was wrong."""
    newest = func.row_number().over(
        partition_by=Attempt.question_id,
        order_by=(Attempt.answered_at.desc(), Attempt.id.desc()),
    )
    ranked = (
        select(Attempt.question_id, Attempt.correct, newest.label("rank"))
        .where(counted_attempts_of(learner_id), Attempt.bank_id == bank_id)
        .subquery()
    )
    query = select(ranked.c.question_id).where(ranked.c.rank == 1, ranked.c.correct.is_(False))
    return set(session.scalars(query))


def _sqlite_lock(session: Session, error: OperationalError) -> bool:
    return session.get_bind().dialect.name == "sqlite" and "locked" in str(error.orig)


def _check_position(run: QuizRun, position: int, question: Question) -> None:
    if not 1 <= position <= len(run.question_ids):
        raise PositionError(f"run {run.id} has no position {position}")
    if run.question_ids[position - 1] != question.id:
        raise PositionError(
            f"position {position} of run {run.id} asks '{run.question_ids[position - 1]}', "
            f"not '{question.id}'"
        )
