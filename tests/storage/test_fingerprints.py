"""The progress fingerprint on both backends: it changes with the learner's own writes (an
answer, a rating and its undo, their desired retention) and not with another learner's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from quiz.core.scheduling import Rating, Scheduler
from quiz.core.verdict import Verdict
from quiz.storage import create_learner
from quiz.storage.cards import rate_card, settings_for, state_for, undo_last_rating
from quiz.storage.fingerprints import progress_fingerprint
from quiz.storage.runs import record_attempt

NOW = datetime(2025, 4, 14, 9, 30, tzinfo=UTC)


def answer(db: Session, learner_id: int, correct: bool) -> None:
    record_attempt(
        db, learner_id=learner_id, bank_id="drills", question_id="ground", response="x",
        verdict=Verdict(correct=correct, score=float(correct), expected="x", feedback=""),
    )  # fmt: skip


def test_each_write_of_the_learner_changes_it_and_others_do_not(db: Session) -> None:
    me, other = create_learner(db).id, create_learner(db).id
    seen = [progress_fingerprint(db, me)]

    def changed() -> bool:
        db.flush()
        seen.append(progress_fingerprint(db, me))
        return seen[-1] != seen[-2]

    answer(db, me, correct=False)
    assert changed()
    answer(db, other, correct=True)
    assert not changed()
    state = state_for(db, me, "drills", "ground", NOW)
    rate_card(db, Scheduler(fuzz=False), state, Rating.GOOD, NOW + timedelta(hours=1))
    assert changed()
    assert undo_last_rating(db, me) is not None
    assert changed()
    settings_for(db, me).desired_retention = 0.8
    assert changed()
    assert len(set(seen)) == 5  # the undo did not land back on an earlier fingerprint
