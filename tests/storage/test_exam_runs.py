"""Exam runs in storage: numbered seats refuse a run over the cap, sealed answers stay out of
progress until their run ends and schedule no flashcard."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from quiz.core.bank import Bank
from quiz.core.banks.loading import load_bank
from quiz.storage import (
    QuizRun,
    create_learner,
    finish_run,
    make_sessionmaker,
    mastered_by_bank,
    progress_by_bank,
    start_run,
)
from quiz.storage.answering import answer_question, missed_question_ids
from quiz.storage.models import CardState, ReviewLog
from quiz.storage.runs import SeatTakenError, latest_run, runs_started
from quiz.storage.stats import tally_by_bank, total_of, weakest_questions

EXAM = Path(__file__).parents[1] / "data" / "banks" / "exam.yaml"


@pytest.fixture(scope="module")
def bank() -> Bank:
    loaded = load_bank(EXAM)
    assert loaded.bank is not None and loaded.bank.exam
    return loaded.bank


def test_a_taken_seat_is_refused_and_the_rest_stands(db: Session) -> None:
    learner = create_learner(db)
    first = start_run(db, learner.id, "exam", ["exam-country"], seat=1)
    other = start_run(db, learner.id, "exam", ["exam-ties"])  # uncounted runs share no seat
    with pytest.raises(SeatTakenError):
        start_run(db, learner.id, "exam", ["exam-country"], seat=1)
    db.commit()
    assert runs_started(db, learner.id, "exam") == 2
    assert latest_run(db, learner.id, "exam") == other and first.seat == 1
    assert latest_run(db, learner.id, "sample") is None


def test_two_starts_racing_for_one_seat_make_one_run(engine: Engine) -> None:
    factory = make_sessionmaker(engine)
    with factory() as session:
        learner_id = create_learner(session, "ada", "pw").id
        session.commit()
    barrier, outcomes = threading.Barrier(2), []

    def begin() -> None:
        with factory() as session:
            barrier.wait()
            try:
                start_run(session, learner_id, "exam", ["exam-country"], seat=1)
                session.commit()
                outcomes.append("started")
            except SeatTakenError:
                session.rollback()
                outcomes.append("refused")

    threads = [threading.Thread(target=begin) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert sorted(outcomes) == ["refused", "started"]
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(QuizRun)) == 1


def test_sealed_answers_count_only_once_their_run_ends(db: Session, bank: Bank) -> None:
    learner = create_learner(db)
    run = start_run(db, learner.id, bank.id, ["exam-ties", "exam-country"])
    for position, (question_id, response) in enumerate(
        (("exam-ties", "false"), ("exam-country", "Russia")), 1
    ):
        answer_question(db, run, position, bank.question(question_id), response, sealed=True)
    db.commit()
    assert total_of(tally_by_bank(db, learner.id).values()).attempts == 0
    assert tally_by_bank(db, learner.id) == {} and weakest_questions(db, learner.id) == []
    assert progress_by_bank(db, learner.id) == {} and mastered_by_bank(db, learner.id) == {}
    assert missed_question_ids(db, learner.id, bank.id) == set()
    assert db.scalar(select(func.count()).select_from(CardState)) == 0
    assert db.scalar(select(func.count()).select_from(ReviewLog)) == 0
    finish_run(db, run)
    db.commit()
    assert (
        total_of(tally_by_bank(db, learner.id).values()).attempts,
        total_of(tally_by_bank(db, learner.id).values()).correct,
    ) == (2, 1)
    assert progress_by_bank(db, learner.id)[bank.id].best_score == pytest.approx(0.5)
    assert missed_question_ids(db, learner.id, bank.id) == {"exam-country"}
