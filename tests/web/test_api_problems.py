"""Every API error is RFC 9457 problem details: 400 (CSRF, too long), 404, 405, 413, 429."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jsonschema
import pytest
from flask import Flask
from werkzeug.test import TestResponse

from quiz.web.api.routes import openapi_spec

AppMaker = Callable[..., Flask]
ANSWER = "/api/banks/sample/questions/drills-country/answer"


def assert_problem(response: TestResponse, status: int, words: str) -> None:
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    body: Any = response.get_json()
    schema = {**openapi_spec(), "$ref": "#/components/schemas/Problem"}
    jsonschema.Draft202012Validator(schema).validate(body)
    assert body["type"] == "about:blank" and body["status"] == status
    assert words in body["detail"] and body["error"] == body["detail"]


@pytest.mark.parametrize(
    ("method", "url", "kwargs", "status", "words"),
    [
        ("get", "/api/nowhere", {}, 404, "openapi.json lists"),
        ("delete", "/api/banks", {}, 405, "DELETE is not allowed on /api/banks"),
        ("post", ANSWER, {"json": {"response": "x" * 1001}}, 400, "refused"),
        ("post", ANSWER, {"data": "x" * 70_000, "content_type": "application/json"}, 413, "64 KB"),
    ],
)
def test_errors_are_problem_details(
    make_app: AppMaker, method: str, url: str, kwargs: dict[str, Any], status: int, words: str
) -> None:
    response = getattr(make_app().test_client(), method)(url, **kwargs)
    assert_problem(response, status, words)
    if status == 405:
        assert "GET" in response.headers["Allow"]


def test_a_csrf_failure_is_a_problem(make_app: AppMaker) -> None:
    refused = make_app(WTF_CSRF_ENABLED=True).test_client().post(ANSWER, json={"response": "x"})
    assert_problem(refused, 400, "X-CSRFToken")


def test_a_rate_limit_is_a_problem(make_app: AppMaker) -> None:
    client = make_app(RATELIMIT_DEFAULT="2 per minute").test_client()
    for _ in range(2):
        assert client.get("/api/progress").status_code == 200
    assert_problem(client.get("/api/progress"), 429, "limit: 2 per 1 minute")


def test_the_spec_has_no_stray_keys() -> None:
    """A comma in an unquoted YAML flow value once split a description into a null key."""

    def nulls(node: object) -> list[object]:
        if isinstance(node, dict):
            return [k for k, v in node.items() if v is None] + [
                n for v in node.values() for n in nulls(v)
            ]
        return [n for v in node for n in nulls(v)] if isinstance(node, list) else []

    assert nulls(openapi_spec()) == []
