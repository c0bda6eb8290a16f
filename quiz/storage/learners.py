"""Learners: creating, finding, and folding an anonymous learner's history into an account."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from quiz.core.password_hashes import hash_password, password_matches
from quiz.storage.card_stats import merge_cards
from quiz.storage.figures import forget_figures, rebuild_figures
from quiz.storage.idempotency import forget_keys
from quiz.storage.models import Attempt, Learner, QuizRun, new_session_token


def create_learner(
    session: Session, username: str | None = None, password: str | None = None
) -> Learner:
    """A new learner; without a username it is anonymous (progress before registering)."""
    learner = Learner(username=username, password_hash=_hash(password))
    session.add(learner)
    session.flush()
    return learner


def get_learner(session: Session, learner_id: int) -> Learner | None:
    return session.get(Learner, learner_id)


def find_learner_by_username(session: Session, username: str) -> Learner | None:
    return session.scalar(select(Learner).where(Learner.username == username))


def register_learner(session: Session, learner: Learner, username: str, password: str) -> Learner:
    """Give an anonymous learner a name and password: the same row, so its progress stays.

    Its token changes: a copy of the anonymous cookie must not reach the account."""
    learner.username = username
    learner.password_hash = _hash(password)
    learner.session_token = new_session_token()
    session.flush()
    return learner


def check_password(learner: Learner, password: str) -> bool:
    return learner.password_hash is not None and password_matches(learner.password_hash, password)


def merge_learner(session: Session, anonymous: Learner, registered: Learner) -> Learner:
    """Move an anonymous learner's runs and attempts to `registered`, then drop the empty row."""
    if anonymous.id == registered.id:
        return registered
    for model in (QuizRun, Attempt):
        session.execute(
            update(model).where(model.learner_id == anonymous.id).values(learner_id=registered.id)
        )
    merge_cards(session, anonymous.id, registered.id)  # flashcard states and review logs
    forget_figures(session, anonymous.id)
    rebuild_figures(session, registered.id)  # the merged answers interleave with ours
    forget_keys(session, anonymous.id)  # its retries are settled; keys may clash with ours
    session.delete(anonymous)
    session.flush()
    return registered


def _hash(password: str | None) -> str | None:
    return None if password is None else hash_password(password)
