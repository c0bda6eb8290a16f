"""Personal access tokens: made, listed, revoked, and looked up by the secret a client sends.

A token is `quiz_` + 43 random URL-safe characters (256 bits); only its sha256 is stored, so
a copy of the database lets nobody call the API. Random tokens need no slow hash: there is
no dictionary to try. Every lookup reads the database, so a revoked token stops working on
every app server at the next request.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from quiz.storage.models import ApiToken, Learner

TOKEN_PREFIX = "quiz_"
MAX_TOKENS = 20  # per account: enough for every script, few enough to review at a glance
MAX_NAME_LENGTH = 60
MAX_SECRET_LENGTH = 100  # a longer Authorization value is not ours: refused before hashing
SHOWN_PREFIX_LENGTH = len(TOKEN_PREFIX) + 6
TOUCH_EVERY = timedelta(minutes=1)  # last use is written at most this often per token


class TokenError(Exception):
    """A token that cannot be made: too many already, or a bad name."""


@dataclass(frozen=True)
class NewToken:
    """A token just made: `secret` exists only here, to be shown once."""

    token: ApiToken
    secret: str


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(
    session: Session, learner: Learner, name: str, read_only: bool, now: datetime
) -> NewToken:
    """A new token for the account `learner`; TokenError past MAX_TOKENS or for a bad name."""
    name = name.strip()
    if not name or len(name) > MAX_NAME_LENGTH:
        raise TokenError(f"Name the token in 1 to {MAX_NAME_LENGTH} characters.")
    if learner.username is None:
        raise TokenError("Only an account can hold tokens: register or sign in first.")
    if count_tokens(session, learner.id) >= MAX_TOKENS:
        raise TokenError(f"You have {MAX_TOKENS} tokens, the most allowed: revoke one first.")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        learner_id=learner.id,
        name=name,
        token_hash=hash_secret(secret),
        prefix=secret[:SHOWN_PREFIX_LENGTH],
        read_only=read_only,
        created_at=now,
    )
    session.add(token)
    session.flush()
    return NewToken(token, secret)


def count_tokens(session: Session, learner_id: int) -> int:
    query = select(func.count()).select_from(ApiToken).where(ApiToken.learner_id == learner_id)
    return int(session.scalar(query) or 0)


def list_tokens(session: Session, learner_id: int) -> list[ApiToken]:
    """The account's tokens, newest first."""
    query = (
        select(ApiToken)
        .where(ApiToken.learner_id == learner_id)
        .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
    )
    return list(session.scalars(query))


def revoke_token(session: Session, learner_id: int, token_id: int) -> str | None:
    """Delete the account's token `token_id` and return its name; None when it has no such
    token (someone else's token counts as none, so ids tell nothing)."""
    token = session.get(ApiToken, token_id)
    if token is None or token.learner_id != learner_id:
        return None
    session.delete(token)
    session.flush()
    return token.name


def find_token(session: Session, secret: str) -> tuple[ApiToken, Learner] | None:
    """The live token a client sent, with its account; None for anything else."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > MAX_SECRET_LENGTH:
        return None
    query = (
        select(ApiToken, Learner)
        .join(Learner, Learner.id == ApiToken.learner_id)
        .where(ApiToken.token_hash == hash_secret(secret), Learner.username.is_not(None))
    )
    row = session.execute(query).first()
    return (row[0], row[1]) if row is not None else None


def touch_token(session: Session, token: ApiToken, now: datetime) -> bool:
    """Record a use at `now` unless one was recorded within TOUCH_EVERY: busy scripts cost
    one write a minute, not one a request. True when it wrote."""
    if token.last_used_at is not None and now - token.last_used_at < TOUCH_EVERY:
        return False
    # A guarded UPDATE rather than setting the attribute: two servers touching at once write once.
    stale = (ApiToken.last_used_at.is_(None)) | (ApiToken.last_used_at < now - TOUCH_EVERY)
    statement = update(ApiToken).where(ApiToken.id == token.id, stale).values(last_used_at=now)
    session.execute(statement, execution_options={"synchronize_session": False})
    set_committed_value(token, "last_used_at", now)  # already written: no second UPDATE
    return True
