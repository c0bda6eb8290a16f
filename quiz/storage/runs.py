"""Quiz runs and the attempts recorded in them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quiz.core.verdict import Verdict
from quiz.storage.figures import count_answer, rebuild_figures
from quiz.storage.models import Attempt, QuizRun, utcnow


class SeatTakenError(ValueError):
    """Another run took this seat of a capped exam first (two starts racing)."""


def start_run(
    session: Session,
    learner_id: int,
    bank_id: str,
    question_ids: Sequence[str],
    options: dict[str, Any] | None = None,
    seat: int | None = None,
) -> QuizRun:
    """A new run asking `question_ids` in that order.

    `seat` numbers the run among this learner's runs of a capped exam; SeatTakenError if a
    run already holds it (the request's other work stands: only a savepoint is rolled back).
    """
    run = QuizRun(
        learner_id=learner_id,
        bank_id=bank_id,
        question_ids=list(question_ids),
        options=options or {},
        seat=seat,
    )
    if seat is None:
        session.add(run)
        session.flush()
        return run
    try:
        with session.begin_nested():
            session.add(run)
    except IntegrityError as error:
        raise SeatTakenError(f"seat {seat} of bank {bank_id!r} is taken") from error
    return run


def runs_started(session: Session, learner_id: int, bank_id: str) -> int:
    """How many runs of `bank_id` this learner has started (finished or not)."""
    query = select(func.count(QuizRun.id)).where(
        QuizRun.learner_id == learner_id, QuizRun.bank_id == bank_id
    )
    return session.scalar(query) or 0


def latest_run(session: Session, learner_id: int, bank_id: str) -> QuizRun | None:
    """This learner's most recent run of `bank_id`, if any."""
    query = (
        select(QuizRun)
        .where(QuizRun.learner_id == learner_id, QuizRun.bank_id == bank_id)
        .order_by(QuizRun.id.desc())
        .limit(1)
    )
    return session.scalar(query)


def get_run(session: Session, run_id: int) -> QuizRun | None:
    return session.get(QuizRun, run_id)


def finish_run(session: Session, run: QuizRun, now: datetime | None = None) -> QuizRun:
    """Mark `run` finished (once: finishing again keeps the first time); its sealed attempts
    (an exam's) count in progress from now on."""
    if run.finished_at is None:
        run.finished_at = now or utcnow()
        unsealed = session.execute(
            update(Attempt)
            .where(Attempt.run_id == run.id, Attempt.sealed.is_(True))
            .values(sealed=False)
        )
        if unsealed.rowcount:  # type: ignore[attr-defined]
            rebuild_figures(session, run.learner_id, run.bank_id)
        session.flush()
    return run


def record_attempt(
    session: Session,
    *,
    learner_id: int,
    bank_id: str,
    question_id: str,
    response: Any,
    verdict: Verdict,
    run_id: int | None = None,
    position: int | None = None,
    time_taken_ms: int | None = None,
    answered_at: datetime | None = None,
    sealed: bool = False,
) -> Attempt:
    """Save one answer; for a run item already answered, return the attempt saved first.

    A double click or a retried POST submits the same item twice. The UNIQUE(run_id,
    position) constraint is what decides, even between two workers racing, so we try the
    insert in a savepoint and, when it collides, roll back just that savepoint (the rest of
    the request's work stands) and hand back the stored attempt: the learner sees the same
    verdict twice and the score counts once.
    """
    attempt = Attempt(
        run_id=run_id,
        learner_id=learner_id,
        bank_id=bank_id,
        question_id=question_id,
        position=position,
        response=response,
        correct=verdict.correct,
        score=verdict.score,
        verdict=verdict.to_dict(),
        time_taken_ms=time_taken_ms,
        answered_at=answered_at or utcnow(),  # passed in by imports and tests
        sealed=sealed,
    )
    if run_id is None:  # no run, no (run, position) to collide on: skip the savepoint
        session.add(attempt)
        session.flush()
        return _counted(session, attempt, latest=answered_at is None)
    try:
        with session.begin_nested():
            session.add(attempt)
    except IntegrityError:
        existing = _attempt_at(session, run_id, position)
        if existing is None:  # some other constraint failed: not a double submission
            raise
        return existing
    return _counted(session, attempt, latest=answered_at is None)


def _counted(session: Session, attempt: Attempt, latest: bool) -> Attempt:
    """Add a new attempt to the progress figures (a sealed one waits for its run's end)."""
    if attempt.sealed:
        return attempt
    if latest:
        count_answer(
            session, attempt.learner_id, attempt.bank_id, attempt.question_id, attempt.correct,
            attempt.answered_at, partly=attempt.score > 0,
        )  # fmt: skip
    else:  # an answer dated in the past (an import, a test) may not be the newest: recount
        rebuild_figures(session, attempt.learner_id, attempt.bank_id)
    return attempt


def attempts_for_run(session: Session, run_id: int) -> list[Attempt]:
    """The run's attempts in the order asked."""
    query = select(Attempt).where(Attempt.run_id == run_id).order_by(Attempt.position, Attempt.id)
    return list(session.scalars(query))


def _attempt_at(session: Session, run_id: int | None, position: int | None) -> Attempt | None:
    if run_id is None or position is None:
        return None
    query = select(Attempt).where(Attempt.run_id == run_id, Attempt.position == position)
    return session.scalar(query)
