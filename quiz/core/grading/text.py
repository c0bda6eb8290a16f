"""Typed text: case, accents, punctuation and small typos forgiven, digits never."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quiz.core.grading.grader import Grader, Report, as_text, no_answer
from quiz.core.parsing.text import EmptyAnswerError, TextKey, match_prepared, prepare_answers
from quiz.core.verdict import Verdict


def prepare(fields: Mapping[str, Any], report: Report) -> TextKey | None:
    return prepare_text_key(fields, report)


def prepare_text_key(fields: Mapping[str, Any], report: Report) -> TextKey | None:
    """The answer and its `accept` aliases, parsed once."""
    answers = [fields["answer"], *fields.get("accept", [])]
    try:
        return prepare_answers(answers, fields.get("typos"))
    except EmptyAnswerError as error:
        report(str(error), "answer")
        return None


def grade(key: TextKey, response: Any) -> Verdict:
    return grade_text(key, as_text(response))


def grade_text(key: TextKey, response: str) -> Verdict:
    expected = key.answers[0].answer
    if no_answer(response):
        return Verdict(False, 0.0, expected, f"No answer given: it is {expected}.")
    found = match_prepared(response, key)
    if found is None:
        return Verdict(False, 0.0, expected, f"Not quite: the answer is {expected}.")
    if found.distance:
        return Verdict(
            True, 1.0, expected, f"Close: check the spelling — {found.answer}.", ("a typo",)
        )
    return Verdict(True, 1.0, expected, f"Right: {found.answer}.")


GRADER = Grader(prepare, grade)
