"""Regrading on SQLite and PostgreSQL: past wrong answers equal to a newly accepted one become
right, the learners' progress and flashcards follow, and an audit row records it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from quiz.core.bank import Question
from quiz.core.banks.editing import accept_answer, file_hash
from quiz.core.banks.loading import load_bank
from quiz.core.scheduling import Rating, Scheduler
from quiz.storage import create_learner, start_run
from quiz.storage.answering import answer_question
from quiz.storage.cards import get_state, rate_card, undo_last_rating
from quiz.storage.mastery import mastered_question_ids
from quiz.storage.models import Attempt, Regrade, ReviewLog
from quiz.storage.regrading import regrade_answers
from quiz.storage.stats import tally_by_bank, total_of

SEED = Path(__file__).parents[2] / "seeds" / "000_42a00ded27f26e66.txt"
BANK = f"""title: Drills
source: {SEED}
questions:
  - id: ground
    type: text
    prompt: At which training ground was the exercise held?
    answer: Kharb-Maidon
    check:
      wrong: [Dushanbe]
"""
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
EXACT = Scheduler(fuzz=False)


def ground(path: Path) -> Question:
    bank = load_bank(path).bank
    assert bank is not None
    question = bank.question("ground")
    assert question is not None
    return question


def answer(db: Session, learner_id: int, question: Question, response: str) -> Attempt:
    run = start_run(db, learner_id, "drills", ["ground"])
    attempt = answer_question(db, run, 1, question, response)
    db.commit()
    return attempt


def logs_of(db: Session, learner_id: int) -> list[ReviewLog]:
    query = select(ReviewLog).where(ReviewLog.learner_id == learner_id).order_by(ReviewLog.id)
    return list(db.scalars(query))


def test_regrade_turns_equal_wrong_answers_right_and_replays_their_cards(
    db: Session, tmp_path: Path
) -> None:
    path = tmp_path / "drills.yaml"
    path.write_text(BANK, encoding="utf-8")
    old = ground(path)
    ada, bob, cy = (create_learner(db).id for _ in range(3))
    first = answer(db, ada, old, "Kharb camp")
    answer(db, ada, old, "Kharb-Maidon")
    bobs = answer(db, bob, old, "  kharb CAMP! ")  # the same answer, as the grader reads text
    cys = answer(db, cy, old, "Dushanbe")
    cy_card = get_state(db, cy, "drills", "ground")
    assert cy_card is not None and not first.correct and not bobs.correct
    assert mastered_question_ids(db, ada, "drills") == set()
    assert (
        total_of(tally_by_bank(db, ada).values()).attempts,
        total_of(tally_by_bank(db, ada).values()).correct,
    ) == (2, 1)

    accept_answer(path, "ground", "Kharb camp", expected_hash=file_hash(path))
    regrade = regrade_answers(db, "drills", ground(path), "Kharb camp", author="ed", now=NOW)
    db.commit()

    assert (regrade.attempts_changed, regrade.learners_changed) == (2, 2)
    assert [(r.author, r.question_id, r.response) for r in db.scalars(select(Regrade))] == [
        ("ed", "ground", "Kharb camp")
    ]
    db.expire_all()
    for attempt in (first, bobs):
        saved = db.get(Attempt, attempt.id)
        assert saved is not None and saved.correct and saved.score == 1.0
        assert saved.verdict["feedback"] == "Right: Kharb camp."
        assert saved.verdict["regraded"]["id"] == regrade.id
        assert saved.verdict["regraded"]["was"]["feedback"].startswith("Not quite")
    untouched = db.get(Attempt, cys.id)
    assert untouched is not None and not untouched.correct
    assert mastered_question_ids(db, ada, "drills") == {"ground"}  # two right in a row now
    assert (
        total_of(tally_by_bank(db, ada).values()).attempts,
        total_of(tally_by_bank(db, ada).values()).correct,
    ) == (2, 2)  # the kept figures

    # Ada's card is what two Good reviews at those times make of a new card.
    wrong_first, right_next = logs_of(db, ada)
    assert (wrong_first.rating, right_next.rating) == (Rating.GOOD, Rating.GOOD)
    after_one = EXACT.review(wrong_first.card_before, Rating.GOOD, wrong_first.reviewed_at)
    after_two = EXACT.review(after_one.card, Rating.GOOD, right_next.reviewed_at)
    assert wrong_first.card_after == after_one.card
    assert right_next.card_before == after_one.card and right_next.card_after == after_two.card
    state = get_state(db, ada, "drills", "ground")
    assert state is not None and state.card == after_two.card and state.preview is None
    assert state.due == after_two.due
    # Cy's card is left exactly as it was.
    cy_now = get_state(db, cy, "drills", "ground")
    assert cy_now is not None and cy_now.card == cy_card.card


def test_a_regrade_with_nothing_to_change_is_still_recorded(db: Session, tmp_path: Path) -> None:
    path = tmp_path / "drills.yaml"
    path.write_text(BANK, encoding="utf-8")
    learner = create_learner(db).id
    answer(db, learner, ground(path), "Dushanbe")
    accept_answer(path, "ground", "Kharb camp", expected_hash=file_hash(path))
    regrade = regrade_answers(db, "drills", ground(path), "Kharb camp", author="ed", now=NOW)
    db.commit()
    assert (regrade.attempts_changed, regrade.learners_changed) == (0, 0)
    assert db.scalars(select(Regrade)).one().created_at == NOW


def test_later_flashcard_reviews_are_replayed_and_an_undone_one_is_left_alone(
    db: Session, tmp_path: Path
) -> None:
    path = tmp_path / "drills.yaml"
    path.write_text(BANK, encoding="utf-8")
    ada = create_learner(db).id
    answer(db, ada, ground(path), "Kharb camp")
    state = get_state(db, ada, "drills", "ground")
    assert state is not None
    later = state.due + timedelta(days=1)
    rate_card(db, EXACT, state, Rating.HARD, later, source="review")
    rate_card(db, EXACT, state, Rating.EASY, later + timedelta(minutes=5), source="review")
    assert undo_last_rating(db, ada) is not None  # the Easy is taken back
    db.commit()

    accept_answer(path, "ground", "Kharb camp", expected_hash=file_hash(path))
    regrade_answers(db, "drills", ground(path), "Kharb camp", author="ed", now=NOW)
    db.commit()

    quiz, hard, easy = logs_of(db, ada)
    first = EXACT.review(quiz.card_before, Rating.GOOD, quiz.reviewed_at)
    second = EXACT.review(first.card, Rating.HARD, later)
    assert (quiz.rating, quiz.card_after) == (Rating.GOOD, first.card)
    assert (hard.rating, hard.card_before, hard.card_after) == (
        Rating.HARD,
        first.card,
        second.card,
    )
    assert easy.undone and easy.rating == Rating.EASY  # kept as it was
    state = get_state(db, ada, "drills", "ground")
    assert state is not None and state.card == second.card and state.due == second.due
