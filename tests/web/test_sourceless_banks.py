"""Banks with no source article (as `quiz import` writes them) through the quiz pages, the
flashcards and the API: every question answerable, and no "From the article" box anywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
from flask import Flask
from flask.testing import FlaskClient

from quiz.core.bank import Question
from quiz.core.interchange.bank_building import build_bank
from quiz.core.interchange.gift_reading import read_gift
from quiz.core.presentation import present
from quiz.storage import get_run
from quiz.web.api.routes import openapi_spec
from quiz.web.banks_registry import get_registry
from quiz.web.database import get_session

ROOT = Path(__file__).parents[2]
GIFT = ROOT / "tests" / "data" / "interchange" / "every-construct.gift"
QUOTED = """title: Quoted without an article
questions:
  - id: boiling
    type: number
    prompt: At how many degrees Celsius does water boil at sea level?
    answer: 100
    quote: Water boils at 100 °C at sea level.
  - id: boiling-card
    type: card
    front: Water's boiling point at sea level
    back: 100 °C
"""


@pytest.fixture
def app(make_app: Any, tmp_path: Path) -> Flask:
    banks = tmp_path / "banks"
    banks.mkdir()
    built = build_bank(read_gift(GIFT.read_bytes(), "Every GIFT construct"), GIFT.name)
    (banks / "gift.yaml").write_text(built.text, encoding="utf-8")
    (banks / "quoted.yaml").write_text(QUOTED, encoding="utf-8")
    return make_app(QUESTIONS_DIR=str(banks))


def some_response(question: Question, seed: int) -> dict[str, Any]:
    """A well-formed response of each type, as the page's form posts it (right or not)."""
    shown = present(question, seed=seed)
    if question.type == "match":
        return {f"match-{i}": pair[1] for i, pair in enumerate(question.key.pairs, 1)}
    if question.type == "cloze":
        return {f"blank-{i}": "x" for i in range(1, len(question.key.blanks) + 1)}
    if question.type == "choice" and question.key.select_all:
        return {"answer": [shown.choices[0]]}
    if question.type == "choice":
        return {"answer": shown.choices[0]}
    return {"answer": "true" if question.type == "truefalse" else "1"}


def test_both_banks_load_and_are_listed(client: FlaskClient) -> None:
    page = client.get("/").get_data(as_text=True)
    assert "Every GIFT construct" in page and "Quoted without an article" in page
    with client.application.app_context():
        bank = get_registry().get("gift")
        assert bank is not None and all(q.source_sentence is None for q in bank.questions)


def test_every_imported_question_is_answered_through_the_page(app: Flask) -> None:
    client = app.test_client()
    started = client.post("/quiz/gift", data={"layout": "one"})
    assert started.status_code == 302
    run_id = int(started.location.split("/")[3])
    with app.app_context():
        run = get_run(get_session(), run_id)
        bank = get_registry().get("gift")
        assert run is not None and bank is not None
        questions = [bank.question(qid) for qid in run.question_ids]
    assert len(questions) == 29  # 32 imported: two essays and a description are cards
    for position, question in enumerate(questions, 1):
        assert question is not None
        fields = {f"q{position}-{k}": v for k, v in some_response(question, run_id).items()}
        url = f"/quiz/run/{run_id}/{position}"
        assert client.post(url, data=fields).status_code == 302, question.id
        page = client.get(url).get_data(as_text=True)
        assert 'class="verdict ' in page, question.id
        assert "From the article" not in page and 'class="source"' not in page


def test_a_quote_without_an_article_is_shown_as_quoted(client: FlaskClient) -> None:
    started = client.post("/quiz/quoted", data={"layout": "one"})
    url = started.location
    client.post(url, data={"q1-answer": "100"})
    page = client.get(url).get_data(as_text=True)
    assert "Right" in page and "<figcaption>Quoted</figcaption>" in page
    assert "From the article" not in page and "Water boils at 100 °C" in page


def test_the_api_answers_with_no_source_sentence(client: FlaskClient) -> None:
    bank = client.get("/api/banks/gift").get_json()
    assert bank["question_count"] == 29
    first = bank["questions"][0]
    answered = client.post(
        f"/api/banks/gift/questions/{first['id']}/answer", json={"response": "no one"}
    )
    body = answered.get_json()
    assert answered.status_code == 200 and body["correct"] is True
    for payload, name in ((bank, "BankDetail"), (body, "Verdict")):
        schema = {**openapi_spec(), "$ref": f"#/components/schemas/{name}"}
        jsonschema.Draft202012Validator(schema).validate(payload)
    assert body["source_sentence"] is None and body["quote"] == ""


def test_flashcards_show_imported_cards_without_a_source_box(client: FlaskClient) -> None:
    page = client.get("/flashcards/").get_data(as_text=True)
    assert "Every GIFT construct" in page and "32 cards" in page
    back = client.get("/flashcards/card/gift/hammarskjold").get_data(as_text=True)
    assert "A Swedish diplomat" in back and "From the article" not in back
    assert "fc-source" not in back
