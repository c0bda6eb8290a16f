"""Hostile requests: oversized bodies and answers, deep JSON, huge ids, and errors on the API.

Each gets a clear answer (400, 404, 405, 413 or 422 with a message; JSON on the API), never a
500 and never a stored answer.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quiz.core.grading.limits import MAX_TEXT_CHARS
from quiz.storage import Attempt
from quiz.web.database import get_session

ANSWER_URL = "/api/banks/sample/questions/{}/answer"
TOO_LONG = "x" * (MAX_TEXT_CHARS + 1)
HUGE_ID = 2**63  # one past SQLite's largest integer


def stored_attempts(app: Flask) -> int:
    with app.app_context():
        return get_session().query(Attempt).count()


def post_json(client: FlaskClient, url: str, body: str) -> Any:
    return client.post(url, data=body, content_type="application/json")


def start_run(client: FlaskClient, layout: str = "one") -> int:
    response = client.post("/quiz/sample", data={"layout": layout})
    assert response.status_code == 302
    return int(response.location.split("/")[3])


@pytest.mark.parametrize(
    ("question_id", "response", "message"),
    [
        ("base-number", TOO_LONG, "too long: 1,001 characters, at most 1,000"),
        ("border-distance", "4 " + "words " * 700, "too long"),
        ("drills-end", "1" * 100_00, "too long"),
        ("drills-end", "18 April \ud800", "not valid text"),
        ("ansarullah-cloze", ["y" * 1001], "item 1 is too long"),
        ("drills-specialists", ["UAV operators"] * 101, "too many items"),
    ],
)
def test_api_refuses_oversized_or_invalid_answers_with_400_json(
    app: Flask, client: FlaskClient, question_id: str, response: Any, message: str
) -> None:
    answered = client.post(ANSWER_URL.format(question_id), json={"response": response})
    assert answered.status_code == 400
    assert message in answered.get_json()["error"]
    assert stored_attempts(app) == 0


def test_api_json_nested_ten_thousand_deep_is_a_400(client: FlaskClient) -> None:
    body = '{"response": ' + "[" * 10_000 + "]" * 10_000 + "}"
    answered = post_json(client, ANSWER_URL.format("base-number"), body)
    assert answered.status_code == 400
    assert "nested too deeply" in answered.get_json()["error"]
    # The app still serves pages afterwards, error pages included.
    assert client.get("/api/banks/nope").status_code == 404
    assert client.get("/").status_code == 200


def test_api_body_over_the_limit_is_413_json(app: Flask, client: FlaskClient) -> None:
    body = '{"response": "' + "x" * 70_000 + '"}'
    answered = post_json(client, ANSWER_URL.format("base-number"), body)
    assert answered.status_code == 413
    assert "64 KB" in answered.get_json()["error"]
    assert stored_attempts(app) == 0


def test_a_form_over_the_limit_is_413_on_the_apps_own_page(app: Flask, client: FlaskClient) -> None:
    run_id = start_run(client)
    posted = client.post(f"/quiz/run/{run_id}/4", data={"q4-answer": "x" * 70_000})
    assert posted.status_code == 413
    page = posted.get_data(as_text=True)
    assert "Too much sent" in page and "64 KB" in page and 'class="site-nav' in page
    assert stored_attempts(app) == 0


def test_the_request_limit_is_a_setting(make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app(MAX_CONTENT_LENGTH=2_048).test_client()
    body = '{"response": "' + "1" * 2_100 + '"}'
    answered = post_json(client, ANSWER_URL.format("base-number"), body)
    assert answered.status_code == 413 and "2 KB" in answered.get_json()["error"]


@pytest.mark.parametrize(
    ("method", "url", "code"),
    [
        ("get", "/api/nothing-here", 404),
        ("get", "/api/banks/sample/questions/base-number/answer", 405),
        ("delete", "/api/banks", 405),
        ("post", ANSWER_URL.format("base-number"), 400),
    ],
)
def test_every_api_error_is_json(client: FlaskClient, method: str, url: str, code: int) -> None:
    answered = getattr(client, method)(url)
    assert answered.status_code == code
    assert answered.is_json and answered.get_json()["error"]


def test_an_api_500_is_json_and_pages_get_html(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(PROPAGATE_EXCEPTIONS=False)

    def broken() -> str:
        raise RuntimeError("a bug")

    app.add_url_rule("/api/broken", view_func=broken)
    app.add_url_rule("/broken", "broken_page", view_func=broken)
    client = app.test_client()
    api = client.get("/api/broken")
    assert api.status_code == 500 and "went wrong" in api.get_json()["error"]
    page = client.get("/broken")
    assert page.status_code == 500 and "Something went wrong" in page.get_data(as_text=True)


@pytest.mark.parametrize(
    "url",
    [
        f"/quiz/run/{HUGE_ID}/1",
        f"/quiz/run/1/{HUGE_ID}",
        f"/quiz/run/{HUGE_ID}/all",
        f"/quiz/run/{HUGE_ID}/done",
        f"/quiz/run/{10**40}/1",
    ],
)
def test_an_id_past_the_database_range_is_404(client: FlaskClient, url: str) -> None:
    client.post("/quiz/sample", data={"layout": "one"})
    assert client.get(url).status_code == 404
    assert client.post(f"/quiz/run/{HUGE_ID}/retry").status_code == 404


def test_a_too_long_quiz_answer_is_a_422_form_error(app: Flask, client: FlaskClient) -> None:
    run_id = start_run(client)
    posted = client.post(f"/quiz/run/{run_id}/4", data={"q4-answer": TOO_LONG})
    assert posted.status_code == 422
    page = posted.get_data(as_text=True)
    assert re.search(r'id="q4-error"[^>]*>⚠ Your answer is too long: 1,001 characters', page)
    assert 'maxlength="1000"' in page
    assert stored_attempts(app) == 0


def test_a_too_long_blank_on_the_all_on_one_page_is_a_422(app: Flask, client: FlaskClient) -> None:
    run_id = start_run(client, layout="all")
    posted = client.post(f"/quiz/run/{run_id}/all", data={"q9-blank-1": TOO_LONG})
    assert posted.status_code == 422
    assert "Blank 1 is too long: 1,001 characters" in posted.get_data(as_text=True)
    assert stored_attempts(app) == 0


def test_a_too_long_typed_flashcard_answer_is_a_422_form_error(client: FlaskClient) -> None:
    client.get("/flashcards/review?mode=type")
    url = "/flashcards/card/sample/training-ground/answer?mode=type"
    answered = client.post(url, data={"answer": TOO_LONG})
    assert answered.status_code == 422
    page = answered.get_data(as_text=True)
    assert "Your answer is too long: 1,001 characters" in page and 'aria-invalid="true"' in page
    assert 'maxlength="1000"' in page
