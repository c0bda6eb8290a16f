"""Answering: graded once per run position, whatever is posted after; misses found per question."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from quiz.core.bank import Bank
from quiz.core.banks.loading import load_bank
from quiz.core.errors import ResponseError
from quiz.storage import Attempt, QuizRun, create_learner, make_sessionmaker, start_run
from quiz.storage.answering import (
    PositionError,
    answer_outside_run,
    answer_question,
    missed_question_ids,
)

SAMPLE = Path(__file__).parents[1] / "data" / "banks" / "sample.yaml"


@pytest.fixture(scope="module")
def bank() -> Bank:
    loaded = load_bank(SAMPLE)
    assert loaded.bank is not None
    return loaded.bank


def attempt_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Attempt)) or 0


@pytest.mark.parametrize(
    ("response", "correct", "score"),
    [("Tajikistan", True, 1.0), ("Russia", False, 0.0)],
)
def test_answer_grades_and_records(
    db: Session, bank: Bank, response: str, correct: bool, score: float
) -> None:
    learner = create_learner(db)
    run = start_run(db, learner.id, bank.id, ["drills-country"])
    attempt = answer_question(db, run, 1, bank.question("drills-country"), response, 1234)
    db.commit()
    assert (attempt.correct, attempt.score, attempt.response) == (correct, score, response)
    assert (attempt.run_id, attempt.position, attempt.time_taken_ms) == (run.id, 1, 1234)
    assert attempt.verdict["expected"] == "Tajikistan"


def test_a_second_answer_returns_the_first_unchanged(db: Session, bank: Bank) -> None:
    learner = create_learner(db)
    run = start_run(db, learner.id, bank.id, ["drills-country"])
    question = bank.question("drills-country")
    first = answer_question(db, run, 1, question, "Tajikistan")
    again = answer_question(db, run, 1, question, "Russia")
    malformed = answer_question(db, run, 1, question, ["not", "text"])  # not even graded
    db.commit()
    assert again.id == first.id == malformed.id
    assert (again.correct, again.response) == (True, "Tajikistan")
    assert attempt_count(db) == 1


def test_a_wrong_shape_saves_nothing(db: Session, bank: Bank) -> None:
    learner = create_learner(db)
    run = start_run(db, learner.id, bank.id, ["timeline"])
    with pytest.raises(ResponseError):
        answer_question(db, run, 1, bank.question("timeline"), "not a list")
    assert attempt_count(db) == 0


@pytest.mark.parametrize(("position", "question_id"), [(2, "drills-country"), (1, "timeline")])
def test_position_must_hold_the_question(
    db: Session, bank: Bank, position: int, question_id: str
) -> None:
    learner = create_learner(db)
    run = start_run(db, learner.id, bank.id, ["drills-country"])
    with pytest.raises(PositionError):
        answer_question(db, run, position, bank.question(question_id), "x")


def test_answers_outside_a_run_all_count(db: Session, bank: Bank) -> None:
    learner = create_learner(db)
    question = bank.question("tajik-ties")
    first = answer_outside_run(db, learner.id, bank.id, question, "true")
    second = answer_outside_run(db, learner.id, bank.id, question, "false")
    db.commit()
    assert (first.correct, second.correct, first.run_id) == (False, True, None)
    assert attempt_count(db) == 2


def test_missed_questions_are_those_last_answered_wrong(db: Session, bank: Bank) -> None:
    learner, other = create_learner(db), create_learner(db)
    answers = [
        ("drills-country", "Russia"),  # wrong, then right: not missed
        ("drills-country", "Tajikistan"),
        ("tajik-ties", "false"),  # right, then wrong: missed
        ("tajik-ties", "true"),
        ("base-number", "210"),  # wrong once: missed
    ]
    for question_id, response in answers:
        answer_outside_run(db, learner.id, bank.id, bank.question(question_id), response)
        db.flush()
    answer_outside_run(db, other.id, bank.id, bank.question("drills-end"), "1 May")
    db.commit()
    assert missed_question_ids(db, learner.id, bank.id) == {"tajik-ties", "base-number"}
    assert missed_question_ids(db, learner.id, "other-bank") == set()


def test_two_workers_answering_at_once_record_one_attempt(engine: Engine, bank: Bank) -> None:
    factory = make_sessionmaker(engine)
    with factory() as session:
        learner = create_learner(session)
        run_id = start_run(session, learner.id, bank.id, ["drills-country"]).id
        session.commit()
    barrier = threading.Barrier(2)
    results: list[tuple[int, str]] = []

    def answer(response: str) -> None:
        with factory() as session:
            run = session.get_one(QuizRun, run_id)
            barrier.wait()
            attempt = answer_question(session, run, 1, bank.question("drills-country"), response)
            session.commit()
            results.append((attempt.id, attempt.response))

    threads = [threading.Thread(target=answer, args=(r,)) for r in ("Tajikistan", "Russia")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert len(results) == 2
    assert results[0] == results[1]  # both saw the same, first, attempt
    with factory() as session:
        assert attempt_count(session) == 1
