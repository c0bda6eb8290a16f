"""The progress page's kept copy (quiz/web/progress/cache.py) is never stale: after each write
that changes what the page shows, the next view shows the change, although the view before
it was served from the kept copy. Writes through the pages, the API, the authors' page, the
CLI in its own process, and a second app on the same database."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sample_bank import copy_sample_bank
from sqlalchemy import event

from quiz.storage import create_learner
from quiz.storage.accounts import set_author
from quiz.web.database import get_engine, get_session

if TYPE_CHECKING:
    from conftest import AuthActions

AppMaker = Callable[..., Flask]
ROOT = Path(__file__).parents[2]
ANSWER = "/api/banks/sample/questions/{}/answer"
PREVIEW_AT = r'name="preview_at" type="hidden" value="([^"]+)"'
FIGURES = {  # what the page shows, by name: each pattern's first group
    "answers": r"<dt>Answers</dt><dd>(\d+)</dd>",
    "right": r'<dd class="pg-stat-note">(\d+) right',
    "quiz questions": r'<span class="pg-of">of (\d+)</span>',
    "best score": r'data-figure="best-score">(\d+%)<',
    "new cards": r'data-figure="stage-new">(\d+)<',
    "learning cards": r'data-figure="stage-learning">(\d+)<',
    "desired": r"desired</a> (\d+%)",
    "ratings": r"(\d+) ratings? in 30 days",
}


@pytest.fixture
def banks(tmp_path: Path) -> Path:
    """A questions folder of its own holding the sample bank, for tests that edit it."""
    return copy_sample_bank(tmp_path / "banks")


@contextmanager
def statements(app: Flask) -> Iterator[list[str]]:
    sent: list[str] = []

    def record(*args: Any) -> None:
        sent.append(str(args[2]))

    engine = get_engine(app)
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", record)


def shown(client: FlaskClient) -> dict[str, str]:
    page = client.get("/progress").text
    found = {name: re.search(pattern, page) for name, pattern in FIGURES.items()}
    return {name: match.group(1) for name, match in found.items() if match}


def kept(app: Flask, client: FlaskClient) -> dict[str, str]:
    """The figures shown, once the page is kept: the second view must come from the kept copy
    (only the fingerprint reads progress_day then; drawing the page reads it twice more)."""
    first = shown(client)
    with statements(app) as sent:
        again = shown(client)
    assert again == first
    reads = [s for s in sent if "progress_day" in s]
    assert len(reads) == 1, "the second view was drawn again"
    return first


def answer(client: FlaskClient, question: str = "tajik-ties", response: str = "false") -> None:
    reply = client.post(ANSWER.format(question), json={"response": response})
    assert reply.status_code == 200, reply.text


def rate_card(client: FlaskClient, rating: str = "3") -> None:
    back = client.get("/flashcards/card/sample/drills-country").text
    preview_at = re.search(PREVIEW_AT, back)
    assert preview_at, "no rating form on the card's back"
    data = {"rating": rating, "preview_at": preview_at.group(1)}
    assert client.post("/flashcards/card/sample/drills-country/rate", data=data).status_code == 302


def test_a_repeated_view_is_served_from_the_kept_copy(app: Flask, client: FlaskClient) -> None:
    answer(client)
    assert kept(app, client)["answers"] == "1"


def test_an_answer_through_the_api_outside_a_run(app: Flask, client: FlaskClient) -> None:
    answer(client)
    before = kept(app, client)
    answer(client, "drills-country", "Russia")
    after = shown(client)
    assert (before["answers"], after["answers"]) == ("1", "2")
    assert before["right"] == after["right"] == "1"


def test_an_answer_through_the_api_in_a_run(app: Flask, client: FlaskClient) -> None:
    answer(client)
    run = client.post("/api/banks/sample/runs", json={"count": 2}).get_json()
    before = kept(app, client)
    reply = client.post(f"/api/runs/{run['id']}/questions/1/answer", json={"response": "x"})
    assert reply.status_code == 200, reply.text
    assert (before["answers"], shown(client)["answers"]) == ("1", "2")


def test_an_answer_from_the_quiz_page_and_finishing_its_run(
    app: Flask, client: FlaskClient
) -> None:
    answer(client)
    question = client.post("/quiz/sample", data={"count": "1", "layout": "one"}).location
    before = kept(app, client)
    client.post(question, data={"q1-answer": "Tajikistan"})  # the sample's first question
    answered = kept(app, client)
    assert (before["answers"], answered["answers"]) == ("1", "2")
    client.get(question.rsplit("/", 1)[0] + "/done")  # the done page finishes the run
    assert (answered.get("best score"), shown(client).get("best score")) == (None, "100%")


def test_a_flashcard_rating_and_its_undo_on_the_pages(app: Flask, client: FlaskClient) -> None:
    answer(client)
    before = kept(app, client)
    rate_card(client)
    rated = kept(app, client)
    assert int(rated["new cards"]) == int(before["new cards"]) - 1
    assert (before["ratings"], rated["ratings"]) == ("1", "2")
    assert client.post("/flashcards/undo").status_code == 302
    assert shown(client) == before


def test_a_flashcard_rating_and_its_undo_through_the_api(app: Flask, client: FlaskClient) -> None:
    answer(client)
    before = kept(app, client)
    card = "/api/flashcards/cards/sample/drills-country"
    back = client.get(f"{card}/back").get_json()
    rated = client.post(back["rate_url"], json={"rating": 1, "preview_at": back["preview_at"]})
    assert rated.status_code == 200, rated.text
    after = kept(app, client)
    assert (after["learning cards"], after["ratings"]) == ("2", "2")  # Again: learning
    assert client.post("/api/flashcards/undo").status_code == 200
    assert shown(client) == before


def test_a_regrade_from_the_authors_page(make_app: AppMaker, banks: Path) -> None:
    app = make_app(QUESTIONS_DIR=str(banks))
    learner = app.test_client()
    answer(learner, "training-ground", "Karb Madn")
    with app.app_context():
        db = get_session()
        set_author(db, create_learner(db, "ada", "correct horse"), True)
        db.commit()
    author = app.test_client()
    author.post("/auth/login", data={"username": "ada", "password": "correct horse"})
    page = author.get("/authors/banks/sample/questions/training-ground").text
    file_hash = re.search(r'name="file_hash" value="([0-9a-f]{64})"', page)
    assert file_hash is not None
    question = "/authors/banks/sample/questions/training-ground"
    accepted = author.post(
        f"{question}/accept", data={"response": "Karb Madn", "file_hash": file_hash.group(1)}
    )
    assert accepted.status_code == 200, accepted.text
    before = kept(app, learner)  # the bank as edited, the answer still wrong
    regraded = author.post(f"{question}/regrade", data={"response": "Karb Madn"})
    assert regraded.status_code == 200, regraded.text
    assert (before["right"], shown(learner)["right"]) == ("0", "1")


def test_a_regrade_by_quiz_accept_in_another_process(make_app: AppMaker, banks: Path) -> None:
    # The app looks at the folder once an hour: only the database can tell it of the regrade.
    app = make_app(QUESTIONS_DIR=str(banks), BANKS_CHECK_SECONDS=3600)
    client = app.test_client()
    answer(client, "training-ground", "Karb Madn")
    before = kept(app, client)
    env = {**os.environ, "QUIZ_DATABASE_URL": app.config["DATABASE_URL"],
           "QUIZ_SECRET_KEY": "t", "QUIZ_QUESTIONS_DIR": str(banks)}  # fmt: skip
    command = [sys.executable, "-m", "quiz.cli", "accept", str(banks / "sample.yaml"),
               "training-ground", "Karb Madn", "--regrade", "--author", "ed"]  # fmt: skip
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (before["right"], shown(client)["right"]) == ("0", "1")


def test_the_anonymous_learner_merged_at_sign_in(
    app: Flask, client: FlaskClient, auth: AuthActions
) -> None:
    auth.register()
    answer(client)
    before = kept(app, client)  # the account's page, kept
    auth.logout()
    answer(client)  # a new anonymous learner
    answer(client, "drills-country", "Russia")
    auth.login()
    assert (before["answers"], shown(client)["answers"]) == ("1", "3")


def test_the_desired_retention_changed(app: Flask, client: FlaskClient) -> None:
    answer(client)
    before = kept(app, client)
    assert client.post("/flashcards/settings", data={"retention": "80"}).status_code == 302
    assert (before["desired"], shown(client)["desired"]) == ("90%", "80%")


def test_a_bank_edited(make_app: AppMaker, banks: Path) -> None:
    app = make_app(QUESTIONS_DIR=str(banks), RELOAD_BANKS=True)
    client = app.test_client()
    answer(client)
    before = kept(app, client)
    bank = banks / "sample.yaml"
    bank.write_text(
        bank.read_text().replace("  - id: tajik-ties\n", EXTRA + "  - id: tajik-ties\n")
    )
    after = shown(client)
    assert int(after["quiz questions"]) == int(before["quiz questions"]) + 1


EXTRA = """  - id: tajik-border
    type: truefalse
    prompt: The training ground lies close to the Afghan border.
    answer: yes
    check:
      right: ["true"]
      wrong: ["false"]
"""


def test_a_write_through_one_app_shows_on_the_other_at_once(make_app: AppMaker) -> None:
    """Two apps on one SQLite file, as two servers: B keeps the page, A takes an answer, and
    B's very next view shows it."""
    first, second = make_app(), make_app()
    on_a, on_b = first.test_client(), second.test_client()
    for client in (on_a, on_b):
        client.post("/auth/register" if client is on_a else "/auth/login",
                    data={"username": "ada", "password": "correct horse",
                          "confirm": "correct horse"})  # fmt: skip
    answer(on_a)
    before = kept(second, on_b)
    answer(on_a, "drills-country", "Russia")
    assert (before["answers"], shown(on_b)["answers"]) == ("1", "2")
