"""Regrading past answers after an author accepts a response: the attempts, the learners'
flashcards (their reviews replayed with the corrected ratings) and the audit row.

The decisions are the core's (`quiz.core.regrading`); this module reads, and writes what
they decided, in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from quiz.core.bank import Question
from quiz.core.regrading import (
    PastReview,
    corrected_rating,
    marked_regraded,
    regraded_verdict,
    replay,
)
from quiz.core.scheduling import DEFAULT_RETENTION, Rating, Scheduler, due_of
from quiz.core.verdict import Verdict
from quiz.storage.cards import desired_retention_for, get_state
from quiz.storage.engine import begin_write
from quiz.storage.figures import rebuild_figures
from quiz.storage.models import Attempt, FlashcardSettings, Regrade, ReviewLog

RECENT_ANSWERS = 25  # as many earlier answers as make the learner's typical time when answering


def regrade_answers(
    session: Session,
    bank_id: str,
    question: Question,
    response: str,
    *,
    author: str,
    now: datetime,
    author_id: int | None = None,
    default_retention: float = DEFAULT_RETENTION,
) -> Regrade:
    """Grade again, with `question` as it is now, every past wrong answer equal to `response`;
    record the regrade. The caller commits."""
    begin_write(session)
    changed = _changed_attempts(session, bank_id, question, response)
    regrade = Regrade(
        author_id=author_id, author=author[:100], bank_id=bank_id, question_id=question.id,
        response=response, attempts_changed=len(changed),
        learners_changed=len({a.learner_id for a, _ in changed}), created_at=now,
    )  # fmt: skip
    session.add(regrade)
    session.flush()
    for attempt, verdict in changed:
        attempt.verdict = marked_regraded(verdict, attempt.verdict, regrade.id, now)
        attempt.correct, attempt.score = verdict.correct, verdict.score
    for learner_id in sorted({a.learner_id for a, _ in changed}):
        mine = [(a, v) for a, v in changed if a.learner_id == learner_id]
        _replay_card(session, learner_id, bank_id, question.id, mine, default_retention)
    session.flush()
    for learner_id in sorted({a.learner_id for a, _ in changed}):
        rebuild_figures(session, learner_id, bank_id)  # right and wrong changed in the past
    return regrade


def _changed_attempts(
    session: Session, bank_id: str, question: Question, response: str
) -> list[tuple[Attempt, Verdict]]:
    query = select(Attempt).where(
        Attempt.bank_id == bank_id,
        Attempt.question_id == question.id,
        Attempt.correct.is_(False),
    )
    found = []
    for attempt in session.scalars(query.order_by(Attempt.id)):
        verdict = regraded_verdict(question, attempt.response, response)
        if verdict is not None:
            found.append((attempt, verdict))
    return found


def _replay_card(
    session: Session,
    learner_id: int,
    bank_id: str,
    question_id: str,
    changed: Sequence[tuple[Attempt, Verdict]],
    default_retention: float,
) -> None:
    logs = list(
        session.scalars(
            select(ReviewLog)
            .where(
                ReviewLog.learner_id == learner_id,
                ReviewLog.bank_id == bank_id,
                ReviewLog.question_id == question_id,
            )
            .order_by(ReviewLog.reviewed_at, ReviewLog.id)
        )
    )
    corrected = _corrected_ratings(session, logs, changed)
    if not corrected:
        return
    replayed = replay([_past(log) for log in logs], corrected, _exact_scheduler(
        session, learner_id, default_retention))  # fmt: skip
    for log, review in zip(logs, replayed, strict=True):
        log.rating, log.card_before, log.card_after = (
            int(review.rating),
            review.card_before,
            review.card_after,
        )
    state = get_state(session, learner_id, bank_id, question_id)
    last = next((r for r in reversed(replayed) if not r.undone), None)
    if state is not None and last is not None:
        state.card, state.preview = last.card_after, None
        state.due = due_of(last.card_after)


def _corrected_ratings(
    session: Session, logs: list[ReviewLog], changed: Sequence[tuple[Attempt, Verdict]]
) -> dict[int, Rating]:
    """Index of each quiz review made by a regraded answer → the rating it now deserves. A
    quiz answer's review is logged at the very time the answer was saved."""
    verdicts = {attempt.answered_at: (attempt, verdict) for attempt, verdict in changed}
    corrected = {}
    for index, log in enumerate(logs):
        if log.source == "quiz" and log.reviewed_at in verdicts:
            attempt, verdict = verdicts[log.reviewed_at]
            earlier = _earlier_durations(session, log)
            corrected[index] = corrected_rating(verdict, attempt.time_taken_ms, earlier)
    return corrected


def _earlier_durations(session: Session, log: ReviewLog) -> list[int | None]:
    query = (
        select(ReviewLog.duration_ms)
        .where(
            ReviewLog.learner_id == log.learner_id,
            ReviewLog.source.in_(("quiz", "typed")),
            ReviewLog.duration_ms.is_not(None),
            ReviewLog.id < log.id,
        )
        .order_by(ReviewLog.id.desc())
        .limit(RECENT_ANSWERS)
    )
    return list(session.scalars(query))


def _past(log: ReviewLog) -> PastReview:
    return PastReview(
        Rating(log.rating), log.reviewed_at, log.duration_ms, log.card_before, log.card_after,
        log.undone,
    )  # fmt: skip


def _exact_scheduler(session: Session, learner_id: int, default_retention: float) -> Scheduler:
    # Without fuzz: a replay should not move a learner's due dates at random a second time.
    settings = session.get(FlashcardSettings, learner_id)
    retention = desired_retention_for(session, learner_id, default_retention)
    return Scheduler(retention, settings.parameters if settings else None, fuzz=False)
