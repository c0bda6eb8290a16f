"""The JSON API: answer-free reads, answering, progress, JSON errors, CSRF, and its OpenAPI spec."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from flask import Flask
from flask.testing import FlaskClient
from openapi_spec_validator import validate

from quiz.storage import Attempt
from quiz.web.api.routes import openapi_spec
from quiz.web.database import get_session


def assert_matches(body: Any, schema_name: str) -> None:
    """Validate against a schema of the spec (3.1 schemas are JSON Schema 2020-12)."""
    schema = {**openapi_spec(), "$ref": f"#/components/schemas/{schema_name}"}
    jsonschema.Draft202012Validator(schema).validate(body)


def test_the_spec_is_valid_and_served(client: FlaskClient) -> None:
    validate(openapi_spec())
    served = client.get("/api/openapi.json")
    assert served.status_code == 200 and served.get_json() == openapi_spec()


ORDER = [
    "Khovar reports an attack from Badakhshan",
    "Shoigu speaks about Central Asia",
    "The drills end",
]


def test_banks(client: FlaskClient) -> None:
    body = client.get("/api/banks").get_json()
    assert_matches(body, "BankList")
    assert body["banks"][0]["id"] == "sample" and body["banks"][0]["question_count"] == 11


def test_bank_and_question(client: FlaskClient) -> None:
    body = client.get("/api/banks/sample").get_json()
    assert_matches(body, "BankDetail")
    assert [q["id"] for q in body["questions"]][-1] == "agencies"  # the card is left out
    question = client.get("/api/banks/sample/questions/csto-goal-quote").get_json()
    assert_matches(question, "PresentedQuestion")
    assert question["quote"].startswith("Their main goal")


def test_match_and_order_options_are_not_in_key_order(client: FlaskClient) -> None:
    body = client.get("/api/banks/sample").get_json()
    shown = {q["id"]: q["choices"] for q in body["questions"]}
    assert shown["agencies"] == ["Tajikistan", "Russia"]  # the key pairs TASS → Russia first
    single = client.get("/api/banks/sample/questions/agencies").get_json()
    assert single["choices"] == ["Tajikistan", "Russia"]
    assert shown["timeline"] != ORDER


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/banks/nope", "There is no bank called “nope”: GET /api/banks lists them."),
        ("/api/banks/sample/questions/nope", "“sample” has no quiz question “nope”"),
        ("/api/banks/sample/questions/csto-card", "“sample” has no quiz question “csto-card”"),
    ],
)
def test_not_found_is_json(client: FlaskClient, url: str, message: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert_matches(response.get_json(), "Problem")
    assert message in response.get_json()["error"]


@pytest.mark.parametrize(
    ("question_id", "response", "correct", "outcome"),
    [
        ("drills-country", "Tajikistan", True, "right"),
        ("drills-specialists", ["UAV operators"], False, "partly"),
        ("drills-specialists", ["UAV operators", "naval divers"], False, "wrong"),
        ("agencies", {"TASS": "Russia", "Khovar": "Tajikistan"}, True, "right"),
        ("ansarullah-cloze", ["Tajik Taliban"], True, "right"),
        ("csto-goal-quote", "Khovar", False, "wrong"),
    ],
)
def test_answer(
    app: Flask, client: FlaskClient, question_id: str, response: Any, correct: bool, outcome: str
) -> None:
    url = f"/api/banks/sample/questions/{question_id}/answer"
    posted = client.post(url, json={"response": response})
    assert posted.status_code == 200
    body = posted.get_json()
    assert_matches(body, "Verdict")
    assert body["correct"] is correct and body["outcome"] == outcome
    with app.app_context():
        attempt = get_session().get(Attempt, body["attempt_id"])
    assert attempt is not None and attempt.run_id is None and attempt.response == response


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"response": "one"}, "expected a list"),
        ({"answer": ["x"]}, '"response"'),
        ([1, 2], '"response"'),
    ],
)
def test_bad_answers_are_400(client: FlaskClient, payload: Any, message: str) -> None:
    posted = client.post("/api/banks/sample/questions/timeline/answer", json=payload)
    assert posted.status_code == 400
    assert_matches(posted.get_json(), "Problem")
    assert message in posted.get_json()["error"]


def test_progress(client: FlaskClient) -> None:
    assert_matches(client.get("/api/progress").get_json(), "Progress")
    for _ in range(2):
        client.post("/api/banks/sample/questions/tajik-ties/answer", json={"response": "false"})
    body = client.get("/api/progress").get_json()
    assert_matches(body, "Progress")
    [sample] = [bank for bank in body["banks"] if bank["bank_id"] == "sample"]
    assert (sample["mastered"], sample["mastered_count"]) == (["tajik-ties"], 1)
    assert "mastered" in body["mastery_definition"]


def test_csrf_header_is_required(make_app: Any) -> None:
    client = make_app(WTF_CSRF_ENABLED=True).test_client()
    url = "/api/banks/sample/questions/drills-country/answer"
    refused = client.post(url, json={"response": "Tajikistan"})
    assert refused.status_code == 400 and "CSRF" in refused.get_json()["error"]
    token = client.get("/api/csrf-token").get_json()["csrf_token"]
    accepted = client.post(url, json={"response": "Tajikistan"}, headers={"X-CSRFToken": token})
    assert accepted.status_code == 200 and accepted.get_json()["correct"] is True
