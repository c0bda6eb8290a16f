"""A bank's attempts as plain rows for the item analysis, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from quiz.core.verdict import Verdict
from quiz.storage import create_learner, record_attempt
from quiz.storage.item_rows import attempt_rows, attempts_after

START = datetime(2026, 1, 5, 9, tzinfo=UTC)


def test_rows_of_a_bank_or_one_question_oldest_first(db: Session) -> None:
    ada, bob = create_learner(db), create_learner(db)
    answers = [  # (learner, bank, question, response, right, minutes after START)
        (bob, "sample", "q2", ["b", "a"], False, 2),
        (ada, "sample", "q1", "Paris", True, 0),
        (ada, "other", "q1", "Rome", False, 1),
        (bob, "sample", "q1", "paris!", True, 3),
    ]
    for learner, bank, question, response, right, minutes in answers:
        record_attempt(
            db, learner_id=learner.id, bank_id=bank, question_id=question, response=response,
            verdict=Verdict(right, float(right), "Paris", "Right." if right else "No."),
            time_taken_ms=1500, answered_at=START + timedelta(minutes=minutes),
        )  # fmt: skip
    db.commit()
    rows = attempt_rows(db, "sample")
    # only wrong answers carry their response, expected answer and feedback (all that's read)
    assert [(r.learner_id, r.question_id, r.response) for r in rows] == [
        (ada.id, "q1", None),
        (bob.id, "q2", ["b", "a"]),
        (bob.id, "q1", None),
    ]
    first, wrong = rows[0], rows[1]
    assert (first.correct, first.score, first.time_taken_ms) == (True, 1.0, 1500)
    assert (first.expected, first.feedback, first.answered_at) == ("", "", START)
    assert (wrong.correct, wrong.score, wrong.expected, wrong.feedback) == (
        False,
        0.0,
        "Paris",
        "No.",
    )
    assert [r.learner_id for r in attempt_rows(db, "sample", "q1")] == [ada.id, bob.id]
    assert attempt_rows(db, "none") == []


def test_attempts_after_pages_a_bank_by_id(db: Session) -> None:
    ada = create_learner(db)
    for n, bank in enumerate(["sample", "other", "sample", "sample", "other", "sample"]):
        record_attempt(
            db, learner_id=ada.id, bank_id=bank, question_id="q1", response=str(n),
            verdict=Verdict(False, 0.0, "Paris", "No."), time_taken_ms=None,
            answered_at=START - timedelta(minutes=n),  # newer ids answered earlier: ids rule
        )  # fmt: skip
    db.commit()
    pages, after = [], 0
    while page := attempts_after(db, "sample", after, 3):
        pages.append([attempt.response for attempt in page])
        after = page[-1].id
    assert pages == [["0", "2", "3"], ["5"]]
    assert attempts_after(db, "none", 0, 3) == []
