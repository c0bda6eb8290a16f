"""Flashcard storage on SQLite and PostgreSQL: rating applies the shown preview, undo, quiz
answers as reviews, the daily queue, and the statistics the progress page uses."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from quiz.core.bank import Bank
from quiz.core.banks.loading import load_bank
from quiz.core.scheduling import Rating, Scheduler
from quiz.core.verdict import Verdict
from quiz.storage import create_learner, merge_learner, start_run
from quiz.storage.answering import answer_question
from quiz.storage.card_stats import review_days, review_history
from quiz.storage.cards import (
    due_forecast,
    get_state,
    preview_card,
    rate_card,
    retention_achieved,
    review_from_quiz,
    review_queue,
    scheduler_for,
    settings_for,
    stage_counts,
    state_for,
    typical_answer_ms,
    undo_last_rating,
)
from quiz.storage.models import CardState, ReviewLog

SAMPLE = Path(__file__).parents[1] / "data" / "banks" / "sample.yaml"
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
EXACT = Scheduler(fuzz=False)
RIGHT = Verdict(True, 1.0, "x", "Right.")
WRONG = Verdict(False, 0.0, "x", "No.")


@pytest.fixture(scope="module")
def bank() -> Bank:
    loaded = load_bank(SAMPLE)
    assert loaded.bank is not None
    return loaded.bank


@pytest.fixture
def learner_id(db: Session) -> int:
    learner = create_learner(db)
    db.commit()
    return learner.id


def rate(db: Session, learner_id: int, qid: str, rating: Rating, now: datetime) -> ReviewLog:
    state = state_for(db, learner_id, "sample", qid, now)
    preview_card(db, EXACT, state, now)
    return rate_card(db, EXACT, state, rating, now, duration_ms=4000)


def test_rating_applies_the_fuzzed_interval_the_button_showed(db: Session, learner_id: int) -> None:
    fuzzy = Scheduler()  # fuzz on: only the stored preview makes the interval exact
    now = T0
    for _ in range(3):  # reach the review state, where fuzz applies
        state = state_for(db, learner_id, "sample", "tajik-ties", now)
        shown = preview_card(db, fuzzy, state, now)
        assert preview_card(db, fuzzy, state, now + timedelta(seconds=5)) == shown  # reload
        rated_at = now + timedelta(seconds=20)
        rate_card(db, fuzzy, state, Rating.GOOD, rated_at)
        db.commit()
        saved = get_state(db, learner_id, "sample", "tajik-ties")
        assert saved is not None
        assert saved.due == rated_at + shown.outcomes[Rating.GOOD].interval
        now = saved.due


def test_a_stale_preview_is_recomputed(db: Session, learner_id: int) -> None:
    state = state_for(db, learner_id, "sample", "base-number", T0)
    preview_card(db, EXACT, state, T0)
    later = T0 + timedelta(hours=2)
    rate_card(db, EXACT, state, Rating.GOOD, later)
    assert state.due == later + timedelta(minutes=10)
    assert state.preview is None


def test_undo_puts_the_card_back_and_marks_the_log(db: Session, learner_id: int) -> None:
    rate(db, learner_id, "training-ground", Rating.GOOD, T0)
    log = rate(db, learner_id, "training-ground", Rating.EASY, T0 + timedelta(minutes=10))
    db.commit()
    undone = undo_last_rating(db, learner_id)
    db.commit()
    state = get_state(db, learner_id, "sample", "training-ground")
    assert undone is not None and undone.id == log.id and undone.undone
    assert state is not None and state.card == log.card_before
    assert state.due == T0 + timedelta(minutes=10)
    second = undo_last_rating(db, learner_id)  # then the rating before it
    assert second is not None and second.rating == Rating.GOOD
    assert undo_last_rating(db, learner_id) is None


def test_undo_leaves_a_quiz_answer_answered(db: Session, learner_id: int) -> None:
    rate(db, learner_id, "drills-end", Rating.GOOD, T0)
    review_from_quiz(db, learner_id, "sample", "drills-end", RIGHT, 3000, T0 + timedelta(hours=1))
    db.commit()
    assert undo_last_rating(db, learner_id) is None  # the quiz answer moved the card on
    logs = db.scalars(select(ReviewLog).order_by(ReviewLog.id)).all()
    assert [(log.source, log.undone) for log in logs] == [("review", False), ("quiz", False)]


@pytest.mark.parametrize(
    ("verdict", "took_ms", "rating"),
    [(WRONG, 2000, Rating.AGAIN), (RIGHT, 2000, Rating.GOOD), (RIGHT, 9000, Rating.HARD)],
)
def test_a_quiz_answer_is_a_review_rated_from_the_verdict(
    db: Session, learner_id: int, verdict: Verdict, took_ms: int, rating: Rating
) -> None:
    for i, ms in enumerate((3000, 4000, 2000)):  # typical time: the median, 3 s
        review_from_quiz(db, learner_id, "sample", f"warm-up-{i}", RIGHT, ms, T0)
    assert typical_answer_ms(db, learner_id) == 3000
    log = review_from_quiz(db, learner_id, "sample", "agencies", verdict, took_ms, T0)
    assert (log.rating, log.source, log.duration_ms, log.was_new) == (rating, "quiz", took_ms, True)
    state = get_state(db, learner_id, "sample", "agencies")
    assert state is not None and state.card == log.card_after


def test_answering_in_a_quiz_creates_and_updates_the_card(
    db: Session, learner_id: int, bank: Bank
) -> None:
    question = bank.question("drills-country")
    assert question is not None
    run = start_run(db, learner_id, "sample", ["drills-country", "drills-country"])
    answer_question(db, run, 1, question, "Tajikistan", time_taken_ms=2500)
    answer_question(db, run, 1, question, "Russia")  # a re-post: not a second review
    db.commit()
    logs = db.scalars(select(ReviewLog)).all()
    assert [(log.source, log.rating, log.duration_ms) for log in logs] == [("quiz", 3, 2500)]
    state = get_state(db, learner_id, "sample", "drills-country")
    assert state is not None and state.card["last_review"] is not None
    answer_question(db, run, 2, question, "Russia")
    db.commit()
    assert [log.rating for log in db.scalars(select(ReviewLog).order_by(ReviewLog.id))] == [3, 1]


def keys(bank: Bank) -> list[tuple[str, str]]:
    return [("sample", q.id) for q in bank.questions]


def test_queue_caps_new_cards_per_day_and_counts_learning(
    db: Session, learner_id: int, bank: Bank
) -> None:
    assert len(review_queue(db, learner_id, keys(bank), T0, new_per_day=5).new) == 5
    rate(db, learner_id, "drills-country", Rating.GOOD, T0)  # learning, back in 10 minutes
    rate(db, learner_id, "drills-specialists", Rating.AGAIN, T0)  # back in 1 minute
    queue = review_queue(db, learner_id, keys(bank), T0 + timedelta(minutes=2), new_per_day=5)
    assert queue.learning == (("sample", "drills-specialists"),)
    assert len(queue.new) == 3  # two of today's five new cards are used
    assert queue.next == ("sample", "drills-specialists")
    tomorrow = review_queue(db, learner_id, keys(bank), T0 + timedelta(days=1), new_per_day=5)
    assert len(tomorrow.new) == 5 and len(tomorrow.learning) == 2


def test_undoing_a_new_card_gives_its_new_slot_back(
    db: Session, learner_id: int, bank: Bank
) -> None:
    rate(db, learner_id, "drills-country", Rating.GOOD, T0)
    assert len(review_queue(db, learner_id, keys(bank), T0, new_per_day=2).new) == 1
    undo_last_rating(db, learner_id)
    assert len(review_queue(db, learner_id, keys(bank), T0, new_per_day=2).new) == 2


def test_statistics(db: Session, learner_id: int, bank: Bank) -> None:
    assert retention_achieved(db, learner_id) is None
    rate(db, learner_id, "drills-country", Rating.EASY, T0)  # new → review, due in 8 days
    rate(db, learner_id, "tajik-ties", Rating.GOOD, T0)  # new → learning, due today
    rate(db, learner_id, "tajik-ties", Rating.AGAIN, T0 + timedelta(minutes=10))
    rate(db, learner_id, "tajik-ties", Rating.GOOD, T0 + timedelta(minutes=11))
    db.commit()
    forecast = due_forecast(db, learner_id, T0.date(), days=10)
    assert forecast == [1, 0, 0, 0, 0, 0, 0, 0, 1, 0]
    assert retention_achieved(db, learner_id) == pytest.approx(1 / 2)  # seen-card reviews
    counts = stage_counts(db, learner_id, keys(bank))
    assert counts == {"new": 10, "learning": 1, "young": 1, "mature": 0}
    assert [r.rating for r in review_history(db, learner_id)] == [4, 3, 1, 3]


def test_learner_settings_pick_the_scheduler(db: Session, learner_id: int) -> None:
    card_state = state_for(db, learner_id, "sample", "timeline", T0)
    default = preview_card(db, scheduler_for(db, learner_id), card_state, T0)
    settings_for(db, learner_id).desired_retention = 0.7
    db.flush()
    card_state.preview = None
    relaxed = preview_card(db, scheduler_for(db, learner_id), card_state, T0)
    assert relaxed.outcomes[Rating.EASY].interval > default.outcomes[Rating.EASY].interval


def test_signing_in_merges_an_anonymous_learners_cards(db: Session, learner_id: int) -> None:
    account = create_learner(db, "ada", "correct horse")
    rate(db, account.id, "drills-end", Rating.GOOD, T0)  # older: the anonymous one wins
    rate(db, learner_id, "drills-end", Rating.EASY, T0 + timedelta(hours=1))
    rate(db, learner_id, "timeline", Rating.GOOD, T0)
    anonymous = db.get(type(account), learner_id)
    assert anonymous is not None
    merge_learner(db, anonymous, account)
    db.commit()
    states = {s.question_id: s for s in db.scalars(select(CardState))}
    assert {s.learner_id for s in states.values()} == {account.id}
    assert states["drills-end"].card["state"] == 2  # Easy's review state, not Good's learning
    assert len(db.scalars(select(ReviewLog).where(ReviewLog.learner_id == account.id)).all()) == 3


def test_day_of_forecast_uses_utc_days(db: Session, learner_id: int) -> None:
    rate(db, learner_id, "drills-country", Rating.EASY, datetime(2025, 3, 3, 23, 30, tzinfo=UTC))
    assert due_forecast(db, learner_id, date(2025, 3, 3), days=12)[8] == 1


def test_quiz_answers_schedule_with_the_apps_default_retention(db: Session) -> None:
    # Two learners without a setting of their own answer the same card right twice; the app's
    # default retention is all that differs. Aiming to remember more brings the card back sooner.
    dues = {}
    for retention in (0.7, 0.97):
        learner = create_learner(db).id
        for hours in (0, 1):
            review_from_quiz(
                db, learner, "sample", "drills-end", RIGHT, None, T0 + timedelta(hours=hours),
                default_retention=retention,
            )  # fmt: skip
        state = get_state(db, learner, "sample", "drills-end")
        assert state is not None
        dues[retention] = state.due
    assert dues[0.97] < dues[0.7]


def test_review_days_count_ratings_and_seen_recalled_per_utc_day(
    db: Session, learner_id: int
) -> None:
    rate(db, learner_id, "drills-country", Rating.GOOD, T0)  # new
    rate(db, learner_id, "drills-country", Rating.AGAIN, T0 + timedelta(minutes=10))  # forgot
    rate(db, learner_id, "drills-country", Rating.GOOD, T0 + timedelta(hours=14, minutes=59))
    rate(db, learner_id, "tajik-ties", Rating.GOOD, T0 + timedelta(days=2))  # new
    db.commit()
    days = review_days(db, learner_id, T0.date())
    assert [(d.day, d.reviews, d.seen, d.recalled) for d in days] == [
        (date(2025, 3, 3), 3, 2, 1),
        (date(2025, 3, 5), 1, 0, 0),
    ]
    assert [d.day for d in review_days(db, learner_id, date(2025, 3, 4))] == [date(2025, 3, 5)]
