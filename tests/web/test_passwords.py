"""Passwords through the client: weak ones refused on registering, changing one on the account
page (which signs out every other browser)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quiz.core.accounts import IS_USERNAME, TOO_COMMON

if TYPE_CHECKING:
    from conftest import AuthActions

NEW = "a brand new phrase"


def signed_in(client: FlaskClient) -> bool:
    return "Signed in as" in client.get("/").text


def change(client: FlaskClient, current: str, new: str, confirm: str | None = None) -> str:
    data = {"current": current, "password": new, "confirm": confirm or new}
    response = client.post("/auth/account", data=data, follow_redirects=True)
    assert response.status_code == 200
    return response.text


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("ada", "password1", TOO_COMMON),
        ("ada", "iloveyou", TOO_COMMON),
        ("lovelace", "lovelace1", IS_USERNAME),
    ],
)
def test_register_refuses_common_passwords_and_the_username(
    auth: AuthActions, client: FlaskClient, username: str, password: str, message: str
) -> None:
    response = auth.register(username, password)
    assert response.status_code == 200
    assert message in response.text
    assert 'id="password-errors"' in response.text
    assert not signed_in(client)


def test_the_account_page_needs_a_signed_in_learner(client: FlaskClient) -> None:
    response = client.get("/auth/account")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login?next=")


def test_changing_the_password_keeps_this_browser_and_signs_out_the_others(
    app: Flask, client: FlaskClient, auth: AuthActions
) -> None:
    auth.register()
    other = app.test_client()
    other.post("/auth/login", data={"username": "ada", "password": "correct horse"})
    assert signed_in(other)
    page = change(client, "correct horse", NEW)
    assert "Your password is changed." in page
    assert signed_in(client) and not signed_in(other)
    auth.logout()
    assert auth.login("ada", "correct horse").status_code == 200  # refused: shown again
    assert auth.login("ada", NEW).status_code == 302


@pytest.mark.parametrize(
    ("current", "new", "message"),
    [
        ("wrong password", NEW, "That is not your current password."),
        ("correct horse", "password1", TOO_COMMON),
        ("correct horse", "ada2024!", IS_USERNAME),
    ],
)
def test_a_refused_change_keeps_the_old_password(
    client: FlaskClient, auth: AuthActions, current: str, new: str, message: str
) -> None:
    auth.register()
    assert message in change(client, current, new)
    auth.logout()
    assert auth.login("ada", "correct horse").status_code == 302
