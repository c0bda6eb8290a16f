"""A learner's progress fingerprint: one indexed statement whose answer changes whenever
anything the progress page reads of theirs changes, so a kept copy of the page can be checked
against the database on every request (by any server) instead of trusting its own memory.

It is derived from the rows the page reads, not from a counter that writers bump: a write
path nobody remembered still changes a count, a sum or a highest id below. Per learner:

- progress_day: rows, answers, right, partly right, latest answer (every counted answer,
  merge, regrade and exam finish changes a sum or the row count);
- progress_question: rows, answers, right, right streaks (mastery, the weakest questions);
- card_state: rows, latest update, and the sum of due times (a rating moves a card's due; an
  undo or a regrade's replay puts it back without touching `updated_at`);
- review_log: the highest id and the highest id still counted (a rating adds a row; an undo
  marks the newest one). Counting its rows would cost a scan of the learner's whole history;
  an undo of an older rating is still seen through its card's due above;
- quiz_run: finished runs and the latest finish (best scores);
- flashcard_settings: the desired retention;
- and, for everyone, the newest regrade: it rewrites past answers and replays cards, and is
  rare enough that dropping every kept page then costs nothing that matters.

Each part reads only the learner's rows through an index (a few hundred rows at most for a
heavy learner: one per bank and day, per question, per card), never their answer history.
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, bindparam, extract, func, select, true
from sqlalchemy.orm import Session

from quiz.storage.models import (
    CardState,
    FlashcardSettings,
    ProgressDay,
    ProgressQuestion,
    QuizRun,
    Regrade,
    ReviewLog,
)

Fingerprint = tuple[Any, ...]


def progress_fingerprint(session: Session, learner_id: int) -> Fingerprint:
    """The learner's fingerprint: equal answers mean an unchanged progress page (for the
    same banks, day and settings, which the caller adds)."""
    query = _fingerprint_query(session.get_bind().dialect.name)
    # Through the connection, not the ORM: its bookkeeping cost a third of the statement's
    # time, and there is nothing to load. (Pending ORM changes are not flushed first.)
    return tuple(session.connection().execute(query, {"learner": learner_id}).one())


@functools.cache
def _fingerprint_query(dialect: str) -> Any:
    # Built once per backend (see quiz.storage.stats): building costs more than running it.
    learner: BindParameter[int] = bindparam("learner")
    days = select(
        func.count(), func.sum(ProgressDay.attempts), func.sum(ProgressDay.correct),
        func.sum(ProgressDay.partly), func.max(ProgressDay.last_at),
    ).where(ProgressDay.learner_id == learner).subquery("days")  # fmt: skip
    questions = select(
        func.count(), func.sum(ProgressQuestion.attempts), func.sum(ProgressQuestion.correct),
        func.sum(ProgressQuestion.right_streak),
    ).where(ProgressQuestion.learner_id == learner).subquery("questions")  # fmt: skip
    cards = select(
        func.count(), func.max(CardState.updated_at), func.sum(_seconds(dialect, CardState.due))
    ).where(CardState.learner_id == learner).subquery("cards")  # fmt: skip
    runs = select(func.count(QuizRun.finished_at), func.max(QuizRun.finished_at)).where(
        QuizRun.learner_id == learner
    ).subquery("runs")  # fmt: skip
    # Each aggregate above is one row, so joining them on true is one row.
    joined = days.join(questions, true()).join(cards, true()).join(runs, true())
    return select(
        *days.c, *questions.c, *cards.c, *runs.c,
        _newest_review(learner, counted_only=False), _newest_review(learner, counted_only=True),
        select(FlashcardSettings.desired_retention)
        .where(FlashcardSettings.learner_id == learner).scalar_subquery(),
        select(func.max(Regrade.id)).scalar_subquery(),
    ).select_from(joined)  # fmt: skip


def _newest_review(learner: BindParameter[int], counted_only: bool) -> Any:
    # ORDER BY id DESC LIMIT 1 walks the (learner_id, id) index from the learner's newest
    # entry (migration 0009): a few rows, where max() with the extra condition would read the
    # learner's whole history.
    query = select(ReviewLog.id).where(ReviewLog.learner_id == learner)
    if counted_only:
        query = query.where(ReviewLog.undone.is_(False))
    return query.order_by(ReviewLog.id.desc()).limit(1).scalar_subquery()


def _seconds(dialect: str, moment: Any) -> ColumnElement[Any]:
    """A stored time as a number (SQLite keeps UTC text, PostgreSQL a timestamp)."""
    if dialect == "postgresql":
        return extract("epoch", moment)
    return func.julianday(moment)
