"""Reading a JSON request body: the answer endpoints' `{"response": ...}` and the body that
starts a run, refused with a 400 that says what to send."""

from __future__ import annotations

from typing import Any

from flask import abort, request

ANSWER_EXAMPLE = '{"response": "Tajikistan"}'


def json_body() -> Any:
    """The request's JSON, or None when it is not JSON; 400 when nested past Python's stack."""
    try:
        return request.get_json(silent=True)
    except RecursionError:
        abort(400, 'The JSON is nested too deeply; send {"response": ...} as the docs show.')


def answer_response() -> Any:
    """The `response` of an answer's body (its shape is the grader's to judge)."""
    body = json_body()
    if not isinstance(body, dict) or "response" not in body:
        abort(400, f'Send a JSON object with a "response" key, e.g. {ANSWER_EXAMPLE}.')
    return body["response"]


def optional_object(example: str) -> dict[str, Any]:
    """A JSON object, or {} when no body was sent at all."""
    if not request.get_data():
        return {}
    body = json_body()
    if not isinstance(body, dict):
        abort(400, f"Send a JSON object (or no body at all), e.g. {example}.")
    return body
