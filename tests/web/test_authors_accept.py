"""Accepting a common wrong answer from the question page, then regrading and undoing it."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sample_bank import copy_sample_bank
from sqlalchemy import select

from quiz.core.verdict import Verdict
from quiz.storage import create_learner, find_learner_by_username, record_attempt
from quiz.storage.accounts import set_author
from quiz.storage.models import Attempt, Regrade
from quiz.web.database import get_session

AppMaker = Callable[..., Flask]
QUESTION = "/authors/banks/sample/questions/training-ground"
NOT_QUITE = "Not quite: the answer is Kharb-Maidon."


@pytest.fixture
def banks(tmp_path: Path) -> Path:
    return copy_sample_bank(tmp_path / "banks")


@pytest.fixture
def site(make_app: AppMaker, banks: Path) -> tuple[Flask, FlaskClient]:
    """An author signed in; two learners answered 'Karb Madn', one 'Dushanbe'."""
    app = make_app(QUESTIONS_DIR=str(banks))
    with app.app_context():
        db = get_session()
        set_author(db, create_learner(db, "ada", "correct horse"), True)
        for response in ("Karb Madn", "karb madn", "Dushanbe"):
            record_attempt(
                db, learner_id=create_learner(db).id, bank_id="sample",
                question_id="training-ground", response=response,
                verdict=Verdict(False, 0.0, "Kharb-Maidon", NOT_QUITE),
            )  # fmt: skip
        db.commit()
    client = app.test_client()
    client.post("/auth/login", data={"username": "ada", "password": "correct horse"})
    return app, client


def shown_hash(client: FlaskClient) -> str:
    page = client.get(QUESTION).text
    match = re.search(r'name="file_hash" value="([0-9a-f]{64})"', page)
    assert match is not None, "the page offers no accept button"
    return match.group(1)


def test_accept_shows_the_diff_and_the_next_identical_answer_is_right(
    site: tuple[Flask, FlaskClient], banks: Path
) -> None:
    app, client = site
    before = (banks / "sample.yaml").read_text()
    page = client.post(
        f"{QUESTION}/accept", data={"response": "Karb Madn", "file_hash": shown_hash(client)}
    )
    assert page.status_code == 200, page.text
    assert "Accepted “Karb Madn”" in page.text
    assert 'class="au-diff-line au-diff-add">+    accept: [Karb Madn]</span>' in page.text
    assert "Regrade 2 answers" in page.text  # both spellings, as the grader reads them
    after = (banks / "sample.yaml").read_text()
    assert after != before and "accept: [Karb Madn]" in after
    tried = client.post(f"{QUESTION}/try", data={"q1-answer": "karb madn"}).text
    assert "verdict-right" in tried  # served at once by this process

    regraded = client.post(f"{QUESTION}/regrade", data={"response": "Karb Madn"})
    assert regraded.status_code == 200 and "2 past answers from 2 learners" in regraded.text
    with app.app_context():
        db = get_session()
        rows = db.scalars(select(Attempt).order_by(Attempt.id)).all()
        assert [a.correct for a in rows] == [True, True, False]
        [audit] = db.scalars(select(Regrade)).all()
        ada = find_learner_by_username(db, "ada")
        assert ada is not None and (audit.author, audit.author_id) == ("ada", ada.id)


def test_undo_puts_the_file_back(site: tuple[Flask, FlaskClient], banks: Path) -> None:
    _, client = site
    before = (banks / "sample.yaml").read_bytes()
    accepted = client.post(
        f"{QUESTION}/accept", data={"response": "Karb Madn", "file_hash": shown_hash(client)}
    ).text
    after_hash = re.search(r'name="file_hash" type="hidden" value="([0-9a-f]{64})"', accepted)
    assert after_hash is not None
    undone = client.post(f"{QUESTION}/undo", data={"file_hash": after_hash.group(1)})
    assert undone.status_code == 200, re.findall(r"(?s)au-refusal-text\">(.*?)</pre>", undone.text)
    assert "Edit undone" in undone.text
    assert 'au-diff-del">-    accept: [Karb Madn]</span>' in undone.text
    assert (banks / "sample.yaml").read_bytes() == before
    again = client.post(f"{QUESTION}/undo", data={"file_hash": after_hash.group(1)})
    assert again.status_code == 409 and "no edit to undo" in again.text


def test_a_stale_page_or_a_check_wrong_example_writes_nothing(
    site: tuple[Flask, FlaskClient], banks: Path, tmp_path: Path
) -> None:
    _, client = site
    before = (banks / "sample.yaml").read_bytes()
    stale = client.post(f"{QUESTION}/accept", data={"response": "Karb Madn", "file_hash": "0" * 64})
    assert stale.status_code == 409 and "has changed since it was shown" in stale.text
    refused = client.post(
        f"{QUESTION}/accept", data={"response": "Dushanbe", "file_hash": shown_hash(client)}
    )
    assert refused.status_code == 409 and "Not accepted; the file is unchanged." in refused.text
    assert "sample.yaml:" in refused.text and str(tmp_path) not in refused.text
    assert (banks / "sample.yaml").read_bytes() == before


def test_accept_needs_the_csrf_token(make_app: AppMaker, banks: Path) -> None:
    app = make_app(QUESTIONS_DIR=str(banks), WTF_CSRF_ENABLED=True)
    with app.app_context():
        db = get_session()
        set_author(db, create_learner(db, "ada", "correct horse"), True)
        db.commit()
    client = app.test_client()
    token = re.search(
        r'name="csrf_token" type="hidden" value="([^"]+)"', client.get("/auth/login").text
    )
    assert token is not None
    login = {"username": "ada", "password": "correct horse", "csrf_token": token.group(1)}
    assert client.post("/auth/login", data=login).status_code == 302
    before = (banks / "sample.yaml").read_bytes()
    refused = client.post(
        f"{QUESTION}/accept", data={"response": "Karb Madn", "file_hash": "0" * 64}
    )
    assert refused.status_code == 400
    assert (banks / "sample.yaml").read_bytes() == before


def test_choice_questions_offer_no_alias_button(site: tuple[Flask, FlaskClient]) -> None:
    app, client = site
    with app.app_context():
        db = get_session()
        record_attempt(
            db, learner_id=create_learner(db).id, bank_id="sample", question_id="drills-country",
            response="Russia", verdict=Verdict(False, 0.0, "Tajikistan", "No: Tajikistan."),
        )  # fmt: skip
        db.commit()
    page = client.get("/authors/banks/sample/questions/drills-country").text
    assert '<q class="au-wrong-text">Russia</q>' in page
    assert "Accept as an alias" not in page and "takes no aliases" in page
