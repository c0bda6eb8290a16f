"""Password hashes: werkzeug's format both ways, so hashes saved before the move still check."""

from __future__ import annotations

import pytest
from werkzeug.security import check_password_hash, generate_password_hash

from quiz.core.password_hashes import PasswordHashError, hash_password, password_matches

# Made by werkzeug 3.1's generate_password_hash("correct horse"), as accounts were saved
# before the core hashed passwords itself; the second with a cheaper cost than ours.
SAVED_BY_WERKZEUG = (
    "scrypt:32768:8:1$ME7iHoNKqWEqXT0B$dccf8ba28d767f0586e243094055fca9f30a6fa5f5484cc61d54404b"
    "80d5d1e1fa40a6d8aa06f16f827887cc70976550545c28a82721a8d879c23e8c5bcc62ff"
)
SAVED_WITH_LOWER_COST = (
    "scrypt:16384:8:1$7mQ9SKljcGnW5Ebr$979969b42648c0fa1496431d645fca4bc8dcfa13aaed68196616f35ae"
    "392b983ff8fa7ec6411374a369c5bcdf0bb591a2bd3041d4c27b32fe4a9b654f75f8188"
)


@pytest.mark.parametrize("stored", [SAVED_BY_WERKZEUG, SAVED_WITH_LOWER_COST])
@pytest.mark.parametrize(
    ("attempt", "expected"), [("correct horse", True), ("Correct horse", False), ("", False)]
)
def test_hashes_saved_by_werkzeug_still_check(stored: str, attempt: str, expected: bool) -> None:
    assert password_matches(stored, attempt) is expected


def test_our_hashes_check_with_werkzeug_and_werkzeugs_with_ours() -> None:
    ours = hash_password("correct horse")
    assert check_password_hash(ours, "correct horse")
    assert not check_password_hash(ours, "correct horsE")
    assert password_matches(generate_password_hash("a new phrase"), "a new phrase")


def test_a_given_salt_makes_werkzeugs_exact_hash() -> None:
    salt = SAVED_BY_WERKZEUG.split("$")[1]
    assert hash_password("correct horse", salt=salt) == SAVED_BY_WERKZEUG


def test_each_hash_gets_its_own_salt() -> None:
    first, second = hash_password("same"), hash_password("same")
    assert first.startswith("scrypt:32768:8:1$") and first != second
    assert first.split("$")[1] != second.split("$")[1]


@pytest.mark.parametrize(
    "stored",
    [
        "pbkdf2:sha256:600000$salt$abcd",  # a method we never made
        "plain text",  # no `$` at all
        "scrypt:32768:8$salt$abcd",  # two cost numbers, not three
        "scrypt:a:b:c$salt$abcd",
    ],
)
def test_a_hash_in_another_format_is_an_error_not_a_mismatch(stored: str) -> None:
    with pytest.raises(PasswordHashError, match="scrypt:N:r:p"):
        password_matches(stored, "anything")
