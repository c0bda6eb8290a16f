"""Runs and attempts: the order asked, finishing once, and double submissions counted once."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quiz.core.verdict import Verdict
from quiz.storage import (
    Attempt,
    attempts_for_run,
    create_learner,
    finish_run,
    get_run,
    record_attempt,
    start_run,
)

RIGHT = Verdict(correct=True, score=1.0, expected="201", feedback="Right.")
WRONG = Verdict(correct=False, score=0.0, expected="201", feedback="Not quite.", forgiven=("typo",))


def answer(
    db: Session, run_id: int, learner_id: int, position: int, response: str, verdict: Verdict
) -> Attempt:
    return record_attempt(
        db,
        learner_id=learner_id,
        bank_id="sample",
        question_id=f"q{position}",
        response=response,
        verdict=verdict,
        run_id=run_id,
        position=position,
        time_taken_ms=1200,
    )


def test_run_keeps_questions_in_order_and_options(db: Session) -> None:
    learner = create_learner(db)
    run = start_run(db, learner.id, "sample", ["b", "a", "c"], {"shuffle": True, "count": 3})
    db.commit()
    db.expire_all()
    again = get_run(db, run.id)
    assert again is not None
    assert (again.question_ids, again.options) == (["b", "a", "c"], {"shuffle": True, "count": 3})
    assert again.finished_at is None


def test_attempt_saves_the_verdict(db: Session) -> None:
    learner = create_learner(db)
    run = start_run(db, learner.id, "sample", ["q0"])
    answer(db, run.id, learner.id, 0, "210", WRONG)
    db.commit()
    db.expire_all()
    [saved] = attempts_for_run(db, run.id)
    assert (saved.correct, saved.score, saved.response) == (False, 0.0, "210")
    assert Verdict.from_dict(saved.verdict) == WRONG
    assert saved.time_taken_ms == 1200


def test_double_submission_is_recorded_once(db: Session) -> None:
    learner = create_learner(db)
    run = start_run(db, learner.id, "sample", ["q0", "q1"])
    first = answer(db, run.id, learner.id, 0, "201", RIGHT)
    db.commit()
    second = answer(db, run.id, learner.id, 0, "999", WRONG)
    db.commit()
    assert second.id == first.id
    assert second.response == "201"
    assert db.scalar(select(func.count()).select_from(Attempt)) == 1


def test_double_submission_keeps_the_rest_of_the_transaction(db: Session) -> None:
    learner = create_learner(db)
    run = start_run(db, learner.id, "sample", ["q0", "q1"])
    answer(db, run.id, learner.id, 0, "201", RIGHT)
    db.commit()
    later = start_run(db, learner.id, "sample", ["q5"])  # pending when the duplicate collides
    answer(db, run.id, learner.id, 0, "201", RIGHT)
    db.commit()
    assert get_run(db, later.id) is not None


def test_attempts_come_back_in_run_order(db: Session) -> None:
    learner = create_learner(db)
    run = start_run(db, learner.id, "sample", ["q0", "q1", "q2"])
    for position in (2, 0, 1):
        answer(db, run.id, learner.id, position, "x", RIGHT)
    db.commit()
    assert [a.position for a in attempts_for_run(db, run.id)] == [0, 1, 2]


def test_attempts_outside_a_run_are_never_deduplicated(db: Session) -> None:
    learner = create_learner(db)
    for _ in range(2):
        record_attempt(
            db,
            learner_id=learner.id,
            bank_id="sample",
            question_id="q0",
            response="x",
            verdict=RIGHT,
        )
    db.commit()
    assert db.scalar(select(func.count()).select_from(Attempt)) == 2


def test_finish_run_keeps_the_first_time(db: Session) -> None:
    learner = create_learner(db)
    run = start_run(db, learner.id, "sample", ["q0"])
    first = datetime(2025, 4, 18, 12, 0, tzinfo=UTC)
    finish_run(db, run, now=first)
    finish_run(db, run, now=datetime(2025, 4, 19, tzinfo=UTC))
    db.commit()
    db.expire_all()
    finished = get_run(db, run.id)
    assert finished is not None and finished.finished_at is not None
    assert finished.finished_at == first
