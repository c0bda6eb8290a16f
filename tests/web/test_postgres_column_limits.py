"""Ids and texts from requests against PostgreSQL, which (unlike SQLite) enforces its column
types: an id past 2**31 - 1 (INTEGER is 32-bit), a text longer than its VARCHAR or holding a
NUL is a clean 4xx or form error, never "integer out of range", "value too long" or "cannot
contain NUL" (a 500)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quiz.storage import create_learner
from quiz.storage.accounts import set_author
from quiz.storage.models import utcnow
from quiz.storage.tokens import create_token
from quiz.web.api.paging import encode_cursor
from quiz.web.database import get_engine, get_session

PAST_INTEGER = (2**31, 2**32 + 5, 2**63 - 1)


@pytest.fixture
def pg_app(make_app: Callable[..., Flask], postgres_url: str) -> Iterator[Flask]:
    app = make_app(DATABASE_URL=postgres_url)
    yield app
    get_engine(app).dispose()  # the session-wide database outlives this app's connections


def an_author(app: Flask) -> tuple[str, dict[str, str]]:
    """A new author (the database outlives each test): their username and token header."""
    with app.app_context():
        db = get_session()
        learner = create_learner(db, f"pg-author-{uuid.uuid4().hex[:12]}", "correct horse")
        set_author(db, learner, True)
        secret = create_token(db, learner, "probe", False, utcnow()).secret
        db.commit()
        return str(learner.username), {"Authorization": f"Bearer {secret}"}


@pytest.mark.parametrize("big", PAST_INTEGER)
@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("GET", "/quiz/run/{}/1"),
        ("POST", "/quiz/run/{}/1"),
        ("GET", "/quiz/run/1/{}"),
        ("GET", "/quiz/run/{}/all"),
        ("POST", "/quiz/run/{}/all"),
        ("GET", "/quiz/run/{}/done"),
        ("POST", "/quiz/run/{}/retry"),
        ("POST", "/auth/account/tokens/{}/revoke"),
        ("GET", "/api/runs/{}"),
        ("POST", "/api/runs/1/questions/{}/answer"),
    ],
)
def test_an_id_past_postgresql_integer_is_404(
    pg_app: Flask, method: str, url: str, big: int
) -> None:
    client: FlaskClient = pg_app.test_client()
    client.post("/quiz/sample", data={"layout": "one"})  # a learner with a run
    answered = client.open(url.format(big), method=method, json={"response": "x"})
    assert answered.status_code == 404


@pytest.mark.parametrize("big", PAST_INTEGER)
def test_a_keyset_cursor_past_postgresql_integer_is_400(pg_app: Flask, big: int) -> None:
    url = f"/api/authors/banks/sample/attempts?cursor={encode_cursor(big)}"
    answered = pg_app.test_client().get(url, headers=an_author(pg_app)[1])
    assert answered.status_code == 400 and "cursor" in answered.get_json()["detail"]


def test_a_regrade_of_a_response_longer_than_its_column_is_refused(pg_app: Flask) -> None:
    username, _ = an_author(pg_app)
    client = pg_app.test_client()
    client.post("/auth/login", data={"username": username, "password": "correct horse"})
    url = "/authors/banks/sample/questions/training-ground/regrade"
    regraded = client.post(url, data={"response": "x" * 450})  # the column holds 400
    assert regraded.status_code == 400


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/auth/login", {"username": "a\x00b", "password": "correct horse"}),
        ("/auth/account/tokens", {"name": "bot\x00", "scope": "read"}),
    ],
)
def test_a_nul_in_a_form_field_is_a_form_error(
    pg_app: Flask, url: str, data: dict[str, str]
) -> None:
    # PostgreSQL cannot hold NUL in a text, nor compare one: these were 500s.
    client = pg_app.test_client()
    client.post("/auth/register", data={"username": f"nul-{uuid.uuid4().hex[:12]}",
                "password": "correct horse", "confirm": "correct horse"})  # fmt: skip
    answered = client.post(url, data=data)
    assert answered.status_code < 500
    assert "NUL character" in answered.text
