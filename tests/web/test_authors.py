"""The authors' pages through the client: who gets in, what each page shows, what is saved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sample_bank import copy_sample_bank
from sqlalchemy import func, select

from quiz.core.verdict import Verdict
from quiz.storage import create_learner, find_learner_by_username, record_attempt
from quiz.storage.accounts import set_author
from quiz.storage.models import Attempt, CardState, ReviewLog
from quiz.web.auth import author_required
from quiz.web.database import get_session

if TYPE_CHECKING:
    from conftest import AuthActions

AppMaker = Callable[..., Flask]
QUESTION = "/authors/banks/sample/questions/training-ground"


def make_author(app: Flask, username: str = "ada") -> None:
    with app.app_context():
        db = get_session()
        learner = create_learner(db, username, "correct horse")
        set_author(db, learner, True)
        db.commit()


@pytest.fixture
def author(app: Flask, auth: AuthActions) -> AuthActions:
    make_author(app)
    auth.login()
    return auth


def login(client: FlaskClient, username: str = "ada") -> None:
    data = {"username": username, "password": "correct horse"}
    assert client.post("/auth/login", data=data).status_code == 302


def author_urls(app: Flask) -> list[tuple[str, str]]:
    """(method, url) for every route of the authors' blueprint, with real ids filled in."""
    values = {"bank_id": "sample", "question_id": "training-ground"}
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("authors."):
            url = rule.build(values, append_unknown=False)
            assert url is not None
            for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
                found.append((method, url[1]))
    return found


def test_every_authors_url_is_404_to_visitors_and_learners(
    app: Flask, client: FlaskClient, auth: AuthActions
) -> None:
    urls = author_urls(app)
    assert ("GET", "/authors/") in urls and ("POST", f"{QUESTION}/try") in urls
    for method, url in urls:
        assert client.open(url, method=method).status_code == 404, (method, url)
    auth.register("learner")  # signed in, but no author
    for method, url in urls:
        assert client.open(url, method=method).status_code == 404, (method, url)


def test_a_revoked_author_is_out_on_the_next_request(
    app: Flask, client: FlaskClient, author: AuthActions
) -> None:
    assert client.get("/authors/").status_code == 200
    with app.app_context():
        db = get_session()
        ada = find_learner_by_username(db, "ada")
        assert ada is not None
        set_author(db, ada, False)
        db.commit()
    assert client.get("/authors/").status_code == 404


def test_the_authors_link_shows_only_to_authors(client: FlaskClient, app: Flask) -> None:
    assert 'href="/authors/"' not in client.get("/").text
    make_author(app)
    login(client)
    assert 'href="/authors/"' in client.get("/").text


def write_banks(folder: Path) -> None:
    copy_sample_bank(folder)
    (folder / "broken.yaml").write_text(
        "title: Broken\nquestions:\n  - id: x\n    type: txt\n    prompt: P\n    answer: A\n"
    )


def test_banks_page_lists_files_with_status_and_problem_lines(
    tmp_path: Path, make_app: AppMaker
) -> None:
    banks = tmp_path / "banks"
    write_banks(banks)
    app = make_app(QUESTIONS_DIR=str(banks))
    make_author(app)
    client = app.test_client()
    home = client.get("/").text
    assert "failed to load" not in home  # not signed in: no word of broken files
    login(client)
    assert "1 bank file failed to load" in client.get("/").text
    page = client.get("/authors/").text
    assert "<code>broken.yaml</code>" in page and "<code>sample.yaml</code>" in page
    assert "Broken</span>" in page and "OK</span>" in page
    assert "line 4, column 5</span> unknown question type &#39;txt&#39;" in page
    # two lines before, the marked line, two after, then the caret under column 5
    marked = '<span class="au-line au-line-marked"><span class="au-lineno" aria-hidden="true">'
    assert marked + "   4 </span>    type: txt</span>" in page
    for number in (2, 3, 5, 6):
        assert f'aria-hidden="true">   {number} </span>' in page
    assert '<span class="au-lineno">     </span>    ^ column 5</span>' in page
    assert str(tmp_path) not in page  # no absolute path anywhere


def seed(app: Flask) -> None:
    """Five learners' answers to the text question: one right, two wrong answers twice each."""
    answers = [("Kharb-Maidon", True), ("Dushanbe", False), ("dushanbe", False)]
    answers += [("Karb Madn", False), ("karb madn", False)]  # close: one typo past the budget
    with app.app_context():
        db = get_session()
        for response, right in answers:
            learner = create_learner(db)
            verdict = Verdict(
                right, float(right), "Kharb-Maidon", "Right." if right else "Not quite."
            )
            record_attempt(
                db, learner_id=learner.id, bank_id="sample", question_id="training-ground",
                response=response, verdict=verdict, time_taken_ms=5000,
            )  # fmt: skip
        db.commit()


