"""What makes a username and a password acceptable, for every door that makes an account or
sets a password (the CLI, the register and account pages). The list of common passwords is
read by the caller (quiz.resources.common_passwords)."""

from __future__ import annotations

import re
from collections.abc import Container

USERNAME_MIN, USERNAME_MAX = 3, 64
PASSWORD_MIN, PASSWORD_MAX = 8, 200
_USERNAME = re.compile(r"[A-Za-z0-9_.-]+")


def username_problem(username: str) -> str | None:
    """Why `username` can't be an account's name, or None when it can."""
    if not USERNAME_MIN <= len(username) <= USERNAME_MAX:
        return f"a username has {USERNAME_MIN} to {USERNAME_MAX} characters"
    if not _USERNAME.fullmatch(username):
        return "a username has letters, digits, dots, dashes or underscores only"
    return None


TOO_SHORT = f"Use at least {PASSWORD_MIN} characters (at most {PASSWORD_MAX})."
TOO_LONG = f"Use at most {PASSWORD_MAX} characters."  # a megabyte "password" is an attack
TOO_COMMON = (
    "That password is among the most common ones, which attackers try first. "
    "Choose another: a few unrelated words make a strong one."
)
IS_USERNAME = "Your password must not be your username. Choose another."


def password_problem(
    password: str, username: str = "", common: Container[str] = frozenset()
) -> str | None:
    """Why `password` is refused for `username`, or None when it is acceptable."""
    if len(password) < PASSWORD_MIN:
        return TOO_SHORT
    if len(password) > PASSWORD_MAX:
        return TOO_LONG
    folded = password.casefold()
    if folded in common:
        return TOO_COMMON
    name = username.casefold()
    # "ada", "Ada2024!" and "ada.ada" are the username with trimmings, guessed as easily.
    if name and not folded.replace(name, "").strip("0123456789!?.,;:-_@#$%&* "):
        return IS_USERNAME
    return None
