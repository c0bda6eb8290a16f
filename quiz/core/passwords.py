"""What makes a new password acceptable: long enough, not one attackers try first, not the
username. The list of common passwords is read by the caller (see quiz.resources)."""

from __future__ import annotations

from collections.abc import Container

MIN_LENGTH = 8
MAX_LENGTH = 200  # scrypt hashes any length, but a megabyte "password" is an attack

TOO_SHORT = f"Use at least {MIN_LENGTH} characters (at most {MAX_LENGTH})."
TOO_COMMON = (
    "That password is among the most common ones, which attackers try first. "
    "Choose another: a few unrelated words make a strong one."
)
IS_USERNAME = "Your password must not be your username. Choose another."


def password_problem(username: str, password: str, common: Container[str]) -> str | None:
    """Why `password` is refused for `username`, or None if it is acceptable."""
    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        return TOO_SHORT
    folded = password.casefold()
    if folded in common:
        return TOO_COMMON
    name = username.casefold()
    # "ada", "Ada2024!" and "ada.ada" are the username with trimmings, guessed as easily.
    if name and not folded.replace(name, "").strip("0123456789!?.,;:-_@#$%&* "):
        return IS_USERNAME
    return None
