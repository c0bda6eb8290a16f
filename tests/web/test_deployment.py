"""Production settings: the instance folder anywhere, private files, HTTPS, a trusted proxy,
and how long sessions and remember cookies last."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quiz import create_app

if TYPE_CHECKING:
    from conftest import AuthActions

AppMaker = Callable[..., Flask]


@pytest.fixture
def usual_umask() -> Iterator[None]:
    previous = os.umask(0o022)  # what most servers run with: new files readable by all
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_quiz_instance_path_puts_the_key_and_database_outside_the_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, usual_umask: None
) -> None:
    folder = tmp_path / "srv" / "quiz-instance"
    monkeypatch.setenv("QUIZ_INSTANCE_PATH", str(folder))
    app = create_app({"TESTING": True, "QUESTIONS_DIR": str(tmp_path)})
    assert Path(app.instance_path) == folder
    assert app.config["DATABASE_URL"] == f"sqlite:///{folder / 'quiz.sqlite3'}"
    assert mode(folder) == 0o700
    assert mode(folder / "secret_key") == 0o600
    assert mode(folder / "quiz.sqlite3") == 0o600


def test_a_new_sqlite_file_is_private(
    make_app: AppMaker, tmp_path: Path, usual_umask: None
) -> None:
    make_app(DATABASE_URL=f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    assert mode(tmp_path / "fresh.sqlite3") == 0o600


def test_https_makes_cookies_secure_and_sends_hsts(make_app: AppMaker, usual_umask: None) -> None:
    client = make_app(HTTPS=True).test_client()
    client.post(
        "/auth/register",
        data={"username": "ada", "password": "correct horse", "confirm": "correct horse"},
    )
    response = client.post(
        "/auth/login",
        data={"username": "ada", "password": "correct horse", "remember": "y"},
        base_url="https://localhost",
    )
    cookies = response.headers.getlist("Set-Cookie")
    assert cookies and all("Secure" in cookie for cookie in cookies)
    hsts = response.headers["Strict-Transport-Security"]
    assert hsts == "max-age=31536000; includeSubDomains"


def test_plain_http_sends_no_hsts(client: FlaskClient) -> None:
    assert "Strict-Transport-Security" not in client.get("/").headers


def wrong_logins(app: Flask, addresses: list[str]) -> list[int]:
    client = app.test_client()
    return [
        client.post(
            "/auth/login",
            data={"username": f"user{n}", "password": "wrong password"},
            headers={"X-Forwarded-For": address},
        ).status_code
        for n, address in enumerate(addresses)
    ]


def test_behind_a_proxy_the_forwarded_client_address_is_used(make_app: AppMaker) -> None:
    app = make_app(BEHIND_PROXY=1, LOGIN_LIMIT_PER_ADDRESS="2 per minute")
    assert wrong_logins(app, ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) == [200] * 3
    assert wrong_logins(app, ["203.0.113.1"]) == [200]
    assert wrong_logins(app, ["203.0.113.1"]) == [429]


def test_without_a_proxy_forwarded_headers_are_not_believed(make_app: AppMaker) -> None:
    app = make_app(LOGIN_LIMIT_PER_ADDRESS="2 per minute")
    assert wrong_logins(app, ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) == [200, 200, 429]


@pytest.mark.parametrize("setting", ["two", -1, 1.5])
def test_a_nonsense_proxy_count_stops_the_app_with_the_setting_named(
    make_app: AppMaker, setting: object
) -> None:
    with pytest.raises(ValueError, match="QUIZ_BEHIND_PROXY"):
        make_app(BEHIND_PROXY=setting)


def test_keep_me_signed_in_lasts_thirty_days_by_default(client: object, auth: AuthActions) -> None:
    from flask.testing import FlaskClient

    assert isinstance(client, FlaskClient)
    auth.register()
    auth.logout()
    client.post(
        "/auth/login", data={"username": "ada", "password": "correct horse", "remember": "y"}
    )
    remember = client.get_cookie("remember_token")
    assert remember is not None and remember.expires is not None
    lasts = remember.expires - datetime.now(UTC)
    assert timedelta(days=29) < lasts <= timedelta(days=30)


def test_session_and_remember_lifetimes_are_settings(make_app: AppMaker) -> None:
    app = make_app(PERMANENT_SESSION_LIFETIME=3600, REMEMBER_COOKIE_DURATION=7200)
    assert app.permanent_session_lifetime == timedelta(hours=1)
    client = app.test_client()
    client.post(
        "/auth/register",
        data={"username": "ada", "password": "correct horse", "confirm": "correct horse"},
    )
    client.post("/auth/logout")
    client.post(
        "/auth/login", data={"username": "ada", "password": "correct horse", "remember": "y"}
    )
    remember = client.get_cookie("remember_token")
    assert remember is not None and remember.expires is not None
    assert remember.expires - datetime.now(UTC) <= timedelta(hours=2)
