"""Personal access tokens: made on the account page (shown once, hashed), used as
`Authorization: Bearer` without cookies or CSRF, read-only honoured, revoked everywhere at once."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quiz.storage import Attempt, create_learner
from quiz.storage.models import ApiToken, utcnow
from quiz.storage.tokens import MAX_TOKENS, create_token, hash_secret
from quiz.web.database import get_session

if TYPE_CHECKING:
    from conftest import AuthActions

AppMaker = Callable[..., Flask]
ANSWER = "/api/banks/sample/questions/drills-country/answer"
TOKEN_IN_PAGE = re.compile(r">(quiz_[A-Za-z0-9_-]{43})</textarea>")


def make_token(app: Flask, username: str = "ada", read_only: bool = False) -> tuple[int, str]:
    """An account and a token of it, made through storage: (the account's id, the secret)."""
    with app.app_context():
        db = get_session()
        learner = create_learner(db, username, "correct horse")
        made = create_token(db, learner, "script", read_only, utcnow())
        db.commit()
        return learner.id, made.secret


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def test_a_token_is_shown_once_and_stored_hashed(
    app: Flask, client: FlaskClient, auth: AuthActions
) -> None:
    auth.register()
    made = client.post("/auth/account/tokens", data={"name": "daily bot", "scope": "write"})
    assert made.status_code == 302 and made.location.endswith("/auth/account#new-token")
    page = client.get("/auth/account")
    [secret] = TOKEN_IN_PAGE.findall(page.text)
    assert "Copy it now" in page.text and page.headers["Cache-Control"] == "no-store"
    again = client.get("/auth/account").text
    assert secret not in again and "daily bot" in again and secret[:11] in again
    with app.app_context():
        [stored] = get_session().scalars(select(ApiToken)).all()
        assert stored.token_hash == hash_secret(secret) and not stored.read_only
        columns = [getattr(stored, c.key) for c in ApiToken.__table__.columns]
    assert secret not in [str(value) for value in columns]


def test_answers_with_a_token_are_the_accounts(app: Flask) -> None:
    account_id, secret = make_token(app)
    client = app.test_client()  # no cookie at all
    answered = client.post(ANSWER, json={"response": "Tajikistan"}, headers=bearer(secret))
    assert answered.status_code == 200 and answered.get_json()["correct"] is True
    assert "Set-Cookie" not in answered.headers  # nothing was signed in, no session made
    with app.app_context():
        attempt = get_session().get(Attempt, answered.get_json()["attempt_id"])
        assert attempt is not None and attempt.learner_id == account_id
    progress = client.get("/api/progress", headers=bearer(secret)).get_json()
    [sample] = [bank for bank in progress["banks"] if bank["bank_id"] == "sample"]
    assert sample["last_attempt_at"] is not None


def test_bearer_post_needs_no_csrf_but_a_cookie_post_still_does(make_app: AppMaker) -> None:
    app = make_app(WTF_CSRF_ENABLED=True)
    _, secret = make_token(app)
    client = app.test_client()
    with_token = client.post(ANSWER, json={"response": "Tajikistan"}, headers=bearer(secret))
    assert with_token.status_code == 200
    with_cookie = client.post(ANSWER, json={"response": "Tajikistan"})
    assert with_cookie.status_code == 400 and with_cookie.mimetype == "application/problem+json"
    assert "CSRF token is missing" in with_cookie.get_json()["detail"]


def test_a_token_does_not_lift_csrf_off_the_pages(make_app: AppMaker) -> None:
    app = make_app(WTF_CSRF_ENABLED=True)
    _, secret = make_token(app)
    page_post = app.test_client().post(
        "/auth/account/tokens", data={"name": "x"}, headers=bearer(secret)
    )
    assert page_post.status_code == 400 and "form expired" in page_post.text


@pytest.mark.parametrize(
    "header",
    ["Bearer quiz_revokedornever", "Bearer ", "Basic YWRhOmNvcnJlY3QgaG9yc2U=", "quiz_abc", ""],
)
def test_a_bad_token_is_401_and_never_falls_back_to_the_cookie(
    app: Flask, client: FlaskClient, auth: AuthActions, header: str
) -> None:
    auth.register()  # the client holds a good session cookie too
    refused = client.post(
        ANSWER, json={"response": "Tajikistan"}, headers={"Authorization": header}
    )
    assert refused.status_code == 401 and refused.mimetype == "application/problem+json"
    assert refused.headers["WWW-Authenticate"].startswith("Bearer")
    assert "not valid" in refused.get_json()["detail"]
    assert client.get("/api/progress", headers={"Authorization": header}).status_code == 401
    with app.app_context():
        assert get_session().scalars(select(Attempt)).all() == []


def test_a_read_only_token_reads_but_cannot_answer(app: Flask) -> None:
    _, secret = make_token(app, read_only=True)
    client = app.test_client()
    assert client.get("/api/progress", headers=bearer(secret)).status_code == 200
    refused = client.post(ANSWER, json={"response": "Tajikistan"}, headers=bearer(secret))
    assert refused.status_code == 403 and refused.mimetype == "application/problem+json"
    assert "read-only" in refused.get_json()["detail"]
    with app.app_context():
        assert get_session().scalars(select(Attempt)).all() == []


def test_revoking_stops_the_token_at_once_on_another_server(
    make_app: AppMaker, auth: AuthActions, client: FlaskClient
) -> None:
    other_server = make_app().test_client()  # a second app on the same database
    auth.register()
    client.post("/auth/account/tokens", data={"name": "bot", "scope": "read"})
    [secret] = TOKEN_IN_PAGE.findall(client.get("/auth/account").text)
    assert other_server.get("/api/progress", headers=bearer(secret)).status_code == 200
    token_id = re.search(r"/auth/account/tokens/(\d+)/revoke", client.get("/auth/account").text)
    assert token_id is not None
    revoked = client.post(f"/auth/account/tokens/{token_id[1]}/revoke", follow_redirects=True)
    assert "Token “bot” revoked" in revoked.text and "You have no tokens." in revoked.text
    refused = other_server.get("/api/progress", headers=bearer(secret))
    assert refused.status_code == 401


def test_nobody_revokes_someone_elses_token(
    app: Flask, client: FlaskClient, auth: AuthActions
) -> None:
    make_token(app, username="bob")
    with app.app_context():
        bobs = get_session().scalars(select(ApiToken)).one()
    auth.register()
    answer = client.post(f"/auth/account/tokens/{bobs.id}/revoke", follow_redirects=True)
    assert "already revoked" in answer.text
    with app.app_context():
        assert get_session().get(ApiToken, bobs.id) is not None


def test_last_use_shows_on_the_page(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    client.post("/auth/account/tokens", data={"name": "bot", "scope": "read"})
    [secret] = TOKEN_IN_PAGE.findall(client.get("/auth/account").text)
    assert "never used" in client.get("/auth/account").text
    app.test_client().get("/api/banks", headers=bearer(secret))
    assert "last used" in client.get("/auth/account").text


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"name": "", "scope": "read"}, "Name the token"),
        ({"name": "x" * 61, "scope": "read"}, "at most 60 characters"),
        ({"name": "bot", "scope": "admin"}, "Not a valid choice"),
    ],
)
def test_form_errors_stand_beside_their_fields(
    client: FlaskClient, auth: AuthActions, data: dict[str, str], error: str
) -> None:
    auth.register()
    page = client.post("/auth/account/tokens", data=data)
    assert page.status_code == 200 and error in page.text
    assert 'class="field field-invalid"' in page.text or "field-errors" in page.text
    assert "You have no tokens." in page.text


def test_the_cap_is_explained_beside_the_name(
    app: Flask, client: FlaskClient, auth: AuthActions
) -> None:
    auth.register()
    for number in range(MAX_TOKENS):
        client.post("/auth/account/tokens", data={"name": f"t{number}", "scope": "read"})
    page = client.post("/auth/account/tokens", data={"name": "one more", "scope": "read"})
    assert 'id="name-errors"' in page.text and "revoke one first" in page.text
    with app.app_context():
        assert len(get_session().scalars(select(ApiToken)).all()) == MAX_TOKENS


def test_only_accounts_reach_the_token_views(client: FlaskClient) -> None:
    made = client.post("/auth/account/tokens", data={"name": "bot", "scope": "read"})
    assert made.status_code == 302 and "/auth/login" in made.location


def test_a_token_signs_nobody_in_on_the_pages(app: Flask) -> None:
    _, secret = make_token(app)
    page = app.test_client().get("/auth/account", headers=bearer(secret))
    assert page.status_code == 302 and "/auth/login" in page.location
