"""Flashcards: self-graded, so there is nothing to prepare or compare."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NoReturn

from quiz.core.errors import SelfGradedError
from quiz.core.grading.grader import Grader, Report


def prepare(fields: Mapping[str, Any], report: Report) -> str:
    return str(fields["back"])


def grade(key: str, response: Any) -> NoReturn:
    raise SelfGradedError("a card is self-graded: rate how well you remembered it")


GRADER = Grader(prepare, grade)
