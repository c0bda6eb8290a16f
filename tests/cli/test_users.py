"""`quiz user`: accounts and the author role from the command line, in subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.storage import check_password, find_learner_by_username, make_engine, make_sessionmaker
from quiz.storage.migrate import upgrade

ROOT = Path(__file__).parents[2]
BANKS = ROOT / "tests" / "data" / "banks"


def quiz(url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {"QUIZ_DATABASE_URL": url, "QUIZ_SECRET_KEY": "test", "QUIZ_QUESTIONS_DIR": str(BANKS)}
    return subprocess.run(
        [sys.executable, "-m", "quiz.cli", "user", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )


@pytest.fixture
def url(tmp_path: Path) -> str:
    """A migrated, empty database (as `quiz serve` leaves it on first start)."""
    url = f"sqlite:///{tmp_path / 'quiz.sqlite3'}"
    upgrade(url)
    return url


def account(url: str, username: str) -> tuple[bool, bool] | None:
    """(is_author, whether 'correct horse' is its password), or None when there is no account."""
    engine = make_engine(url)
    with make_sessionmaker(engine)() as session:
        learner = find_learner_by_username(session, username)
        found = (
            None
            if learner is None
            else (learner.is_author, check_password(learner, "correct horse"))
        )
    engine.dispose()
    return found


def test_add_an_author_with_the_password_on_stdin(url: str) -> None:
    result = quiz(url, "add", "ada", "--author", "--password-stdin", stdin="correct horse\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "added ada (author)\n"
    assert account(url, "ada") == (True, True)  # hashed as registration does: the check passes


def test_add_without_a_terminal_or_stdin_flag_is_refused(url: str) -> None:
    result = quiz(url, "add", "ada", stdin="correct horse\n")
    assert result.returncode == 2
    assert "--password-stdin" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("a d", "correct horse", "letters, digits"),
        ("ad", "correct horse", "3 to 64"),
        ("ada", "short", "at least 8"),
        ("ada", "x" * 201, "at most 200"),
    ],
)
def test_add_refuses_bad_names_and_passwords(
    url: str, username: str, password: str, message: str
) -> None:
    result = quiz(url, "add", username, "--password-stdin", stdin=password + "\n")
    assert result.returncode == 2 and message in result.stderr
    assert account(url, username) is None


def test_grant_revoke_and_list(url: str) -> None:
    assert quiz(url, "add", "bob", "--password-stdin", stdin="correct horse\n").returncode == 0
    assert account(url, "bob") == (False, True)

    granted = quiz(url, "grant", "bob", "author")
    assert granted.returncode == 0 and granted.stdout == "bob is now an author\n"
    assert account(url, "bob") == (True, True)
    again = quiz(url, "grant", "bob", "author")
    assert again.stdout == "bob already was an author\n"

    listed = json.loads(quiz(url, "list", "--json").stdout)
    [row] = listed["users"]
    assert set(row) == {"username", "roles", "created_at"}
    assert (row["username"], row["roles"]) == ("bob", ["author"])

    revoked = quiz(url, "revoke", "bob", "author")
    assert revoked.returncode == 0 and revoked.stdout == "bob is now not an author\n"
    assert account(url, "bob") == (False, True)
    assert quiz(url, "list").stdout.split()[:2] == ["bob", "-"]


def test_grant_to_a_missing_account_or_a_duplicate_add(url: str) -> None:
    missing = quiz(url, "grant", "nobody", "author")
    assert missing.returncode == 1 and "no account called 'nobody'" in missing.stderr
    assert quiz(url, "add", "ada", "--password-stdin", stdin="correct horse\n").returncode == 0
    twice = quiz(url, "add", "ada", "--password-stdin", stdin="correct horse\n")
    assert twice.returncode == 1 and "already an account" in twice.stderr


def test_an_unknown_role_is_a_usage_error(url: str) -> None:
    result = quiz(url, "grant", "ada", "admin")
    assert result.returncode == 2 and "invalid choice" in result.stderr
