"""Counted phrases in English: the one place that knows "1 question" from "2 questions"."""

from __future__ import annotations


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """`count` followed by the phrase that agrees with it: counted(1, "that does not belong",
    "that do not belong") is "1 that does not belong"; the plural defaults to singular + "s"."""
    phrase = singular if count == 1 else (plural if plural is not None else f"{singular}s")
    return f"{count} {phrase}"
