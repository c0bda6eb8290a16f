"""Learners: anonymous rows, unique usernames, hashed passwords, and merging progress."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quiz.core.verdict import Verdict
from quiz.storage import (
    Attempt,
    Learner,
    QuizRun,
    check_password,
    create_learner,
    find_learner_by_username,
    get_learner,
    merge_learner,
    record_attempt,
    register_learner,
    start_run,
)

RIGHT = Verdict(correct=True, score=1.0, expected="Tajikistan", feedback="Right.")


def test_anonymous_learner_has_no_name_or_password(db: Session) -> None:
    learner = create_learner(db)
    db.commit()
    assert (learner.username, learner.password_hash) == (None, None)
    assert get_learner(db, learner.id) is learner
    assert learner.created_at is not None


def test_password_is_hashed_with_scrypt(db: Session) -> None:
    learner = create_learner(db, "ada", "correct horse")
    assert learner.password_hash is not None
    assert learner.password_hash.startswith("scrypt:")
    assert "correct horse" not in learner.password_hash


@pytest.mark.parametrize(
    ("attempt", "expected"),
    [("correct horse", True), ("Correct horse", False), ("", False)],
)
def test_check_password(db: Session, attempt: str, expected: bool) -> None:
    learner = create_learner(db, "ada", "correct horse")
    assert check_password(learner, attempt) is expected


def test_anonymous_learner_cannot_sign_in(db: Session) -> None:
    assert check_password(create_learner(db), "") is False


def test_usernames_are_unique(db: Session) -> None:
    create_learner(db, "ada", "pw-one-long")
    db.commit()
    with pytest.raises(IntegrityError):
        create_learner(db, "ada", "pw-two-long")


def test_many_anonymous_learners_may_coexist(db: Session) -> None:
    create_learner(db)
    create_learner(db)
    db.commit()
    assert db.scalar(select(func.count()).select_from(Learner)) == 2


def test_find_by_username(db: Session) -> None:
    ada = create_learner(db, "ada", "correct horse")
    db.commit()
    assert find_learner_by_username(db, "ada") is ada
    assert find_learner_by_username(db, "bob") is None


def test_register_keeps_the_same_row(db: Session) -> None:
    learner = create_learner(db)
    run = start_run(db, learner.id, "sample", ["q1"])
    register_learner(db, learner, "ada", "correct horse")
    db.commit()
    assert find_learner_by_username(db, "ada") is learner
    assert run.learner_id == learner.id


def test_merge_moves_runs_and_attempts_and_drops_the_anonymous_row(db: Session) -> None:
    anonymous, ada = create_learner(db), create_learner(db, "ada", "correct horse")
    run = start_run(db, anonymous.id, "sample", ["q1", "q2"])
    record_attempt(
        db,
        learner_id=anonymous.id,
        bank_id="sample",
        question_id="q1",
        response="x",
        verdict=RIGHT,
        run_id=run.id,
        position=0,
    )
    record_attempt(
        db, learner_id=anonymous.id, bank_id="sample", question_id="q9", response="y", verdict=RIGHT
    )
    anonymous_id = anonymous.id
    merge_learner(db, anonymous, ada)
    db.commit()
    db.expire_all()
    assert get_learner(db, anonymous_id) is None
    assert db.scalars(select(QuizRun.learner_id)).all() == [ada.id]
    assert db.scalars(select(Attempt.learner_id)).all() == [ada.id, ada.id]


def test_merging_a_learner_into_itself_changes_nothing(db: Session) -> None:
    ada = create_learner(db, "ada", "correct horse")
    assert merge_learner(db, ada, ada) is ada
    db.commit()
    assert get_learner(db, ada.id) is ada
