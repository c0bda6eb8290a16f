"""Exam banks (`exam: true`): quiz only, the key kept until the run ends, runs capped."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from leaks import form_for
from sqlalchemy import func, select

from quiz.core.bank import Bank
from quiz.storage import Attempt, QuizRun
from quiz.storage.models import CardState, ReviewLog
from quiz.web.banks_registry import get_registry
from quiz.web.database import get_session

ROOT = Path(__file__).parents[2]
EXAM = ROOT / "tests" / "data" / "banks" / "exam.yaml"
SEED = ROOT / "seeds" / "000_42a00ded27f26e66.txt"
TOKENS = re.compile(r'name="(?:csrf_token|shown)" type="hidden" value="[^"]*"')
# question id → (a right response, a wrong one)
ANSWERS: dict[str, tuple[Any, Any]] = {
    "exam-country": ("Tajikistan", "Russia"),
    "exam-ties": ("false", "true"),
    "exam-ground": ("Kharb-Maidon", "Dushanbe"),
    "exam-base": ("201", "210"),
    "exam-end": ("18 April", "19 April"),
    "exam-speaker": ("Shoigu", "Khovar"),
    "exam-cloze": (["Tajik Taliban"], ["Afghan Taliban"]),
    "exam-agencies": (
        {"TASS": "Russia", "Khovar": "Tajikistan"},
        {"TASS": "Tajikistan", "Khovar": "Russia"},
    ),
}


def exam_bank(app: Flask) -> Bank:
    with app.app_context():
        bank = get_registry().get("exam")
    assert bank is not None and bank.exam
    return bank


def start(client: FlaskClient, **options: Any) -> int:
    response = client.post("/quiz/exam", data={"layout": "one", **options})
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(response.location.split("/")[3])


def answer(client: FlaskClient, bank: Bank, run_id: int, position: int, right: bool) -> str:
    question = bank.quiz_questions[position - 1]
    response = ANSWERS[question.id][0 if right else 1]
    posted = client.post(
        f"/quiz/run/{run_id}/{position}", data=form_for(question, run_id, position, response)
    )
    assert posted.status_code == 302, posted.get_data(as_text=True)
    return client.get(f"/quiz/run/{run_id}/{position}").get_data(as_text=True)


def count(app: Flask, model: type) -> int:
    with app.app_context():
        return get_session().scalar(select(func.count()).select_from(model)) or 0


def capped_app(make_app: Any, tmp_path: Path, attempts: int = 1) -> Flask:
    folder = tmp_path / "banks"
    folder.mkdir()
    text = EXAM.read_text(encoding="utf-8").replace(
        "../../../seeds/000_42a00ded27f26e66.txt", str(SEED)
    )
    (folder / "exam.yaml").write_text(
        text.replace("exam: true\n", f"exam: true\nattempts: {attempts}\n"), encoding="utf-8"
    )
    return make_app(QUESTIONS_DIR=str(folder))


def test_after_each_answer_only_answer_recorded(app: Flask, client: FlaskClient) -> None:
    bank = exam_bank(app)
    run_id = start(client)
    for position, right in ((1, True), (2, False)):
        page = answer(client, bank, run_id, position, right)
        assert "Answer recorded" in page
        for giveaway in ("Right", "Wrong", "Expected", "verdict-right", "verdict-wrong"):
            assert giveaway not in page, giveaway
    first = bank.quiz_questions[0]
    assert first.explanation not in page and "From the article" not in page


def test_the_end_of_run_page_shows_the_key_only_when_every_question_is_answered(
    app: Flask, client: FlaskClient
) -> None:
    bank = exam_bank(app)
    run_id = start(client)
    answer(client, bank, run_id, 1, True)
    early = client.get(f"/quiz/run/{run_id}/done").get_data(as_text=True)
    assert "7 questions left" in early and "shown when you have answered" in early
    assert "Score" not in early and "Expected" not in early and "Wrong" not in early
    assert bank.quiz_questions[0].explanation not in early
    for position in range(2, len(bank.quiz_questions) + 1):
        answer(client, bank, run_id, position, position % 2 == 0)
    done = client.get(f"/quiz/run/{run_id}/done").get_data(as_text=True)
    assert "Exam complete" in done and "Expected" in done and "Answer recorded" not in done
    assert bank.quiz_questions[0].explanation in done and "From the article" in done
    assert "Retry the ones I missed" not in done  # a retry is practice
    # Back on a question page, the key is now shown there too.
    assert "Expected" in client.get(f"/quiz/run/{run_id}/2").get_data(as_text=True)


def test_the_one_page_layout_shows_recorded_answers_only(app: Flask, client: FlaskClient) -> None:
    bank = exam_bank(app)
    run_id = start(client, layout="all")
    answer(client, bank, run_id, 1, False)  # a question page of the same run
    page = client.get(f"/quiz/run/{run_id}/all").get_data(as_text=True)
    assert "Answer recorded" in page and "Wrong" not in page and "Expected" not in page


def test_exam_answers_are_no_flashcard_reviews(app: Flask, client: FlaskClient) -> None:
    bank = exam_bank(app)
    run_id = start(client)
    answer(client, bank, run_id, 1, True)
    assert count(app, Attempt) == 1
    assert (count(app, CardState), count(app, ReviewLog)) == (0, 0)


def test_an_exam_has_no_flashcards_and_no_learner_exports(client: FlaskClient) -> None:
    deck = client.get("/flashcards/").get_data(as_text=True)
    assert "Sample exam" not in deck and "Sample bank" in deck
    for url in (
        "/flashcards/review?bank=exam",
        "/flashcards/card/exam/exam-country",
        "/flashcards/exam/export.csv",
        "/flashcards/exam/export.apkg",
    ):
        assert client.get(url).status_code == 404, url
    for url in (
        "/flashcards/card/exam/exam-country/answer",
        "/flashcards/card/exam/exam-country/rate",
    ):
        assert client.post(url, data={"answer": "Tajikistan", "rating": "3"}).status_code == 404
    assert client.get("/flashcards/sample/export.csv").status_code == 200
    # The whole-deck review never deals an exam's card.
    front = client.get("/flashcards/review").get_data(as_text=True)
    assert "/card/exam/" not in front


def test_the_api_refuses_practice_answers_to_an_exam(app: Flask, client: FlaskClient) -> None:
    refused = client.post(
        "/api/banks/exam/questions/exam-country/answer", json={"response": "Tajikistan"}
    )
    assert refused.status_code == 403
    assert "is an exam" in refused.get_json()["error"]
    assert count(app, Attempt) == 0
    listed = {b["id"]: b["exam"] for b in client.get("/api/banks").get_json()["banks"]}
    assert listed == {"sample": False, "exam": True}


def test_progress_says_nothing_until_the_run_ends(app: Flask, client: FlaskClient) -> None:
    bank = exam_bank(app)
    run_id = start(client)

    def snapshot() -> tuple[str, str, Any]:
        pages = [client.get(url).get_data(as_text=True) for url in ("/", "/progress")]
        return (*(TOKENS.sub("", page) for page in pages), client.get("/api/progress").get_json())

    before = snapshot()
    for position in range(1, len(bank.quiz_questions)):
        answer(client, bank, run_id, position, position % 3 == 0)
    assert snapshot() == before
    answer(client, bank, run_id, len(bank.quiz_questions), True)
    client.get(f"/quiz/run/{run_id}/done")  # the end of the run
    after = client.get("/api/progress").get_json()
    [standing] = [b for b in after["banks"] if b["bank_id"] == "exam"]
    assert standing["best_score"] == pytest.approx(3 / 8)


def test_attempts_1_needs_a_signed_in_learner_and_allows_one_run(
    make_app: Any, tmp_path: Path
) -> None:
    app = capped_app(make_app, tmp_path)
    client = app.test_client()
    page = client.get("/quiz/exam").get_data(as_text=True)
    assert "sign in to take it" in page and "Start the exam" not in page
    assert client.post("/quiz/exam", data={"layout": "one"}).status_code == 200
    assert count(app, QuizRun) == 0
    client.post(
        "/auth/register",
        data={"username": "ada", "password": "pw-long-enough", "confirm": "pw-long-enough"},
    )
    assert "Start the exam" in client.get("/quiz/exam").get_data(as_text=True)
    run_id = start(client)
    again = client.post("/quiz/exam", data={"layout": "one"})
    assert again.status_code == 200
    message = "you have already started it."
    assert message in again.get_data(as_text=True)
    page = client.get("/quiz/exam").get_data(as_text=True)
    assert message in page and "Start the exam" not in page
    assert f'href="/quiz/run/{run_id}/done">Go on with your exam<' in page
    assert count(app, QuizRun) == 1


def test_attempts_2_allows_two_runs(make_app: Any, tmp_path: Path) -> None:
    app = capped_app(make_app, tmp_path, attempts=2)
    client = app.test_client()
    client.post(
        "/auth/register",
        data={"username": "ada", "password": "pw-long-enough", "confirm": "pw-long-enough"},
    )
    first, second = start(client), start(client)
    assert first != second
    third = client.post("/quiz/exam", data={"layout": "one"}).get_data(as_text=True)
    assert "may take 2 times, and you have started it 2 times already" in third
    with app.app_context():
        seats = get_session().scalars(select(QuizRun.seat).order_by(QuizRun.id)).all()
    assert seats == [1, 2]


def test_an_exam_run_cannot_be_retried(app: Flask, client: FlaskClient) -> None:
    bank = exam_bank(app)
    run_id = start(client)
    for position in range(1, len(bank.quiz_questions) + 1):
        answer(client, bank, run_id, position, False)
    retried = client.post(f"/quiz/run/{run_id}/retry")
    assert retried.status_code == 302 and retried.location.endswith(f"/quiz/run/{run_id}/done")
    assert count(app, QuizRun) == 1
