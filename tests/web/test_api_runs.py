"""Quiz runs through the API: start a run, answer it position by position, read it; the same
runs, grading and exam rules as the quiz pages, with bearer tokens or cookie and CSRF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quiz.storage import Attempt, QuizRun, create_learner
from quiz.storage.models import utcnow
from quiz.storage.tokens import create_token
from quiz.web.api.routes import openapi_spec
from quiz.web.database import get_session

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "tests" / "data" / "banks" / "sample.yaml"
SEED = ROOT / "seeds" / "000_42a00ded27f26e66.txt"
START = "/api/banks/sample/runs"
RIGHT = {  # the sample bank's first questions, in its order, with a right response each
    "drills-country": "Tajikistan",
    "drills-specialists": ["UAV operators", "mobile electronic warfare groups"],
    "tajik-ties": "false",
}


def assert_matches(body: Any, schema_name: str) -> None:
    schema = {**openapi_spec(), "$ref": f"#/components/schemas/{schema_name}"}
    jsonschema.Draft202012Validator(schema).validate(body)


def bearer(app: Flask, username: str = "ada", read_only: bool = False) -> dict[str, str]:
    """The Authorization header of a new account's token."""
    with app.app_context():
        db = get_session()
        made = create_token(
            db, create_learner(db, username, "correct horse"), "s", read_only, utcnow()
        )
        db.commit()
    return {"Authorization": f"Bearer {made.secret}"}


def answer_url(run_id: int, position: int) -> str:
    return f"/api/runs/{run_id}/questions/{position}/answer"


def count(app: Flask, model: type) -> int:
    with app.app_context():
        return get_session().scalar(select(func.count()).select_from(model)) or 0


def test_start_answer_and_read_a_run(app: Flask, client: FlaskClient) -> None:
    token = bearer(app)
    started = client.post(START, json={"count": 3}, headers=token)
    assert started.status_code == 201
    run = started.get_json()
    assert_matches(run, "Run")
    assert started.headers["Location"] == f"/api/runs/{run['id']}"
    assert [q["question_id"] for q in run["questions"]] == list(RIGHT)
    assert [q["position"] for q in run["questions"]] == [1, 2, 3]
    first = run["questions"][0]
    assert first["question"]["choices"] == ["Afghanistan", "Tajikistan", "Russia", "Uzbekistan"]
    assert "answer" not in first["question"] and first["answer_url"] == answer_url(run["id"], 1)
    assert (run["answered_count"], run["score"], run["finished_at"]) == (0, None, None)

    verdict = client.post(first["answer_url"], json={"response": "Tajikistan"}, headers=token)
    assert verdict.status_code == 200
    assert_matches(verdict.get_json(), "Verdict")
    assert verdict.get_json()["outcome"] == "right"
    with app.app_context():
        attempt = get_session().get(Attempt, verdict.get_json()["attempt_id"])
        assert attempt is not None and (attempt.run_id, attempt.position) == (run["id"], 1)

    wrong = client.post(
        answer_url(run["id"], 2), json={"response": ["naval divers"]}, headers=token
    )
    assert wrong.get_json()["outcome"] == "wrong"
    read = client.get(f"/api/runs/{run['id']}", headers=token).get_json()
    assert_matches(read, "Run")
    outcomes = [(q["answered"], q["outcome"]) for q in read["questions"]]
    assert outcomes == [(True, "right"), (True, "wrong"), (False, "unanswered")]
    assert read["answered_count"] == 2 and read["score"] is None


def test_the_last_answer_finishes_the_run_and_counts_its_score(
    app: Flask, client: FlaskClient
) -> None:
    token = bearer(app)
    run_id = client.post(START, json={"count": 2}, headers=token).get_json()["id"]
    client.post(answer_url(run_id, 1), json={"response": "Tajikistan"}, headers=token)
    client.post(answer_url(run_id, 2), json={"response": ["UAV operators"]}, headers=token)
    read = client.get(f"/api/runs/{run_id}", headers=token).get_json()
    assert read["finished_at"] is not None and read["score"] == 0.75  # 1 + a half, of 2
    progress = client.get("/api/progress", headers=token).get_json()
    [sample] = [bank for bank in progress["banks"] if bank["bank_id"] == "sample"]
    assert sample["best_score"] == 0.75  # the finished run counts, as one taken on the pages


def test_a_run_takes_one_answer_per_position(app: Flask, client: FlaskClient) -> None:
    token = bearer(app)
    run_id = client.post(START, headers=token).get_json()["id"]
    first = client.post(answer_url(run_id, 1), json={"response": "Russia"}, headers=token)
    again = client.post(answer_url(run_id, 1), json={"response": "Tajikistan"}, headers=token)
    assert first.status_code == 200 and again.status_code == 409
    assert_matches(again.get_json(), "Problem")
    assert "already answered" in again.get_json()["detail"]
    assert count(app, Attempt) == 1
    read = client.get(f"/api/runs/{run_id}", headers=token).get_json()
    assert read["questions"][0]["outcome"] == "wrong"  # the first answer stands


