"""Answering a question: grade the response, save the attempt once; what past answers say.

The quiz pages and the JSON API both answer through here, so a question is graded and
recorded the same way whichever door the answer came in by. An answer reads what it needs
(grading, the learner's scheduler settings) before taking the write lock, then writes the
attempt, the card review and the progress figures in one short transaction, in Core
(`quiz.storage.answer_writes`). SQLite writers queue on BEGIN IMMEDIATE and the OS write
lock (`quiz.storage.engine`), so no retry loop is needed for a read turned write.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from quiz.core.bank import Question
from quiz.core.grading import grade
from quiz.core.scheduling import DEFAULT_RETENTION
from quiz.core.verdict import Verdict
from quiz.storage.answer_writes import (
    count_new_attempt,
    insert_attempt,
    review_inputs,
    write_review,
)
from quiz.storage.engine import begin_write
from quiz.storage.models import Attempt, QuizRun, counted_attempts_of, utcnow
from quiz.storage.run_pages import RunPage


class PositionError(ValueError):
    """A run has no such position, or another question sits there."""


def answer_question(
    session: Session,
    run: QuizRun | RunPage,
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
    # A RunPage was read with whether this position is answered: no need to ask again.
    known_open = isinstance(run, RunPage) and not run.answered
    existing = None if known_open else attempt_at(session, run.id, position)
    if existing is not None:
        return existing
    answer = Answer(run.learner_id, run.bank_id, question.id, response, time_taken_ms)
    stored = _answer(session, answer, grade(question, response), default_retention, sealed,
                     (run.id, position))  # fmt: skip
    # None: a racing request answered this position first; theirs stands.
    return stored or attempt_at(session, run.id, position)  # type: ignore[return-value]


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
    answer = Answer(learner_id, bank_id, question.id, response, None)
    stored = _answer(session, answer, grade(question, response), default_retention)
    assert stored is not None  # without a run there is no position to collide on
    return stored


@dataclass(frozen=True)
class Answer:
    learner_id: int
    bank_id: str
    question_id: str
    response: Any
    time_taken_ms: int | None


def _answer(
    session: Session,
    answer: Answer,
    verdict: Verdict,
    default_retention: float,
    sealed: bool = False,
    place: tuple[int, int] | None = None,
) -> Attempt | None:
    """Read, decide, write: the graded answer saved with its card review and figures in one
    write transaction; None if its run position was answered meanwhile."""
    inputs = None
    if not sealed:  # an exam has no flashcards: its answers schedule nothing
        inputs = review_inputs(
            session, answer.learner_id, verdict, answer.time_taken_ms, default_retention
        )
    begin_write(session)
    values = _attempt_values(answer, verdict, sealed, place)
    attempt_id = insert_attempt(session, values)
    if attempt_id is None:
        return None
    if inputs is not None:
        key = (answer.learner_id, answer.bank_id, answer.question_id)
        write_review(session, key, verdict, answer.time_taken_ms, values["answered_at"], inputs)
    count_new_attempt(session, values)
    return Attempt(id=attempt_id, **values)


def _attempt_values(
    answer: Answer, verdict: Verdict, sealed: bool, place: tuple[int, int] | None
) -> dict[str, Any]:
    run_id, position = place if place else (None, None)
    return {
        "run_id": run_id, "position": position, "learner_id": answer.learner_id,
        "bank_id": answer.bank_id, "question_id": answer.question_id,
        "response": answer.response, "correct": verdict.correct, "score": verdict.score,
        "verdict": verdict.to_dict(), "time_taken_ms": answer.time_taken_ms,
        "answered_at": utcnow(), "sealed": sealed,
    }  # fmt: skip


def attempt_at(session: Session, run_id: int, position: int) -> Attempt | None:
    found: Attempt | None = session.scalar(
        _attempt_at_query(), {"run": run_id, "position": position}
    )
    return found


@functools.cache
def _attempt_at_query() -> Any:
    # Built once per process: every answered question page reads it.
    return select(Attempt).where(
        Attempt.run_id == bindparam("run"), Attempt.position == bindparam("position")
    )


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


def _check_position(run: QuizRun | RunPage, position: int, question: Question) -> None:
    if not 1 <= position <= len(run.question_ids):
        raise PositionError(f"run {run.id} has no position {position}")
    if run.question_ids[position - 1] != question.id:
        raise PositionError(
            f"position {position} of run {run.id} asks '{run.question_ids[position - 1]}', "
            f"not '{question.id}'"
        )
