"""The numbers behind the progress page: answers per bank, per UTC day and per question.

Every query aggregates in the database (GROUP BY), so a long history costs one short result
set, never a Python loop over every attempt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, Date, Float, Integer, cast, func, select
from sqlalchemy.orm import Session

from quiz.storage.models import Attempt, QuizRun, Regrade, counted_attempts_of


@dataclass(frozen=True)
class Tally:
    """Answers and how many were right; `accuracy` is their share, 0..1 (None without answers)."""

    attempts: int
    correct: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.attempts if self.attempts else None


@dataclass(frozen=True)
class BankTally(Tally):
    bank_id: str
    last_at: datetime


@dataclass(frozen=True)
class DayTally(Tally):
    day: date


@dataclass(frozen=True)
class QuestionTally(Tally):
    bank_id: str
    question_id: str


@dataclass(frozen=True)
class Streak:
    """`current`: consecutive active days ending today (or yesterday: today isn't over yet)."""

    current: int
    longest: int


def _correct_count() -> ColumnElement[int]:
    # PostgreSQL can't sum booleans; both backends cast them to 0/1.
    return func.sum(cast(Attempt.correct, Integer))


def totals(session: Session, learner_id: int) -> Tally:
    """All of a learner's answers."""
    query = select(func.count(Attempt.id), _correct_count()).where(counted_attempts_of(learner_id))
    attempts, correct = session.execute(query).one()
    return Tally(attempts=int(attempts), correct=int(correct or 0))


def tally_by_bank(session: Session, learner_id: int) -> dict[str, BankTally]:
    """Bank id → the learner's answers there and when the last one was given."""
    query = (
        select(
            Attempt.bank_id, func.count(Attempt.id), _correct_count(), func.max(Attempt.answered_at)
        )
        .where(counted_attempts_of(learner_id))
        .group_by(Attempt.bank_id)
    )
    return {
        bank: BankTally(attempts=int(attempts), correct=int(correct), bank_id=bank, last_at=last_at)
        for bank, attempts, correct, last_at in session.execute(query)
    }


def utc_day(session: Session) -> ColumnElement[date]:
    """The UTC calendar day of an answer, whatever the backend's session time zone."""
    if session.get_bind().dialect.name == "postgresql":
        return cast(func.timezone("UTC", Attempt.answered_at), Date)
    return func.date(Attempt.answered_at)  # SQLite stores the UTC time as text


def daily_tallies(session: Session, learner_id: int, days: int = 30) -> list[DayTally]:
    """The last `days` days with any answer, oldest first (days without answers are skipped)."""
    day = utc_day(session).label("day")
    query = (
        select(day, func.count(Attempt.id), _correct_count())
        .where(counted_attempts_of(learner_id))
        .group_by(day)
        .order_by(day.desc())
        .limit(days)
    )
    rows = [
        DayTally(attempts=int(n), correct=int(right), day=_as_date(d))
        for d, n, right in session.execute(query)
    ]
    return rows[::-1]


def active_days(session: Session, learner_id: int) -> list[date]:
    """Every UTC day on which the learner answered anything, oldest first."""
    day = utc_day(session).label("day")
    query = select(day).where(counted_attempts_of(learner_id)).group_by(day).order_by(day)
    return [_as_date(value) for value in session.scalars(query)]


def weakest_questions(session: Session, learner_id: int, limit: int = 10) -> list[QuestionTally]:
    """Questions answered wrong at least once, lowest accuracy first; ties: most answered first."""
    attempts, correct = func.count(Attempt.id), _correct_count()
    query = (
        select(Attempt.bank_id, Attempt.question_id, attempts, correct)
        .where(counted_attempts_of(learner_id))
        .group_by(Attempt.bank_id, Attempt.question_id)
        .having(correct < attempts)
        .order_by(
            cast(correct, Float) / attempts, attempts.desc(), Attempt.bank_id, Attempt.question_id
        )
        .limit(limit)
    )
    return [
        QuestionTally(attempts=int(n), correct=int(right), bank_id=bank, question_id=question)
        for bank, question, n, right in session.execute(query)
    ]


def streaks(days: Sequence[date], today: date) -> Streak:
    """Runs of consecutive days in `days` (sorted, distinct): the one alive today, the longest."""
    longest = run = 0
    previous: date | None = None
    for day in days:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest, previous = max(longest, run), day
    alive = previous is not None and today - previous <= timedelta(days=1)
    return Streak(current=run if alive else 0, longest=longest)


def _as_date(value: date | str) -> date:
    # SQLite's date() returns "YYYY-MM-DD" text; PostgreSQL returns a date.
    return value if isinstance(value, date) else date.fromisoformat(value)


def history_stamp(session: Session, learner_id: int) -> tuple[object, ...]:
    """Changes whenever the learner's answer history does (a new attempt, a run finished, an
    author's regrade): what a cache of the progress figures is keyed on. Three index lookups."""
    attempts = select(func.max(Attempt.id)).where(counted_attempts_of(learner_id))
    runs = select(func.max(QuizRun.id), func.count(QuizRun.finished_at)).where(
        QuizRun.learner_id == learner_id
    )
    # A regrade changes past attempts in place; regrades are rare, so any regrade at all
    # refreshes every learner's figures.
    regrades = select(func.max(Regrade.id))
    return (session.scalar(attempts), *session.execute(runs).one(), session.scalar(regrades))
