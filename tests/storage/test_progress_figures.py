"""The progress figures kept as answers are written always equal a recount from the answers."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from quiz.core.verdict import Verdict
from quiz.storage import create_learner, finish_run, make_engine, make_sessionmaker, merge_learner
from quiz.storage.figures import rebuild_figures
from quiz.storage.migrate import upgrade
from quiz.storage.models import Attempt, ProgressDay, ProgressQuestion
from quiz.storage.runs import record_attempt, start_run
from quiz.storage.stats import day_tallies, tally_by_bank, total_of

START = datetime(2025, 4, 14, 23, 30, tzinfo=UTC)


def verdict(correct: bool) -> Verdict:
    return Verdict(correct=correct, score=float(correct), expected="x", feedback="")


def figures(db: Session, learner_id: int) -> list[tuple[object, ...]]:
    days = db.execute(
        select(ProgressDay.bank_id, ProgressDay.day, ProgressDay.attempts, ProgressDay.correct,
               ProgressDay.last_at)
        .where(ProgressDay.learner_id == learner_id)
        .order_by(ProgressDay.bank_id, ProgressDay.day)
    ).all()  # fmt: skip
    questions = db.execute(
        select(ProgressQuestion.bank_id, ProgressQuestion.question_id, ProgressQuestion.attempts,
               ProgressQuestion.correct, ProgressQuestion.right_streak)
        .where(ProgressQuestion.learner_id == learner_id)
        .order_by(ProgressQuestion.bank_id, ProgressQuestion.question_id)
    ).all()  # fmt: skip
    return [tuple(row) for row in [*days, *questions]]


def answer(
    db: Session, learner_id: int, bank: str, question: str, correct: bool, **extra: Any
) -> Attempt:
    return record_attempt(
        db, learner_id=learner_id, bank_id=bank, question_id=question, response="x",
        verdict=verdict(correct), **extra,
    )  # fmt: skip


def test_answers_kept_one_by_one_equal_a_recount(db: Session) -> None:
    learner = create_learner(db).id
    chance = random.Random(7)
    for _ in range(60):
        bank, question = chance.choice(["drills", "timeline"]), chance.choice("abc")
        answer(db, learner, bank, question, chance.random() < 0.6)
    db.commit()
    kept = figures(db, learner)
    rebuild_figures(db, learner)
    db.commit()
    assert figures(db, learner) == kept
    assert total_of(tally_by_bank(db, learner).values()).attempts == 60


def test_a_right_streak_counts_the_latest_right_answers(db: Session) -> None:
    learner = create_learner(db).id
    for correct in (True, False, True, True, True):
        answer(db, learner, "drills", "a", correct)
    row = db.get(ProgressQuestion, (learner, "drills", "a"))
    assert row is not None and (row.attempts, row.correct, row.right_streak) == (5, 4, 3)


def test_answers_dated_in_the_past_are_counted_in_their_order_and_day(db: Session) -> None:
    learner = create_learner(db).id
    answer(db, learner, "drills", "a", True, answered_at=START + timedelta(hours=1))
    answer(db, learner, "drills", "a", False, answered_at=START)  # older: the streak stands
    row = db.get(ProgressQuestion, (learner, "drills", "a"))
    assert row is not None and row.right_streak == 1
    days = [(d.day.isoformat(), d.attempts) for d in day_tallies(db, learner)]
    assert days == [("2025-04-14", 1), ("2025-04-15", 1)]  # UTC days


def test_an_exam_s_sealed_answers_count_once_its_run_ends(db: Session) -> None:
    learner = create_learner(db).id
    run = start_run(db, learner, "exam", ["a"])
    answer(db, learner, "exam", "a", True, run_id=run.id, position=1, sealed=True)
    assert total_of(tally_by_bank(db, learner).values()).attempts == 0
    finish_run(db, run)
    db.commit()
    assert (
        total_of(tally_by_bank(db, learner).values()).attempts,
        total_of(tally_by_bank(db, learner).values()).correct,
    ) == (1, 1)


def test_merging_an_anonymous_learner_moves_its_figures(db: Session) -> None:
    anonymous, account = create_learner(db), create_learner(db, "ada", "pw")
    for correct in (True, True):
        answer(db, anonymous.id, "drills", "a", correct)
    answer(db, account.id, "drills", "a", False, answered_at=START)
    merge_learner(db, anonymous, account)
    db.commit()
    row = db.get(ProgressQuestion, (account.id, "drills", "a"))
    assert row is not None and (row.attempts, row.correct, row.right_streak) == (3, 2, 2)
    assert figures(db, anonymous.id) == []


def test_the_migration_fills_the_figures_from_saved_answers(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    upgrade(url, "0006")
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO learner (id, created_at, session_token) "
                                "VALUES (1, '2025-01-01', 't')"))  # fmt: skip
        insert = text(
            "INSERT INTO attempt (learner_id, bank_id, question_id, correct, score, verdict,"
            " answered_at, sealed) VALUES (1, 'drills', :q, :c, :c, '{}', :at, :sealed)"
        )
        for minutes, (question, correct, sealed) in enumerate(
            [("a", 0, 0), ("a", 1, 0), ("b", 1, 0), ("a", 1, 0), ("b", 0, 1)]
        ):
            at = (START + timedelta(minutes=20 * minutes)).strftime("%Y-%m-%d %H:%M:%S.%f")
            connection.execute(insert, {"q": question, "c": correct, "at": at, "sealed": sealed})
    engine.dispose()
    upgrade(url)
    engine = make_engine(url)
    with make_sessionmaker(engine)() as db:
        migrated = figures(db, 1)
        rebuild_figures(db, 1)
        assert figures(db, 1) == migrated
        assert (
            total_of(tally_by_bank(db, 1).values()).attempts,
            total_of(tally_by_bank(db, 1).values()).correct,
        ) == (4, 3)  # the sealed one waits
        row = db.get(ProgressQuestion, (1, "drills", "a"))
        assert row is not None and row.right_streak == 2
    engine.dispose()
