"""Idempotency keys: a client's retried request gets the first response back, and nothing new
is stored.

Keys live in the database, not in a worker's memory, since several app servers share it. The
key row is written in the same transaction as the answer it describes: when two requests race
with one key, the primary key lets only one commit, and the loser rolls back its answer too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quiz.core.errors import QuizError
from quiz.storage.models import IdempotencyKey

KEY_MAX_LENGTH = 200


class IdempotencyError(QuizError, ValueError):
    """Base for the two ways a key can be refused."""


class BadKeyError(IdempotencyError):
    """The header's value is no usable key (empty, too long, or not plain ASCII)."""


class KeyReusedError(IdempotencyError):
    """The key was first used for another request: replaying its response would mislead."""


@dataclass(frozen=True)
class StoredResponse:
    status: int
    body: dict[str, Any]


def check_key(key: str) -> str:
    """`key` itself when usable, else BadKeyError saying what a key must be."""
    if not 1 <= len(key) <= KEY_MAX_LENGTH or not all(33 <= ord(c) <= 126 for c in key):
        raise BadKeyError(
            f"Idempotency-Key must be 1 to {KEY_MAX_LENGTH} visible ASCII characters "
            "(a UUID is a good choice)."
        )
    return key


def fingerprint(path: str, body: bytes) -> str:
    """The sha256 of a request's path and raw body: linear in the body, whatever it holds."""
    digest = hashlib.sha256(path.encode("utf-8", "surrogatepass"))
    digest.update(b"\0")
    digest.update(body)
    return digest.hexdigest()


def replay(
    session: Session, learner_id: int, key: str, request_print: str
) -> StoredResponse | None:
    """The response stored under this learner's key (None: first use).

    Raises KeyReusedError when the key was stored for a different request.
    """
    stored = session.get(IdempotencyKey, (learner_id, key))
    if stored is None:
        return None
    if stored.fingerprint != request_print:
        raise KeyReusedError(
            f"Idempotency-Key {key!r} was already used for a different request "
            "(another path or body): use a new key for each new answer or rating."
        )
    return StoredResponse(stored.status, stored.body)


def respond_once(
    session: Session,
    learner_id: int,
    key: str,
    request_print: str,
    respond: Callable[[], StoredResponse],
) -> StoredResponse:
    """The stored response for this key, or `respond()`'s, stored with it; the caller commits.

    `respond` writes its changes to `session` without committing. If another request stored
    the key first, everything `respond` wrote is rolled back and the winner's response
    returned (or KeyReusedError raised, if the winner's request was a different one).
    """
    earlier = replay(session, learner_id, key, request_print)
    if earlier is not None:
        return earlier
    response = respond()
    row = IdempotencyKey(
        learner_id=learner_id, key=key, fingerprint=request_print,
        status=response.status, body=response.body,
    )  # fmt: skip
    try:
        session.add(row)
        session.flush()
    except IntegrityError:
        session.rollback()  # our answer goes with it: the winner's stands alone
        winner = replay(session, learner_id, key, request_print)
        if winner is None:  # another constraint failed: not a race on this key
            raise
        return winner
    return response


def forget_keys(session: Session, learner_id: int) -> None:
    """Drop a learner's keys (before the learner row itself is deleted)."""
    session.execute(delete(IdempotencyKey).where(IdempotencyKey.learner_id == learner_id))
