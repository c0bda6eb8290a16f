"""How long a question took: the time it was shown travels signed in the form, back to us.

Signing (rather than a plain hidden timestamp) stops a learner from editing it, and keeps the
time out of the database until the answer arrives: no schema change, no row per page view.
"""

from __future__ import annotations

import functools
import time

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

SALT = "quiz.shown"
LONGEST_MS = 24 * 60 * 60 * 1000  # a tab left open for days says nothing about the question


def _serializer() -> URLSafeTimedSerializer:
    return _serializer_for(current_app.config["SECRET_KEY"])


@functools.lru_cache(maxsize=8)
def _serializer_for(secret_key: str | bytes) -> URLSafeTimedSerializer:
    # One per key, not one per call: every question page signs a token.
    return URLSafeTimedSerializer(secret_key, salt=SALT)


def shown_token(run_id: int, position: int) -> str:
    """A token saying "run `run_id`, position `position` was shown now"."""
    return _serializer().dumps([run_id, position])


def time_taken_ms(token: str | None, run_id: int, position: int) -> int | None:
    """Milliseconds since the token was made; None for a missing, forged or foreign token."""
    try:
        payload, shown_at = _serializer().loads(token or "", return_timestamp=True)
    except BadSignature:
        return None
    if payload != [run_id, position]:
        return None
    elapsed = int((time.time() - shown_at.timestamp()) * 1000)
    return elapsed if 0 <= elapsed <= LONGEST_MS else None
