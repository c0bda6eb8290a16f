"""The new-password rules as a table: length, the common list, the username."""

from __future__ import annotations

import pytest

from quiz.core.accounts import (
    IS_USERNAME,
    TOO_COMMON,
    TOO_LONG,
    TOO_SHORT,
    password_problem,
    username_problem,
)
from quiz.resources import common_passwords

COMMON = frozenset({"password1", "iloveyou"})


@pytest.mark.parametrize(
    ("username", "password", "problem"),
    [
        ("ada", "correct horse battery", None),
        ("ada", "lemonade stand 42", None),  # contains the name among other words: fine
        ("ada", "short", TOO_SHORT),
        ("ada", "x" * 201, TOO_LONG),
        ("ada", "Password1", TOO_COMMON),
        ("ada", "ILOVEYOU", TOO_COMMON),
        ("lovelace", "lovelace", IS_USERNAME),
        ("lovelace", "LoveLace", IS_USERNAME),
        ("lovelace", "lovelace2024!", IS_USERNAME),
        ("ada", "ada.ada.ada", IS_USERNAME),
    ],
)
def test_password_problem(username: str, password: str, problem: str | None) -> None:
    assert password_problem(password, username, COMMON) == problem


def test_the_shipped_list_holds_thousands_of_long_enough_common_passwords() -> None:
    common = common_passwords()
    assert 4000 <= len(common) <= 20000
    assert {"password", "12345678", "iloveyou", "qwertyuiop"} <= common
    assert all(len(entry) >= 8 and entry == entry.casefold() for entry in common)


@pytest.mark.parametrize(
    ("username", "problem"),
    [
        ("ada", None),
        ("ada.lovelace-1_2", None),
        ("x" * 64, None),
        ("ad", "a username has 3 to 64 characters"),
        ("x" * 65, "a username has 3 to 64 characters"),
        ("ada lovelace", "a username has letters, digits, dots, dashes or underscores only"),
        ("adé", "a username has letters, digits, dots, dashes or underscores only"),
    ],
)
def test_username_problem(username: str, problem: str | None) -> None:
    assert username_problem(username) == problem
