"""Mastery (last two answers right) and the per-bank progress the home page shows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from quiz.core.verdict import Verdict
from quiz.storage import (
    create_learner,
    finish_run,
    is_mastered,
    mastered_by_bank,
    mastered_question_ids,
    progress_by_bank,
    record_attempt,
    start_run,
)
from quiz.storage.models import Attempt

START = datetime(2025, 4, 14, 9, 0, tzinfo=UTC)


def verdict(correct: bool, score: float | None = None) -> Verdict:
    value = float(correct) if score is None else score
    return Verdict(correct=correct, score=value, expected="x", feedback="")


@pytest.mark.parametrize(
    ("newest_first", "expected"),
    [
        ([], False),
        ([True], False),
        ([True, True], True),
        ([True, True, False], True),
        ([True, False, True], False),
        ([False, True, True], False),
    ],
)
def test_is_mastered(newest_first: list[bool], expected: bool) -> None:
    assert is_mastered(newest_first) is expected


def answer_history(
    db: Session, learner_id: int, bank: str, question: str, oldest_first: list[bool]
) -> None:
    for minutes, correct in enumerate(oldest_first):
        attempt = record_attempt(
            db,
            learner_id=learner_id,
            bank_id=bank,
            question_id=question,
            response="x",
            verdict=verdict(correct),
            answered_at=START + timedelta(minutes=minutes),
        )
        assert attempt.answered_at == START + timedelta(minutes=minutes)
    db.flush()


def test_mastered_looks_at_the_latest_two_answers_per_question(db: Session) -> None:
    learner = create_learner(db)
    answer_history(db, learner.id, "drills", "a", [False, True, True])
    answer_history(db, learner.id, "drills", "b", [True, True, False])
    answer_history(db, learner.id, "drills", "c", [True])
    answer_history(db, learner.id, "timeline", "a", [True, True])
    db.commit()
    assert mastered_by_bank(db, learner.id) == {"drills": {"a"}, "timeline": {"a"}}
    assert mastered_question_ids(db, learner.id, "drills") == {"a"}
    assert mastered_question_ids(db, learner.id, "nothing") == set()


def test_another_learners_answers_do_not_count(db: Session) -> None:
    ada, bob = create_learner(db), create_learner(db)
    answer_history(db, bob.id, "drills", "a", [True, True])
    db.commit()
    assert mastered_by_bank(db, ada.id) == {}


def test_progress_best_score_counts_finished_runs_only(db: Session) -> None:
    learner = create_learner(db)
    scores = {"finished-half": [1.0, 0.0], "finished-best": [1.0, 0.5], "open": [1.0, 1.0]}
    for name, run_scores in scores.items():
        run = start_run(db, learner.id, "drills", ["a", "b"], {"name": name})
        for position, score in enumerate(run_scores):
            record_attempt(
                db,
                learner_id=learner.id,
                bank_id="drills",
                question_id="ab"[position],
                response="x",
                verdict=verdict(score == 1.0, score),
                run_id=run.id,
                position=position,
            )
        if name != "open":
            finish_run(db, run)
    db.commit()
    progress = progress_by_bank(db, learner.id)["drills"]
    assert progress.best_score == pytest.approx(0.75)
    assert progress.mastered == {"a"}
    assert progress.last_attempt_at is not None and progress.last_attempt_at.tzinfo is not None


def test_progress_last_attempt_is_the_newest(db: Session) -> None:
    learner = create_learner(db)
    answer_history(db, learner.id, "drills", "a", [False, False, False])
    db.commit()
    progress = progress_by_bank(db, learner.id)
    assert list(progress) == ["drills"]
    assert progress["drills"].last_attempt_at == START + timedelta(minutes=2)
    assert progress["drills"].best_score is None


def test_no_history_means_no_progress(db: Session) -> None:
    assert progress_by_bank(db, create_learner(db).id) == {}


def test_attempt_rejects_naive_datetimes(db: Session) -> None:
    learner = create_learner(db)
    attempt = record_attempt(
        db,
        learner_id=learner.id,
        bank_id="b",
        question_id="q",
        response=None,
        verdict=verdict(True),
    )
    attempt.answered_at = datetime(2025, 1, 1)  # noqa: DTZ001 - the point of the test
    with pytest.raises(Exception, match="naive datetime"):
        db.flush()
    assert isinstance(attempt, Attempt)
