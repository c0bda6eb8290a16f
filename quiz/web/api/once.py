"""Idempotency-Key for the API's writes (answers, ratings, undo): a retry gets the first
response back and changes nothing."""

from __future__ import annotations

from collections.abc import Callable

from flask import abort, request

from quiz.storage import idempotency
from quiz.storage.idempotency import StoredResponse
from quiz.web.database import get_session


def respond_once(learner_id: int, respond: Callable[[], StoredResponse]) -> StoredResponse:
    """`respond()`, or with an Idempotency-Key header the response first stored under it.

    `respond` must not commit: its writes and the key row go in one transaction (the caller
    commits), so two racing retries store one result."""
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return respond()
    try:
        request_print = idempotency.fingerprint(request.path, request.get_data())
        return idempotency.respond_once(
            get_session(), learner_id, idempotency.check_key(key), request_print, respond
        )
    except idempotency.BadKeyError as error:
        abort(400, str(error))
    except idempotency.KeyReusedError as error:
        abort(409, str(error))
