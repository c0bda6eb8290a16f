"""The factory: settings and their precedence, the secret key, banks, error pages, CSRF, headers."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sample_bank import copy_sample_bank

from quiz.resources import resource_dir
from quiz.storage import create_learner, find_learner_by_username
from quiz.web.banks_registry import get_registry
from quiz.web.database import get_session

AppMaker = Callable[..., Flask]
ROOT = Path(__file__).resolve().parents[2]


def test_testing_config(app: Flask, make_app: AppMaker) -> None:
    assert app.testing
    assert app.config["DATABASE_URL"].startswith("sqlite:///")
    assert not make_app(without=("TESTING",)).testing


def test_environment_overrides_the_test_mapping(
    make_app: AppMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZ_SECRET_KEY", "from-env")
    monkeypatch.setenv("QUIZ_RELOAD_BANKS", "true")
    app = make_app()
    assert (app.config["SECRET_KEY"], app.config["RELOAD_BANKS"]) == ("from-env", True)


def test_flashcard_settings_have_defaults_and_come_from_the_environment(
    make_app: AppMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    defaults = make_app().config
    assert (defaults["DESIRED_RETENTION"], defaults["NEW_CARDS_PER_DAY"]) == (0.9, 20)
    monkeypatch.setenv("QUIZ_DESIRED_RETENTION", "0.85")
    monkeypatch.setenv("QUIZ_NEW_CARDS_PER_DAY", "5")
    client = make_app().test_client()
    assert "The default is 85% (0.85)" in client.get("/help").get_data(as_text=True)
    assert "Up to 5 new cards a day." in client.get("/flashcards/").get_data(as_text=True)


def test_instance_config_file_is_read(tmp_path: Path, make_app: AppMaker) -> None:
    instance = tmp_path / "instance"
    instance.mkdir()
    (instance / "config.py").write_text("RELOAD_BANKS = True\nSECRET_KEY = 'from-file'\n")
    app = make_app(without=("SECRET_KEY",))
    assert (app.config["SECRET_KEY"], app.config["RELOAD_BANKS"]) == ("from-file", True)


def test_secret_key_is_made_once_and_kept(tmp_path: Path, make_app: AppMaker) -> None:
    first = make_app(without=("SECRET_KEY",)).config["SECRET_KEY"]
    second = make_app(without=("SECRET_KEY",)).config["SECRET_KEY"]
    assert len(first) == 64 and first == second
    assert (tmp_path / "instance" / "secret_key").read_text() == first


def test_default_database_lives_in_the_instance_folder(tmp_path: Path, make_app: AppMaker) -> None:
    app = make_app(without=("DATABASE_URL",))
    assert app.config["DATABASE_URL"] == f"sqlite:///{tmp_path / 'instance' / 'quiz.sqlite3'}"
    assert (tmp_path / "instance" / "quiz.sqlite3").exists()


@pytest.mark.parametrize("name", ["templates", "static", "questions", "seeds"])
def test_resource_folders_are_found(name: str) -> None:
    assert resource_dir(name) == ROOT / name


def test_templates_and_static_come_from_the_top_level(app: Flask, client: FlaskClient) -> None:
    assert Path(app.template_folder or "") == ROOT / "templates"
    response = client.get("/static/css/app.css")
    assert response.status_code == 200 and "--primary" in response.text
    response.close()


@pytest.mark.parametrize(
    ("path", "status", "text"),
    [
        ("/no/such/page", 404, "Page not found"),
        ("/auth/logout", 405, "used that way"),
    ],
)
def test_error_pages(client: FlaskClient, path: str, status: int, text: str) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert text in response.text and 'id="main"' in response.text


def test_post_without_csrf_token_is_refused(make_app: AppMaker) -> None:
    app = make_app(WTF_CSRF_ENABLED=True)
    response = app.test_client().post(
        "/auth/register",
        data={"username": "ada", "password": "correct horse", "confirm": "correct horse"},
    )
    assert response.status_code == 400
    assert "Your form expired" in response.text


def test_strict_security_headers(client: FlaskClient) -> None:
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_learner_pages_are_not_kept_by_shared_caches(client: FlaskClient) -> None:
    for path in ("/", "/progress", "/api/banks", "/no-such-page"):
        assert client.get(path).headers["Cache-Control"] == "private, no-cache", path
    with client.get("/static/css/app.css") as static:
        assert "private" not in static.headers["Cache-Control"]


def write_banks(folder: Path) -> None:
    copy_sample_bank(folder)
    (folder / "broken.yaml").write_text("title: Broken\nquestions:\n  - id: x\n    type: txt\n")


def test_broken_bank_is_not_served(tmp_path: Path, make_app: AppMaker) -> None:
    banks = tmp_path / "banks"
    write_banks(banks)
    app = make_app(QUESTIONS_DIR=str(banks))
    with app.app_context():
        registry = get_registry()
        assert list(registry.banks) == ["sample"]
        assert [b.bank_id for b in registry.broken] == ["broken"]
        assert registry.get("broken") is None
    # What authors see of it is tested in test_authors.py; nobody else sees it at all.
    assert app.test_client().get("/authors/").status_code == 404


@pytest.mark.parametrize(("reload", "interval", "waited", "expected"), [
    (True, 60.0, 0.0, "Renamed bank"),  # development: at once
    (False, 60.0, 0.0, "Sample bank"),  # production: not before the check interval...
    (False, 0.25, 0.3, "Renamed bank"),  # ...but once it has passed, without a restart
])  # fmt: skip
def test_changed_bank_is_reloaded_in_development_and_production(
    tmp_path: Path, make_app: AppMaker, reload: bool, interval: float, waited: float, expected: str
) -> None:
    banks = tmp_path / "banks"
    write_banks(banks)
    app = make_app(QUESTIONS_DIR=str(banks), RELOAD_BANKS=reload, BANKS_CHECK_SECONDS=interval)
    client = app.test_client()
    time.sleep(waited)
    assert "Sample bank" in client.get("/").text
    sample = banks / "sample.yaml"
    sample.write_text(sample.read_text().replace("title: Sample bank", "title: Renamed bank", 1))
    time.sleep(waited)
    assert expected in client.get("/").text


def test_server_error_page_and_nothing_half_done_is_saved(make_app: AppMaker) -> None:
    app = make_app(PROPAGATE_EXCEPTIONS=False)

    def fail_midway() -> str:
        create_learner(get_session(), "half-done")
        raise RuntimeError("boom")

    app.add_url_rule("/fail", view_func=fail_midway)
    response = app.test_client().get("/fail")
    assert response.status_code == 500 and "Something went wrong" in response.text
    with app.app_context():
        assert find_learner_by_username(get_session(), "half-done") is None
