"""What makes a username and a password acceptable, for every door that makes an account
(the CLI; the register form states the same rules with wtforms validators)."""

from __future__ import annotations

import re

USERNAME_MIN, USERNAME_MAX = 3, 64
PASSWORD_MIN, PASSWORD_MAX = 8, 200
_USERNAME = re.compile(r"[A-Za-z0-9_.-]+")
ROLES = ("author",)


def username_problem(username: str) -> str | None:
    """Why `username` can't be an account's name, or None when it can."""
    if not USERNAME_MIN <= len(username) <= USERNAME_MAX:
        return f"a username has {USERNAME_MIN} to {USERNAME_MAX} characters"
    if not _USERNAME.fullmatch(username):
        return "a username has letters, digits, dots, dashes or underscores only"
    return None


def password_problem(password: str) -> str | None:
    """Why `password` is refused, or None when it is long enough and not absurdly long."""
    if len(password) < PASSWORD_MIN:
        return f"a password has at least {PASSWORD_MIN} characters"
    if len(password) > PASSWORD_MAX:
        return f"a password has at most {PASSWORD_MAX} characters"
    return None
