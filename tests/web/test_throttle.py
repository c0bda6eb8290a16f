"""Sign-in throttling through the client: per account, per address, shared by app servers."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import redis
from flask import Flask
from flask.testing import FlaskClient

from quiz.web.auth.throttle import TOO_MANY_SIGN_INS

if TYPE_CHECKING:
    from conftest import AuthActions

AppMaker = Callable[..., Flask]


def login(client: FlaskClient, username: str = "ada", password: str = "wrong password") -> int:
    data = {"username": username, "password": password}
    return client.post("/auth/login", data=data).status_code


def test_wrong_passwords_for_one_account_are_refused_after_five(
    client: FlaskClient, auth: AuthActions, caplog: pytest.LogCaptureFixture
) -> None:
    auth.register()
    auth.logout()
    assert [login(client) for _ in range(5)] == [200] * 5
    with caplog.at_level(logging.WARNING):
        refused = client.post("/auth/login", data={"username": "ADA", "password": "x"})
    assert refused.status_code == 429
    assert TOO_MANY_SIGN_INS in refused.text
    assert "Retry-After" in refused.headers
    assert any(
        "rate limit" in r.getMessage() and "/auth/login" in r.getMessage() for r in caplog.records
    )
    assert login(client, password="correct horse") == 429  # even the right one, until it lapses
    assert login(client, "bob") == 200  # another account is not locked


def test_one_address_guessing_many_accounts_is_refused(make_app: AppMaker) -> None:
    client = make_app(LOGIN_LIMIT_PER_ADDRESS="4 per minute").test_client()
    codes = [login(client, f"user{n}") for n in range(5)]
    assert codes == [200, 200, 200, 200, 429]


def test_successful_sign_ins_are_not_counted(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    for _ in range(7):
        auth.logout()
        assert login(client, password="correct horse") == 302


def test_app_servers_on_one_database_share_the_count(make_app: AppMaker) -> None:
    first, second = make_app(), make_app()  # two servers, one database
    one, two = first.test_client(), second.test_client()
    codes = [login(one if n % 2 else two) for n in range(6)]
    assert codes == [200] * 5 + [429]


def test_app_servers_sharing_redis_share_the_count(
    make_app: AppMaker, redis_url: str, tmp_path: Path
) -> None:
    # Two servers on two databases: only Redis, where the counters live, joins them.
    first, second = (
        make_app(RATELIMIT_STORAGE_URI=redis_url, DATABASE_URL=f"sqlite:///{tmp_path / name}")
        for name in ("one.sqlite3", "two.sqlite3")
    )
    one, two = first.test_client(), second.test_client()
    codes = [login(one if n % 2 else two, "redis-user") for n in range(6)]
    assert codes == [200] * 5 + [429]
    assert login(one, "another-user") == 200
    counters = redis.Redis.from_url(redis_url).keys("*redis-user*")
    assert counters, "the failed sign-ins were not counted in Redis"