def test_a_retried_answer_with_its_key_gets_the_first_verdict(
    app: Flask, client: FlaskClient
) -> None:
    token = bearer(app)
    run_id = client.post(START, headers=token).get_json()["id"]
    headers = {**token, "Idempotency-Key": "run-answer-1"}
    first = client.post(answer_url(run_id, 1), json={"response": "Tajikistan"}, headers=headers)
    again = client.post(answer_url(run_id, 1), json={"response": "Tajikistan"}, headers=headers)
    assert first.status_code == again.status_code == 200
    assert again.get_json() == first.get_json() and count(app, Attempt) == 1


def test_a_retried_start_with_its_key_makes_one_run(app: Flask, client: FlaskClient) -> None:
    headers = {**bearer(app), "Idempotency-Key": "start-1"}
    first = client.post(START, json={"count": 2}, headers=headers)
    again = client.post(START, json={"count": 2}, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.get_json() == first.get_json()
    assert again.headers["Location"] == first.headers["Location"]
    assert count(app, QuizRun) == 1
    other = client.post(START, json={"count": 3}, headers=headers)  # same key, other request
    assert other.status_code == 409 and count(app, QuizRun) == 1


def test_a_run_is_private(app: Flask, client: FlaskClient) -> None:
    ada, bob = bearer(app, "ada"), bearer(app, "bob")
    run_id = client.post(START, headers=ada).get_json()["id"]
    for response in (
        client.get(f"/api/runs/{run_id}", headers=bob),
        client.post(answer_url(run_id, 1), json={"response": "Tajikistan"}, headers=bob),
        app.test_client().get(f"/api/runs/{run_id}"),  # no token, no cookie
    ):
        assert response.status_code == 404
        assert_matches(response.get_json(), "Problem")
    assert count(app, Attempt) == 0


@pytest.mark.parametrize("position", [0, 12, 999])
def test_a_position_outside_the_run_is_404(app: Flask, client: FlaskClient, position: int) -> None:
    token = bearer(app)
    run_id = client.post(START, headers=token).get_json()["id"]  # 11 questions
    refused = client.post(answer_url(run_id, position), json={"response": "x"}, headers=token)
    assert refused.status_code == 404 and f"no question {position}" in refused.get_json()["detail"]


def test_a_read_only_token_may_read_a_run_but_not_start_or_answer(
    app: Flask, client: FlaskClient
) -> None:
    with app.app_context():  # a read-write and a read-only token of one account
        db = get_session()
        learner = create_learner(db, "ada", "correct horse")
        secrets = [create_token(db, learner, "s", ro, utcnow()).secret for ro in (False, True)]
        writer, reader = ({"Authorization": f"Bearer {secret}"} for secret in secrets)
        db.commit()
    run_id = client.post(START, headers=writer).get_json()["id"]
    assert client.get(f"/api/runs/{run_id}", headers=reader).status_code == 200
    for refused in (
        client.post(START, headers=reader),
        client.post(answer_url(run_id, 1), json={"response": "Tajikistan"}, headers=reader),
    ):
        assert refused.status_code == 403 and "read-only" in refused.get_json()["detail"]
    assert count(app, QuizRun) == 1 and count(app, Attempt) == 0


def test_exam_banks_are_taken_in_the_browser(app: Flask, client: FlaskClient) -> None:
    token = bearer(app)
    refused = client.post("/api/banks/exam/runs", headers=token)
    assert refused.status_code == 403
    assert_matches(refused.get_json(), "Problem")
    assert "taken in the browser" in refused.get_json()["detail"]
    assert count(app, QuizRun) == 0


def test_an_exam_run_from_the_pages_stays_sealed(app: Flask, client: FlaskClient) -> None:
    """A cookie learner's exam run, started and answered on the pages: the API tells
    nothing of right or wrong before it ends, and takes no answers to it."""
    started = client.post("/quiz/exam", data={"layout": "one"})
    run_id = int(started.location.split("/")[3])
    client.post(f"/quiz/run/{run_id}/1", data={"q1-answer": "Russia"})
    read = client.get(f"/api/runs/{run_id}").get_json()
    assert_matches(read, "Run")
    assert read["questions"][0]["outcome"] == "recorded" and read["score"] is None
    refused = client.post(answer_url(run_id, 2), json={"response": "false"})
    assert refused.status_code == 403 and count(app, Attempt) == 1


def test_a_run_started_by_the_api_goes_on_in_the_pages(app: Flask, client: FlaskClient) -> None:
    run_id = client.post(START, json={"count": 2}).get_json()["id"]  # a cookie learner's
    client.post(answer_url(run_id, 1), json={"response": "Tajikistan"})
    page = client.get(f"/quiz/run/{run_id}/1").get_data(as_text=True)
    assert "Right" in page  # the page shows the API's answer as its own
    client.post(f"/quiz/run/{run_id}/2", data={"q2-answer": ["naval divers"]})
    read = client.get(f"/api/runs/{run_id}").get_json()
    assert read["questions"][1]["outcome"] == "wrong" and read["score"] == 0.5


@pytest.mark.parametrize(
    ("response", "message"),
    [
        ("x" * 1001, "too long: 1,001 characters, at most 1,000"),
        (["Kharb-Maidon"], "expected a text response"),
    ],
)
def test_a_bad_response_is_400_and_saves_nothing(
    app: Flask, client: FlaskClient, response: Any, message: str
) -> None:
    token = bearer(app)
    run_id = client.post(START, headers=token).get_json()["id"]  # 4: training-ground, text
    refused = client.post(answer_url(run_id, 4), json={"response": response}, headers=token)
    assert refused.status_code == 400 and message in refused.get_json()["detail"]
    assert_matches(refused.get_json(), "Problem")
    assert count(app, Attempt) == 0
    right = client.post(answer_url(run_id, 4), json={"response": "Kharb-Maidon"}, headers=token)
    assert right.status_code == 200  # refused, the position is still open


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"count": 0}, "count must be a whole number, 1 or more"),
        ({"count": "3"}, "count must be a whole number"),
        ({"count": True}, "count must be a whole number"),
        ({"shuffle": "yes"}, "shuffle must be true or false"),
        ({"tags": ["nope"]}, "tags must be a list of this bank's tags: it has none"),
        ({"tags": "military"}, "tags must be a list"),
        ({"shuffle_questions": True}, "Unknown field(s) shuffle_questions"),
        ([1, 2], "Send a JSON object"),
    ],
)
def test_bad_options_are_400(app: Flask, client: FlaskClient, body: Any, message: str) -> None:
    refused = client.post(START, json=body, headers=bearer(app))
    assert refused.status_code == 400 and message in refused.get_json()["detail"]
    assert count(app, QuizRun) == 0


