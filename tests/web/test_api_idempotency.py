"""Idempotency-Key on the API's answer: a retried answer is stored once and answered the same."""

from __future__ import annotations

import threading
from typing import Any

import jsonschema
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quiz.storage import Attempt
from quiz.storage.idempotency import KEY_MAX_LENGTH
from quiz.web.api.routes import openapi_spec
from quiz.web.database import get_session

URL = "/api/banks/sample/questions/drills-country/answer"


def attempt_count(app: Flask) -> int:
    with app.app_context():
        return get_session().scalar(select(func.count()).select_from(Attempt)) or 0


def post(client: FlaskClient, key: str | None, response: Any, url: str = URL) -> Any:
    headers = {"Idempotency-Key": key} if key is not None else {}
    return client.post(url, json={"response": response}, headers=headers)


def error_schema_check(body: Any) -> None:
    schema = {**openapi_spec(), "$ref": "#/components/schemas/Problem"}
    jsonschema.Draft202012Validator(schema).validate(body)


def test_a_retry_with_the_same_key_returns_the_first_result(
    app: Flask, client: FlaskClient
) -> None:
    first = post(client, "retry-1", "Tajikistan")
    again = post(client, "retry-1", "Tajikistan")
    assert first.status_code == again.status_code == 200
    assert again.get_json() == first.get_json()
    assert attempt_count(app) == 1
    another = post(client, "retry-2", "Tajikistan")
    assert another.get_json()["attempt_id"] != first.get_json()["attempt_id"]
    assert attempt_count(app) == 2


def test_without_a_key_every_post_is_a_new_answer(app: Flask, client: FlaskClient) -> None:
    post(client, None, "Tajikistan")
    post(client, None, "Tajikistan")
    assert attempt_count(app) == 2


@pytest.mark.parametrize(
    ("response", "url"),
    [
        ("Russia", URL),  # another response
        ("Tajikistan", "/api/banks/sample/questions/tajik-ties/answer"),  # another question
    ],
)
def test_a_key_reused_for_another_request_is_409(
    app: Flask, client: FlaskClient, response: str, url: str
) -> None:
    post(client, "once", "Tajikistan")
    reused = post(client, "once", response, url)
    assert reused.status_code == 409
    error_schema_check(reused.get_json())
    assert "already used for a different request" in reused.get_json()["error"]
    assert attempt_count(app) == 1


def test_keys_belong_to_one_learner(app: Flask, client: FlaskClient) -> None:
    post(client, "shared", "Tajikistan")
    other = app.test_client().post(
        URL, json={"response": "Russia"}, headers={"Idempotency-Key": "shared"}
    )
    assert other.status_code == 200 and other.get_json()["correct"] is False
    assert attempt_count(app) == 2


@pytest.mark.parametrize("key", ["", "x" * (KEY_MAX_LENGTH + 1), "with space", "é"])
def test_a_bad_key_is_a_clear_400(app: Flask, client: FlaskClient, key: str) -> None:
    refused = client.post(URL, json={"response": "Tajikistan"}, headers={"Idempotency-Key": key})
    assert refused.status_code == 400
    error_schema_check(refused.get_json())
    assert "Idempotency-Key must be 1 to 200" in refused.get_json()["error"]
    assert attempt_count(app) == 0


def test_a_refused_answer_is_not_stored_under_the_key(app: Flask, client: FlaskClient) -> None:
    wrong_shape = client.post(
        "/api/banks/sample/questions/timeline/answer",
        json={"response": "one"},
        headers={"Idempotency-Key": "k"},
    )
    assert wrong_shape.status_code == 400
    order = [
        "The drills end",
        "Shoigu speaks about Central Asia",
        "Khovar reports an attack from Badakhshan",
    ]
    fixed = post(client, "k", order, "/api/banks/sample/questions/timeline/answer")
    assert fixed.status_code == 200 and attempt_count(app) == 1


def test_two_racing_retries_store_one_attempt(app: Flask, client: FlaskClient) -> None:
    post(client, None, "Russia")  # makes the learner, whose cookie both threads carry
    cookie = client.get_cookie("session")
    assert cookie is not None
    rounds = 8
    bodies: list[list[Any]] = [[] for _ in range(rounds)]

    def race(round_: int, barrier: threading.Barrier) -> None:
        other = app.test_client()
        other.set_cookie("session", cookie.value)
        barrier.wait()
        answered = post(other, f"race-{round_}", "Tajikistan")
        bodies[round_].append((answered.status_code, answered.get_json()))

    for round_ in range(rounds):
        barrier = threading.Barrier(2)
        threads = [threading.Thread(target=race, args=(round_, barrier)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=20)
    assert attempt_count(app) == 1 + rounds
    for first, second in bodies:
        assert first == second and first[0] == 200


def test_the_spec_documents_the_header() -> None:
    answer = openapi_spec()["paths"]["/api/banks/{bank_id}/questions/{question_id}/answer"]
    names = [p.get("name") or p.get("$ref") for p in answer["post"]["parameters"]]
    assert "Idempotency-Key" in names
    assert "409" in answer["post"]["responses"]
