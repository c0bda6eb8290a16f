"""The progress page's queries, on SQLite and PostgreSQL, against hand-counted answers."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from quiz.core.verdict import Verdict
from quiz.storage import create_learner, record_attempt
from quiz.storage.stats import (
    Streak,
    day_tallies,
    streaks,
    tally_by_bank,
    total_of,
    weakest_questions,
)

# (bank, question, right?, when): 10 answers over 4 UTC days with a gap on 12 April.
HISTORY = [
    ("drills", "a", False, datetime(2025, 4, 10, 8, 0, tzinfo=UTC)),
    ("drills", "a", True, datetime(2025, 4, 10, 8, 5, tzinfo=UTC)),
    ("drills", "b", True, datetime(2025, 4, 10, 8, 6, tzinfo=UTC)),
    ("drills", "a", True, datetime(2025, 4, 11, 0, 0, tzinfo=UTC)),
    ("drills", "c", False, datetime(2025, 4, 11, 12, 0, tzinfo=UTC)),
    ("timeline", "x", True, datetime(2025, 4, 13, 9, 0, tzinfo=UTC)),
    ("timeline", "x", True, datetime(2025, 4, 13, 9, 1, tzinfo=UTC)),
    ("timeline", "y", False, datetime(2025, 4, 13, 9, 2, tzinfo=UTC)),
    ("timeline", "y", False, datetime(2025, 4, 13, 9, 3, tzinfo=UTC)),
    # Late evening UTC: already the 15th in Tokyo, still the 14th here.
    ("drills", "b", True, datetime(2025, 4, 14, 23, 30, tzinfo=UTC)),
]


def answer(db: Session, learner_id: int, bank: str, question: str, right: bool, when: datetime):
    record_attempt(
        db,
        learner_id=learner_id,
        bank_id=bank,
        question_id=question,
        response="x",
        verdict=Verdict(correct=right, score=float(right), expected="x", feedback=""),
        answered_at=when,
    )


@pytest.fixture
def learner_id(db: Session) -> int:
    ada, bob = create_learner(db), create_learner(db)
    for row in HISTORY:
        answer(db, ada.id, *row)
    # Someone else's answers on other days must never show up in ada's numbers.
    answer(db, bob.id, "drills", "c", False, datetime(2025, 4, 12, 10, 0, tzinfo=UTC))
    db.commit()
    if db.get_bind().dialect.name == "postgresql":
        # A server in another zone must still count days in UTC (SET LOCAL: this test only).
        db.execute(text("SET LOCAL TIME ZONE 'Asia/Tokyo'"))
    return ada.id


def test_totals(db: Session, learner_id: int) -> None:
    total = total_of(tally_by_bank(db, learner_id).values())
    assert (total.attempts, total.correct, total.accuracy) == (10, 6, pytest.approx(0.6))


def test_totals_count_partly_right_answers_apart(db: Session) -> None:
    learner = create_learner(db)
    for score in (1.0, 0.5, 0.25, 0.0):
        verdict = Verdict(correct=score == 1.0, score=score, expected="x", feedback="")
        record_attempt(
            db, learner_id=learner.id, bank_id="b", question_id="q", response="x",
            verdict=verdict, answered_at=datetime(2025, 4, 10, tzinfo=UTC),
        )  # fmt: skip
    db.commit()
    total = total_of(tally_by_bank(db, learner.id).values())
    assert (total.attempts, total.correct, total.partly) == (4, 1, 2)


def test_totals_of_a_learner_without_answers(db: Session) -> None:
    total = total_of(tally_by_bank(db, create_learner(db).id).values())
    assert (total.attempts, total.correct, total.accuracy) == (0, 0, None)


def test_tally_by_bank(db: Session, learner_id: int) -> None:
    banks = tally_by_bank(db, learner_id)
    assert sorted(banks) == ["drills", "timeline"]
    drills, timeline = banks["drills"], banks["timeline"]
    assert (drills.attempts, drills.correct) == (6, 4)
    assert drills.accuracy == pytest.approx(4 / 6)
    assert drills.last_at == datetime(2025, 4, 14, 23, 30, tzinfo=UTC)
    assert (timeline.attempts, timeline.correct) == (4, 2)
    assert timeline.last_at == datetime(2025, 4, 13, 9, 3, tzinfo=UTC)


def test_day_tallies_are_utc_days_with_answers_oldest_first(db: Session, learner_id: int) -> None:
    days = [(d.day, d.attempts, d.correct) for d in day_tallies(db, learner_id)]
    assert days == [
        (date(2025, 4, 10), 3, 2),
        (date(2025, 4, 11), 2, 1),
        (date(2025, 4, 13), 4, 2),
        (date(2025, 4, 14), 1, 1),
    ]


def test_weakest_questions_lowest_accuracy_then_most_answered(db: Session, learner_id: int) -> None:
    weakest = [
        (q.bank_id, q.question_id, q.attempts, q.correct) for q in weakest_questions(db, learner_id)
    ]
    # Never-missed questions (drills/b, timeline/x) are not weak at all.
    assert weakest == [
        ("timeline", "y", 2, 0),
        ("drills", "c", 1, 0),
        ("drills", "a", 3, 2),
    ]


def test_weakest_questions_limit(db: Session, learner_id: int) -> None:
    assert [q.question_id for q in weakest_questions(db, learner_id, limit=1)] == ["y"]


def days(*numbers: int) -> list[date]:
    return [date(2025, 4, n) for n in numbers]


@pytest.mark.parametrize(
    ("active", "today", "expected"),
    [
        ([], date(2025, 4, 14), Streak(0, 0)),
        (days(14), date(2025, 4, 14), Streak(1, 1)),
        (days(10, 11, 13, 14), date(2025, 4, 14), Streak(2, 2)),
        # Nothing yet today: yesterday's streak is still alive.
        (days(10, 11, 13, 14), date(2025, 4, 15), Streak(2, 2)),
        (days(10, 11, 13, 14), date(2025, 4, 16), Streak(0, 2)),
        (days(1, 2, 3, 4, 10, 11), date(2025, 4, 11), Streak(2, 4)),
        (days(1, 2, 3, 4, 10, 11), date(2025, 4, 20), Streak(0, 4)),
        (days(1, 3, 5), date(2025, 4, 5), Streak(1, 1)),
    ],
)
def test_streaks(active: list[date], today: date, expected: Streak) -> None:
    assert streaks(active, today) == expected
