"""Accounts: checking and changing passwords, the token that binds sessions to a learner, roles.

A learner's `session_token` is copied into every session and remember cookie made for them
and compared on every request; replacing it ends all of them at once (sign-out, a new
password, an anonymous learner turning into an account).
"""

from __future__ import annotations

import secrets
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from quiz.core.password_hashes import hash_password, password_matches
from quiz.storage.learners import find_learner_by_username
from quiz.storage.models import Learner, new_session_token


def authenticate(session: Session, username: str, password: str) -> Learner | None:
    """The learner with this username and password, else None, in about the same time either way.

    An unknown username still pays for one hash check: answering it faster would tell an
    attacker which usernames exist.
    """
    learner = find_learner_by_username(session, username)
    stored = learner.password_hash if learner is not None else None
    matches = password_matches(stored or _dummy_hash(), password)
    return learner if learner is not None and stored is not None and matches else None


@cache
def _dummy_hash() -> str:
    # Made on first need, not at import; same method and cost as real hashes (scrypt).
    return hash_password(secrets.token_hex(16))


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


def revoke_sessions(session: Session, learner: Learner) -> str:
    """End every session and remember cookie made for `learner`; returns the new token."""
    learner.session_token = new_session_token()
    session.flush()
    return learner.session_token


def matches_token(session_token: str, token: str) -> bool:
    """Whether `token` is a learner's current `session_token`."""
    # Constant time: comparing char by char would leak the token through timing.
    return secrets.compare_digest(session_token.encode(), token.encode())


def change_password(session: Session, learner: Learner, password: str) -> None:
    """Set a new password and end the learner's sessions everywhere (the caller re-signs in
    the browser that asked, under the new token)."""
    learner.password_hash = hash_password(password)
    revoke_sessions(session, learner)
