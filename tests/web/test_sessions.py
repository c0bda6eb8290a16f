"""Sessions the server can end: sign-out, remember cookies, old cookies after sign-out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask.testing import FlaskClient

if TYPE_CHECKING:
    from conftest import AuthActions

PASSWORD = "correct horse"


def remember_login(client: FlaskClient) -> None:
    data = {"username": "ada", "password": PASSWORD, "remember": "y"}
    assert client.post("/auth/login", data=data).status_code == 302


def test_sign_out_after_keep_me_signed_in_signs_out(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    auth.logout()
    remember_login(client)
    assert client.get_cookie("remember_token") is not None
    auth.logout()
    assert client.get_cookie("remember_token") is None
    assert "Signed in" not in client.get("/").text
