"""Account secrets: checking and changing passwords, and the token that binds sessions to a learner.

A learner's `session_token` is copied into every session and remember cookie made for them
and compared on every request; replacing it ends all of them at once (sign-out, a new
password, an anonymous learner turning into an account).
"""

from __future__ import annotations

import secrets
from functools import cache

from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from quiz.storage.learners import find_learner_by_username
from quiz.storage.models import Learner


def authenticate(session: Session, username: str, password: str) -> Learner | None:
    """The learner with this username and password, else None, in about the same time either way.

    An unknown username still pays for one hash check: answering it faster would tell an
    attacker which usernames exist.
    """
    learner = find_learner_by_username(session, username)
    stored = learner.password_hash if learner is not None else None
    matches = check_password_hash(stored or _dummy_hash(), password)
    return learner if learner is not None and stored is not None and matches else None


@cache
def _dummy_hash() -> str:
    # Made on first need, not at import; same method and cost as real hashes (scrypt).
    return generate_password_hash(secrets.token_hex(16))
