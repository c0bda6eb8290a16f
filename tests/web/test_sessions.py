"""Sessions the server can end: sign-out, remember cookies, old cookies after sign-out or
registering, and learner ids that are never handed out twice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quiz.storage import Attempt, find_learner_by_username
from quiz.web.database import get_session

if TYPE_CHECKING:
    from conftest import AuthActions

PASSWORD = "correct horse"
ANSWER_URL = "/api/banks/sample/questions/tajik-ties/answer"


def remember_login(client: FlaskClient) -> None:
    data = {"username": "ada", "password": PASSWORD, "remember": "y"}
    assert client.post("/auth/login", data=data).status_code == 302


def cookie(client: FlaskClient, name: str) -> str:
    found = client.get_cookie(name)
    assert found is not None, f"no {name} cookie"
    return found.value


def signed_in(client: FlaskClient) -> bool:
    return "Signed in as" in client.get("/").text


def attempts_of(app: Flask, learner_id: int) -> int:
    with app.app_context():
        query = select(func.count()).where(Attempt.learner_id == learner_id)
        return int(get_session().scalar(query) or 0)


def learner_id(app: Flask, username: str) -> int:
    with app.app_context():
        learner = find_learner_by_username(get_session(), username)
        assert learner is not None
        return learner.id


def answer(client: FlaskClient) -> None:
    assert client.post(ANSWER_URL, json={"response": "false"}).status_code == 200


def test_sign_out_after_keep_me_signed_in_signs_out(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    auth.logout()
    remember_login(client)
    assert client.get_cookie("remember_token") is not None
    auth.logout()
    assert client.get_cookie("remember_token") is None
    assert not signed_in(client)


def test_a_session_cookie_from_before_sign_out_no_longer_signs_in(
    app: Flask, client: FlaskClient, auth: AuthActions
) -> None:
    auth.register()
    stolen = cookie(client, "session")
    auth.logout()
    thief = app.test_client()
    thief.set_cookie("session", stolen)
    assert not signed_in(thief)


def test_a_remember_cookie_from_before_sign_out_no_longer_signs_in(
    app: Flask, client: FlaskClient, auth: AuthActions
) -> None:
    auth.register()
    auth.logout()
    remember_login(client)
    stolen = cookie(client, "remember_token")
    auth.logout()
    thief = app.test_client()
    thief.set_cookie("remember_token", stolen)
    assert not signed_in(thief)


def test_sign_out_ends_the_account_s_sessions_in_other_browsers(
    app: Flask, client: FlaskClient, auth: AuthActions
) -> None:
    auth.register()
    other = app.test_client()
    other.post("/auth/login", data={"username": "ada", "password": PASSWORD})
    assert signed_in(other)
    auth.logout()
    assert not signed_in(other)


def test_an_anonymous_cookie_cannot_reach_the_account_it_became(
    app: Flask, client: FlaskClient, auth: AuthActions
) -> None:
    answer(client)
    anonymous_cookie = cookie(client, "session")
    auth.register()
    ada = learner_id(app, "ada")
    before = attempts_of(app, ada)
    thief = app.test_client()
    thief.set_cookie("session", anonymous_cookie)
    assert thief.get("/api/progress").json["banks"][0]["last_attempt_at"] is None
    answer(thief)
    assert attempts_of(app, ada) == before


def test_a_merged_anonymous_cookie_never_reads_the_next_visitor_s_data(
    app: Flask, client: FlaskClient, auth: AuthActions
) -> None:
    auth.register()
    auth.logout()
    answer(client)
    anonymous_cookie = cookie(client, "session")
    auth.login()  # the anonymous learner is merged into ada and its row deleted
    visitor = app.test_client()
    answer(visitor)
    old = app.test_client()
    old.set_cookie("session", anonymous_cookie)
    assert old.get("/api/progress").json["banks"][0]["last_attempt_at"] is None