def test_item_analysis_table_sorts_and_switches(
    app: Flask, client: FlaskClient, author: AuthActions
) -> None:
    seed(app)
    page = client.get("/authors/banks/sample").text
    assert "<code>training-ground</code>" in page
    assert 'data-label="% right">20 %</td>' in page
    assert ">Too hard</a>" in page and ">Often close</a>" in page  # 1 of 5; 2 of 4 close
    assert 'data-label="Median time">5.0 s</td>' in page
    by_facility = client.get("/authors/banks/sample?sort=facility&order=desc").text
    assert 'aria-sort="descending"' in by_facility
    # the only question with answers comes first, the unanswered (—) after it
    first_row = by_facility.split("<tbody>")[1].split("</tr>")[0]
    assert "training-ground" in first_row
    assert client.get("/authors/banks/sample?mode=all&sort=bogus").status_code == 200
    assert 'href="/authors/banks/sample/questions/csto-card"' in page  # a card, no figures
    card = client.get("/authors/banks/sample/questions/csto-card").text
    assert "What does CSTO stand for?" in card and "nothing to grade" in card
    assert client.get("/authors/banks/nope").status_code == 404


def test_question_preview_shows_the_quiz_parts_key_examples_and_quote(
    app: Flask, client: FlaskClient, author: AuthActions
) -> None:
    seed(app)
    page = client.get(QUESTION).text
    assert 'name="q1-answer"' in page  # the quiz's own input macro
    assert "Name the training ground where the exercise took place." in page
    assert "<dt>answer</dt><dd>Kharb-Maidon</dd>" in page
    assert "should be right</span>" in page and "<q>Kharb Maydon</q>" in page
    assert "<mark>at the Kharb-Maidon training ground in Tajikistan</mark>" in page
    assert "2×</span>" in page and '<q class="au-wrong-text">Dushanbe</q>' in page
    assert "Not quite." in page
    assert client.get("/authors/banks/sample/questions/nope").status_code == 404


def counts(app: Flask) -> tuple[int, int, int]:
    with app.app_context():
        db = get_session()
        return tuple(  # type: ignore[return-value]
            db.scalar(select(func.count()).select_from(model))
            for model in (Attempt, ReviewLog, CardState)
        )


def test_trying_an_answer_grades_it_and_records_nothing(
    app: Flask, client: FlaskClient, author: AuthActions
) -> None:
    before = counts(app)
    page = client.post(f"{QUESTION}/try", data={"q1-answer": "kharb maydn"}).text
    assert "verdict-right" in page and "Close: check the spelling" in page
    assert "Let pass: a typo." in page
    assert "<mark>at the Kharb-Maidon training ground in Tajikistan</mark>" in page
    wrong = client.post(f"{QUESTION}/try", data={"q1-answer": "Dushanbe"}).text
    assert "verdict-wrong" in wrong and "Not quite: the answer is Kharb-Maidon." in wrong
    empty = client.post(f"{QUESTION}/try", data={"q1-answer": ""})
    assert empty.status_code == 422 and "Type an answer" in empty.text
    huge = client.post(f"{QUESTION}/try", data={"q1-answer": "x" * 1001})
    assert huge.status_code == 422 and "at most 1,000" in huge.text
    assert counts(app) == before


def test_trying_an_answer_needs_the_csrf_token(make_app: AppMaker) -> None:
    app = make_app(WTF_CSRF_ENABLED=True)
    make_author(app)
    client = app.test_client()
    login = client.get("/auth/login").text
    token = login.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    data = {"username": "ada", "password": "correct horse", "csrf_token": token}
    assert client.post("/auth/login", data=data).status_code == 302
    refused = client.post(f"{QUESTION}/try", data={"q1-answer": "Kharb-Maidon"})
    assert refused.status_code == 400 and "verdict-right" not in refused.text
    page = client.get(QUESTION).text
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    accepted = client.post(
        f"{QUESTION}/try", data={"q1-answer": "Kharb-Maidon", "csrf_token": token}
    )
    assert accepted.status_code == 200 and "verdict-right" in accepted.text


def test_strangers_post_gets_404_not_a_csrf_error(make_app: AppMaker) -> None:
    client = make_app(WTF_CSRF_ENABLED=True).test_client()
    assert client.post(f"{QUESTION}/try", data={"q1-answer": "x"}).status_code == 404


def test_a_bank_broken_while_served_shows_its_errors_and_keeps_its_pages(
    tmp_path: Path, make_app: AppMaker
) -> None:
    banks = tmp_path / "banks"
    write_banks(banks)
    app = make_app(QUESTIONS_DIR=str(banks), BANKS_CHECK_SECONDS=0)
    make_author(app)
    client = app.test_client()
    login(client)
    sample = banks / "sample.yaml"
    sample.write_text(sample.read_text().replace("type: text", "type: txt", 1))
    page = client.get("/authors/").text
    assert "learners get its last good version until it is fixed" in page
    assert "unknown question type &#39;txt&#39;" in page
    assert client.get("/authors/banks/sample").status_code == 200
    assert client.get(QUESTION).status_code == 200


def test_author_required_guards_any_view(make_app: AppMaker) -> None:
    """The decorator, for a view outside the authors' blueprint: 404 until an author asks."""
    app = make_app()

    @app.get("/only-authors")
    @author_required
    def only_authors() -> str:
        return "secret"

    make_author(app)
    client = app.test_client()
    assert client.get("/only-authors").status_code == 404
    login(client)
    assert client.get("/only-authors").text == "secret"