def test_nothing_to_ask_is_422(app: Flask, client: FlaskClient) -> None:
    token = bearer(app)
    refused = client.post(START, json={"only_wrong": True}, headers=token)
    detail = refused.get_json()["detail"]
    assert refused.status_code == 422 and "only_wrong left no question" in detail
    assert "Untick" not in detail  # the start page's words, not a program's
    assert count(app, QuizRun) == 0
    client.post(
        "/api/banks/sample/questions/tajik-ties/answer", json={"response": "true"}, headers=token
    )
    retry = client.post(START, json={"only_wrong": True}, headers=token).get_json()
    assert [q["question_id"] for q in retry["questions"]] == ["tajik-ties"]


def test_tags_and_shuffle_choose_as_the_start_page_does(make_app: Any, tmp_path: Path) -> None:
    folder = tmp_path / "banks"
    folder.mkdir()
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "../../../seeds/000_42a00ded27f26e66.txt", str(SEED)
    )
    tagged = "    type: truefalse\n"  # tajik-ties and training-ground get a tag
    text = text.replace(tagged, tagged + "    tags: [ties]\n").replace(
        "    type: text\n", "    type: text\n    tags: [ties, places]\n", 1
    )
    (folder / "sample.yaml").write_text(text, encoding="utf-8")
    app = make_app(QUESTIONS_DIR=str(folder))
    client, token = app.test_client(), bearer(app)
    body = {"tags": ["ties"], "shuffle": True, "shuffle_choices": True}
    run = client.post(START, json=body, headers=token).get_json()
    assert sorted(q["question_id"] for q in run["questions"]) == ["tajik-ties", "training-ground"]
    with app.app_context():
        saved = get_session().get(QuizRun, run["id"])
        assert saved is not None and saved.options["tags"] == ["ties"]
        assert saved.options["shuffle_questions"] and saved.options["shuffle_choices"]


def test_cookie_calls_need_the_csrf_token(make_app: Any) -> None:
    client = make_app(WTF_CSRF_ENABLED=True).test_client()
    refused = client.post(START, json={"count": 1})
    assert refused.status_code == 400 and "CSRF" in refused.get_json()["detail"]
    csrf = {"X-CSRFToken": client.get("/api/csrf-token").get_json()["csrf_token"]}
    run = client.post(START, json={"count": 1}, headers=csrf)
    assert run.status_code == 201
    url = run.get_json()["questions"][0]["answer_url"]
    assert client.post(url, json={"response": "Tajikistan"}).status_code == 400
    answered = client.post(url, json={"response": "Tajikistan"}, headers=csrf)
    assert answered.status_code == 200 and answered.get_json()["correct"] is True
