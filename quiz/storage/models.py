"""The saved records: learners, quiz runs and attempts, keyed by bank id + question id strings.

There is no foreign key to questions: they live in YAML files, and a removed or renamed
question keeps its history.
"""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ColumnElement,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    and_,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from quiz.core.scheduling import SavedCard


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in and out, whatever the backend: SQLite drops the zone, PostgreSQL
    returns the session's zone, and comparing naive with aware datetimes raises."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: pass an aware one (UTC)")
        return None if value is None else value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """The metadata every table hangs off; Alembic compares migrations against it."""

    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON}


class Learner(Base):
    """Someone answering questions: anonymous (no username) until they register."""

    __tablename__ = "learner"
    # AUTOINCREMENT: SQLite would otherwise hand a deleted learner's id (a merged anonymous
    # one) to the next newcomer, and anything still naming the old id would reach them.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str | None] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    # Copied into every session and remember cookie; a new token ends them all.
    session_token: Mapped[str] = mapped_column(String(64), default=new_session_token)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    # The author role: only the CLI grants it (`quiz user grant NAME author`), no page does.
    is_author: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    @property
    def is_anonymous_learner(self) -> bool:
        return self.username is None


class QuizRun(Base):
    """One sitting of a bank: the options chosen and the exact questions asked, in order.

    `seat` numbers a learner's runs of an exam with a cap on runs (1, 2...; None otherwise):
    the unique index is what refuses a run over the cap, even between two workers racing.
    """

    __tablename__ = "quiz_run"
    __table_args__ = (Index("uq_quiz_run_seat", "learner_id", "bank_id", "seat", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"), index=True)
    bank_id: Mapped[str] = mapped_column(String(200), index=True)
    options: Mapped[dict[str, Any]] = mapped_column(default=dict)
    question_ids: Mapped[list[str]] = mapped_column(default=list)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    seat: Mapped[int | None] = mapped_column(Integer)


class Attempt(Base):
    """One answer to one question, with its verdict; `position` is its place in the run.

    A `sealed` attempt belongs to an exam run not yet finished: progress figures leave it out,
    since they would tell the learner right from wrong before the run ends.
    """

    __tablename__ = "attempt"
    # A double submission (a double click, a retried POST) for the same item must not count twice.
    # The second index serves mastery and progress: a learner's history of one question.
    __table_args__ = (
        UniqueConstraint("run_id", "position", name="uq_attempt_run_position"),
        Index("ix_attempt_learner_question", "learner_id", "bank_id", "question_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("quiz_run.id"), index=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"), index=True)
    bank_id: Mapped[str] = mapped_column(String(200))
    question_id: Mapped[str] = mapped_column(String(200))
    position: Mapped[int | None] = mapped_column(Integer)
    response: Mapped[Any] = mapped_column(JSON, nullable=True)
    correct: Mapped[bool]
    score: Mapped[float] = mapped_column(Float)
    verdict: Mapped[dict[str, Any]] = mapped_column(default=dict)
    time_taken_ms: Mapped[int | None] = mapped_column(Integer)
    answered_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    sealed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class ApiToken(Base):
    """A personal access token: the API acts as `learner_id` for whoever sends it.

    Only the token's sha256 is kept (the token itself is shown once, when made); `prefix` is
    its first characters, so its owner can tell their tokens apart in the list."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    read_only: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class IdempotencyKey(Base):
    """An API answer already given for a client's Idempotency-Key: a retry gets it back."""

    __tablename__ = "idempotency_key"

    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))  # the request's sha256
    status: Mapped[int] = mapped_column(Integer)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


def counted_attempts_of(learner_id: int) -> ColumnElement[bool]:
    """The filter for a learner's attempts that progress figures count: all but the sealed
    ones (an exam run's, until it ends)."""
    return and_(Attempt.learner_id == learner_id, Attempt.sealed.is_(False))


class ProgressDay(Base):
    """A learner's counted answers (see `counted_attempts_of`) in one bank on one UTC day.

    Kept up to date in the transaction that writes each answer, so the progress page sums a
    few rows instead of every answer, and every app server reads the same figures."""

    __tablename__ = "progress_day"

    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"), primary_key=True)
    bank_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    attempts: Mapped[int] = mapped_column(Integer)
    correct: Mapped[int] = mapped_column(Integer)
    partly: Mapped[int] = mapped_column(Integer, default=0)  # some credit, not right
    last_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ProgressQuestion(Base):
    """A learner's counted answers to one question; `right_streak`: how many of the latest
    were right in a row (what mastery asks)."""

    __tablename__ = "progress_question"

    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"), primary_key=True)
    bank_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    attempts: Mapped[int] = mapped_column(Integer)
    correct: Mapped[int] = mapped_column(Integer)
    right_streak: Mapped[int] = mapped_column(Integer)


class CardState(Base):
    """One learner's memory of one question as a flashcard: fsrs's card, and the outcomes of
    the four ratings as last shown on the buttons (`preview`), so rating applies exactly those."""

    __tablename__ = "card_state"
    __table_args__ = (
        UniqueConstraint("learner_id", "bank_id", "question_id", name="uq_card_state_question"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"), index=True)
    bank_id: Mapped[str] = mapped_column(String(200))
    question_id: Mapped[str] = mapped_column(String(200))
    card: Mapped[SavedCard] = mapped_column(JSON)
    due: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    preview: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class ReviewLog(Base):
    """One rating of one card, kept forever: the optimizer learns from these, and undo puts
    `card_before` back. `source` is "review" (flipped), "typed" (answer typed) or "quiz"."""

    __tablename__ = "review_log"
    __table_args__ = (
        Index("ix_review_log_learner_question", "learner_id", "bank_id", "question_id"),
        # Newest first per learner (the progress fingerprint); also every learner_id lookup.
        Index("ix_review_log_learner_newest", "learner_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"))
    bank_id: Mapped[str] = mapped_column(String(200))
    question_id: Mapped[str] = mapped_column(String(200))
    rating: Mapped[int] = mapped_column(Integer)
    reviewed_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(10))
    was_new: Mapped[bool] = mapped_column(Boolean, default=False)
    card_before: Mapped[SavedCard] = mapped_column(JSON)
    card_after: Mapped[SavedCard] = mapped_column(JSON)
    undone: Mapped[bool] = mapped_column(Boolean, default=False)


class FlashcardSettings(Base):
    """A learner's own scheduling: desired retention and the parameters `quiz optimize` fitted."""

    __tablename__ = "flashcard_settings"

    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"), primary_key=True)
    desired_retention: Mapped[float | None] = mapped_column(Float)
    parameters: Mapped[list[float] | None] = mapped_column(JSON, nullable=True)
    optimized_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class Regrade(Base):
    """An author's regrade: past answers equal to a newly accepted `response` graded again.

    Kept for the record (who changed learners' scores, when, how many); each regraded
    attempt's verdict names this row and keeps what the learner was shown before."""

    __tablename__ = "regrade"

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("learner.id"), nullable=True)
    author: Mapped[str] = mapped_column(String(100))
    bank_id: Mapped[str] = mapped_column(String(200))
    question_id: Mapped[str] = mapped_column(String(200))
    response: Mapped[str] = mapped_column(String(400))
    attempts_changed: Mapped[int] = mapped_column(Integer)
    learners_changed: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class RateLimitCounter(Base):
    """One rate limit's counter (Flask-Limiter's fixed window), kept in the database so every
    app server counts the same sign-in attempts. `expires_at` is in Unix seconds."""

    __tablename__ = "rate_limit"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
    expires_at: Mapped[float] = mapped_column(Float, index=True)
