"""The author role: listing accounts, granting and taking the role, asking who holds it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from quiz.storage.models import Learner


def list_accounts(session: Session) -> list[Learner]:
    """Every account with a username (anonymous learners are not accounts), by name."""
    query = select(Learner).where(Learner.username.is_not(None)).order_by(Learner.username)
    return list(session.scalars(query))


def set_author(session: Session, learner: Learner, is_author: bool) -> bool:
    """Give or take the author role; True when that changed anything."""
    if learner.is_author == is_author:
        return False
    learner.is_author = is_author
    session.flush()
    return True


def is_author(session: Session, learner_id: int) -> bool:
    """Whether the account `learner_id` holds the author role (one indexed read)."""
    return bool(session.scalar(select(Learner.is_author).where(Learner.id == learner_id)))
