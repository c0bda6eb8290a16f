"""An accept through the authors' page is served by the same process at once, even where it
looks for edited files only once a minute (production's interval, set long here)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from flask import Flask
from sample_bank import copy_sample_bank, sample_bank_text

from quiz.core.verdict import Verdict
from quiz.storage import create_learner, record_attempt
from quiz.storage.accounts import set_author
from quiz.web.database import get_session

AppMaker = Callable[..., Flask]
QUESTION = "/authors/banks/sample/questions/training-ground"


def test_the_accepting_process_serves_the_new_key_on_its_next_request(
    make_app: AppMaker, tmp_path: Path
) -> None:
    banks = copy_sample_bank(tmp_path / "banks")
    app = make_app(QUESTIONS_DIR=str(banks), BANKS_CHECK_SECONDS=60)
    with app.app_context():
        db = get_session()
        set_author(db, create_learner(db, "ada", "correct horse"), True)
        record_attempt(  # a learner's wrong answer: what the page offers to accept
            db, learner_id=create_learner(db).id, bank_id="sample", question_id="training-ground",
            response="Karb Madn", verdict=Verdict(False, 0.0, "Kharb-Maidon", "Not quite."),
        )  # fmt: skip
        db.commit()
    client = app.test_client()
    client.post("/auth/login", data={"username": "ada", "password": "correct horse"})
    assert "verdict-wrong" in client.post(f"{QUESTION}/try", data={"q1-answer": "Karb Madn"}).text

    shown = re.search(r'name="file_hash" value="([0-9a-f]{64})"', client.get(QUESTION).text)
    assert shown is not None
    data = {"response": "Karb Madn", "file_hash": shown.group(1)}
    assert client.post(f"{QUESTION}/accept", data=data).status_code == 200

    assert "verdict-right" in client.post(f"{QUESTION}/try", data={"q1-answer": "Karb Madn"}).text


def test_a_bank_broken_by_an_edit_keeps_serving_and_its_page_says_so(
    make_app: AppMaker, tmp_path: Path
) -> None:
    banks = copy_sample_bank(tmp_path / "banks")
    app = make_app(QUESTIONS_DIR=str(banks), RELOAD_BANKS=True)
    with app.app_context():
        set_author(get_session(), create_learner(get_session(), "ada", "correct horse"), True)
        get_session().commit()
    author, learner = app.test_client(), app.test_client()
    author.post("/auth/login", data={"username": "ada", "password": "correct horse"})
    (banks / "sample.yaml").write_text(
        sample_bank_text().replace("type: choice", "type: choise", 1)
    )

    page = author.get("/authors/").text
    assert "Broken" in page and "unknown question type &#39;choise&#39;" in page
    assert "Learners still get this bank as it last loaded" in page
    assert learner.get("/quiz/sample").status_code == 200  # the last good version
