"""Shared fixtures: the app (flaskr-style), its client and CLI runner, sign-in steps, PostgreSQL
and Redis servers."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from werkzeug.test import TestResponse

from quiz import create_app

ROOT = Path(__file__).resolve().parents[1]
TEST_BANKS = ROOT / "tests" / "data" / "banks"


def postgres_bin() -> Path | None:
    """The server binaries of the newest PostgreSQL Debian installed (13 ships 15, 14 ships 17)."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,
    )
    return found[-1].parent if found else None


PG_BIN = postgres_bin()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-screenshots",
        action="store_true",
        help="write the browser tests' screenshots to docs/screenshots/ (default: test-results/)",
    )


def app_config(tmp_path: Path, **overrides: object) -> dict[str, object]:
    """The test mapping: a throwaway SQLite file, the test banks, CSRF off unless asked."""
    return {
        "TESTING": True,
        "SECRET_KEY": "test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'quiz.sqlite3'}",
        "QUESTIONS_DIR": str(TEST_BANKS),
        "WTF_CSRF_ENABLED": False,
        **overrides,
    }


AppMaker = Callable[..., Flask]


@pytest.fixture
def make_app(tmp_path: Path) -> AppMaker:
    """Build an app under tmp_path: `make_app(without=("SECRET_KEY",), RELOAD_BANKS=True)`."""

    def make(without: tuple[str, ...] = (), **overrides: object) -> Flask:
        config = {k: v for k, v in app_config(tmp_path, **overrides).items() if k not in without}
        return create_app(config, instance_path=str(tmp_path / "instance"))

    return make


@pytest.fixture(scope="session")
def app_settings() -> Callable[..., dict[str, object]]:
    """`app_config` for fixtures that can't import this file (every conftest is `conftest`)."""
    return app_config


@pytest.fixture
def app(make_app: AppMaker) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


class AuthActions:
    """Multi-step account flows through the client (flaskr's AuthActions)."""

    def __init__(self, client: FlaskClient) -> None:
        self._client = client

    def register(
        self, username: str = "ada", password: str = "correct horse", confirm: str | None = None
    ) -> TestResponse:
        data = {"username": username, "password": password, "confirm": confirm or password}
        return self._client.post("/auth/register", data=data)

    def login(self, username: str = "ada", password: str = "correct horse") -> TestResponse:
        return self._client.post("/auth/login", data={"username": username, "password": password})

    def logout(self) -> TestResponse:
        return self._client.post("/auth/logout")


@pytest.fixture
def auth(client: FlaskClient) -> AuthActions:
    return AuthActions(client)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL database: TEST_DATABASE_URL if set, else a throwaway cluster for the session."""
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        yield url
        return
    if PG_BIN is None:
        message = "no PostgreSQL under /usr/lib/postgresql: install it or set TEST_DATABASE_URL"
        if os.environ.get("CI"):
            pytest.fail(f"{message} (CI must run the PostgreSQL tests, not skip them)")
        pytest.skip(message)
    yield from _throwaway_cluster()


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """A Redis server (Debian's redis-server) on a free port for the session, saving nothing."""
    server = shutil.which("redis-server")
    if server is None:
        message = "no redis-server: install Debian's redis-server package"
        if os.environ.get("CI"):
            pytest.fail(f"{message} (CI must run the Redis tests, not skip them)")
        pytest.skip(message)
    folder, port = Path(tempfile.mkdtemp(prefix="quiz-redis-")), _free_port()
    options = ["--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
               "--dir", str(folder)]  # fmt: skip
    process = subprocess.Popen([server, *options], stdout=subprocess.DEVNULL, cwd=folder)
    try:
        _wait_for_port(port)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


def _wait_for_port(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listening on 127.0.0.1:{port}")


def _throwaway_cluster() -> Iterator[str]:
    """initdb + pg_ctl in a temp folder, as `postgres` when we are root (they refuse root)."""
    folder = Path(tempfile.mkdtemp(prefix="quiz-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, user="postgres", group="postgres")
    data, port = folder / "data", _free_port()
    _pg(folder, "initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
    options = (
        f"-c listen_addresses=127.0.0.1 -p {port} -c fsync=off -c unix_socket_directories={folder}"
    )
    # -l: without a log file the server keeps pytest's captured pipes open.
    _pg(folder, "pg_ctl", "-D", str(data), "-l", str(folder / "log"), "-o", options, "-w", "start")
    try:
        _pg(folder, "createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "quiz_test")
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/quiz_test"
    finally:
        _pg(folder, "pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


def _pg(folder: Path, program: str, *args: str) -> None:
    as_postgres = {"user": "postgres", "group": "postgres"} if os.geteuid() == 0 else {}
    assert PG_BIN is not None
    subprocess.run(
        [str(PG_BIN / program), *args],
        check=True,
        capture_output=True,
        cwd=folder,
        timeout=60,
        **as_postgres,
    )  # type: ignore[call-overload]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
