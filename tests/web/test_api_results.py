"""The authors' results API: item analysis and attempts as JSON and CSV, paged, for authors
only, with spreadsheet formulas neutralised."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quiz.storage import create_learner
from quiz.storage.accounts import set_author
from quiz.storage.models import Attempt
from quiz.web.api.result_rows import QUESTION_COLUMNS
from quiz.web.api.routes import openapi_spec
from quiz.web.database import get_session

if TYPE_CHECKING:
    from conftest import AuthActions

AppMaker = Callable[..., Flask]
ANALYSIS = "/api/authors/banks/sample/item-analysis"
ATTEMPTS = "/api/authors/banks/sample/attempts"
HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+1+cmd", "-2+3", "@SUM(A1)"]


def assert_matches(body: Any, schema_name: str) -> None:
    schema = {**openapi_spec(), "$ref": f"#/components/schemas/{schema_name}"}
    jsonschema.Draft202012Validator(schema).validate(body)


MAX_PAGES = 20  # more than the most pages any test here asks for (9 attempts at limit=1)


def follow_pages(client: FlaskClient, url: str, max_pages: int = MAX_PAGES) -> list[Any]:
    """Every page from `url` on, following `next` links: a paging bug whose links never end
    fails here after `max_pages` pages instead of hanging the run."""
    bodies: list[Any] = []
    for _ in range(max_pages):
        bodies.append(client.get(url).get_json())
        url = bodies[-1]["next"]
        if url is None:
            return bodies
    pytest.fail(f"{max_pages} pages and still a next link ({url}): paging never ends")


def answer(app: Flask, responses: list[tuple[str, Any]]) -> None:
    """One new learner (a fresh client) answering through the API."""
    client = app.test_client()
    for question_id, response in responses:
        url = f"/api/banks/sample/questions/{question_id}/answer"
        assert client.post(url, json={"response": response}).status_code == 200


def seed(app: Flask) -> None:
    answer(app, [("training-ground", "Kharb-Maidon"), ("drills-country", "Tajikistan")])
    answer(app, [("training-ground", "Dushanbe"), ("drills-country", "Russia")])
    answer(app, [("training-ground", hostile) for hostile in HOSTILE])


def make_author(app: Flask) -> None:
    with app.app_context():
        db = get_session()
        set_author(db, create_learner(db, "ada", "correct horse"), True)
        db.commit()


@pytest.fixture
def author(app: Flask, auth: AuthActions) -> AuthActions:
    make_author(app)
    auth.login()
    return auth


def attempt_ids(app: Flask) -> list[int]:
    with app.app_context():
        return list(get_session().scalars(select(Attempt.id).order_by(Attempt.id)))


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_an_author_gets_the_item_analysis_as_json(
    app: Flask, client: FlaskClient, author: AuthActions
) -> None:
    seed(app)
    body = client.get(ANALYSIS).get_json()
    assert_matches(body, "ItemAnalysis")
    assert (body["mode"], body["learners"], body["next"]) == ("first", 3, None)
    by_id = {q["question_id"]: q for q in body["questions"]}
    assert "csto-card" not in by_id  # cards are self-rated, never graded
    ground = by_id["training-ground"]
    assert (ground["learners"], ground["attempts"], ground["right"]) == (3, 3, 1)
    every = client.get(f"{ANALYSIS}?mode=all").get_json()
    assert {q["question_id"]: q for q in every["questions"]}["training-ground"]["attempts"] == 6


def test_the_analysis_matches_the_authors_page(
    app: Flask, client: FlaskClient, author: AuthActions
) -> None:
    seed(app)
    body = client.get(f"{ANALYSIS}?sort=attempts&order=desc&limit=2").get_json()
    assert [q["question_id"] for q in body["questions"]] == ["training-ground", "drills-country"]
    page = client.get("/authors/banks/sample?sort=attempts&order=desc").text
    assert page.index("training-ground") < page.index("drills-country")
    assert body["next"] is not None


def test_an_author_gets_csv_by_format_or_accept(
    app: Flask, client: FlaskClient, author: AuthActions
) -> None:
    seed(app)
    by_format = client.get(f"{ANALYSIS}?format=csv")
    by_accept = client.get(ANALYSIS, headers={"Accept": "text/csv"})
    assert by_format.mimetype == by_accept.mimetype == "text/csv"
    assert by_format.text == by_accept.text
    assert "Accept" in by_format.headers["Vary"]
    rows = read_csv(by_format.text)
    assert list(rows[0]) == list(QUESTION_COLUMNS)
    assert QUESTION_COLUMNS[:4] == ("question_id", "prompt", "learners", "attempts")
    ground = next(row for row in rows if row["question_id"] == "training-ground")
    assert (ground["learners"], ground["right"]) == ("3", "1")
    attempts = read_csv(client.get(ATTEMPTS, headers={"Accept": "text/csv"}).text)
    assert len(attempts) == 8 and attempts[0]["outcome"] in ("right", "wrong", "partly")
    assert client.get(f"{ANALYSIS}?format=xml").status_code == 400


def test_csv_cells_that_look_like_formulas_are_neutralised(
    app: Flask, client: FlaskClient, author: AuthActions
) -> None:
    seed(app)
    rows = read_csv(client.get(f"{ATTEMPTS}?format=csv").text)
    responses = [row["response"] for row in rows if row["question_id"] == "training-ground"]
    for hostile in HOSTILE:
        assert f"'{hostile}" in responses
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())
    # JSON is data, not a spreadsheet: it keeps the response as sent.
    body = client.get(ATTEMPTS).get_json()
    assert HOSTILE[0] in [a["response"] for a in body["attempts"]]


@pytest.mark.parametrize("limit", [1, 3, 50])
def test_paging_covers_every_attempt_exactly_once(
    app: Flask, client: FlaskClient, author: AuthActions, limit: int
) -> None:
    seed(app)
    seen: list[int] = []
    for body in follow_pages(client, f"{ATTEMPTS}?limit={limit}"):
        assert_matches(body, "AttemptList")
        assert len(body["attempts"]) <= limit
        seen += [attempt["attempt_id"] for attempt in body["attempts"]]
    assert seen == attempt_ids(app) and len(seen) == 8


def test_csv_pages_each_have_a_header_and_a_next_link(
    app: Flask, client: FlaskClient, author: AuthActions
) -> None:
    seed(app)
    first = client.get(f"{ATTEMPTS}?format=csv&limit=5")
    assert len(read_csv(first.text)) == 5
    link = first.headers["Link"]
    assert link.endswith('>; rel="next"') and "format=csv" in link
    second = client.get(link[1 : link.index(">")])
    assert len(read_csv(second.text)) == 3 and "Link" not in second.headers


def test_attempts_written_between_pages_come_later_not_twice(
    app: Flask, client: FlaskClient, author: AuthActions
) -> None:
    seed(app)
    first = client.get(f"{ATTEMPTS}?limit=4").get_json()
    answer(app, [("drills-country", "Tajikistan")])
    rest = [
        a["attempt_id"] for body in follow_pages(client, first["next"]) for a in body["attempts"]
    ]
    seen = [a["attempt_id"] for a in first["attempts"]] + rest
    assert seen == attempt_ids(app) and len(seen) == 9


@pytest.mark.parametrize("url", [ANALYSIS, ATTEMPTS, f"{ATTEMPTS}?format=csv"])
def test_learners_and_visitors_get_404(
    app: Flask, client: FlaskClient, auth: AuthActions, url: str
) -> None:
    seed(app)
    anonymous = client.get(url)
    assert anonymous.status_code == 404 and anonymous.is_json
    auth.register("learner")  # signed in, but no author
    assert client.get(url).status_code == 404


def test_an_unknown_bank_or_bad_query_is_refused(client: FlaskClient, author: AuthActions) -> None:
    assert client.get("/api/authors/banks/nope/attempts").status_code == 404
    assert client.get("/api/authors/banks/exam/item-analysis").status_code == 200  # its author's
    for query in ("mode=last", "sort=bogus", "order=up", "limit=0", "cursor=zz"):
        assert client.get(f"{ANALYSIS}?{query}").status_code == 400, query
