"""Multiple choice: one right choice, or a set of them (select-all, with partial credit)."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from quiz.core.errors import ResponseError
from quiz.core.grading.grader import Grader, Report, as_text, as_text_list
from quiz.core.parsing.text import normalize
from quiz.core.verdict import Verdict


@dataclass(frozen=True)
class ChoiceKey:
    choices: tuple[str, ...]
    answers: frozenset[str]
    select_all: bool

    def find(self, response: str) -> str | None:
        """The choice a response names: its exact text, or the same text typed loosely."""
        if response in self.choices:
            return response
        form = normalize(response)
        return next((c for c in self.choices if normalize(c) == form), None)

    @property
    def expected(self) -> str:
        return ", ".join(c for c in self.choices if c in self.answers)


def prepare(fields: Mapping[str, Any], report: Report) -> ChoiceKey:
    choices = tuple(fields["choices"])
    _check_choices(choices, report)
    answer = fields["answer"]
    answers = list(answer) if isinstance(answer, list) else [answer]
    for index, item in enumerate(answers):
        if item not in choices:
            where = index if isinstance(answer, list) else None
            report(
                f"answer {item!r} is not one of the choices{closest(item, choices)}",
                "answer",
                where,
            )
    if isinstance(answer, list) and not answers:
        report("answer lists no choice: give at least one of the choices", "answer")
    if isinstance(answer, list) and len(set(answers)) != len(answers):
        report("answer lists the same choice twice", "answer")
    return ChoiceKey(choices, frozenset(answers), isinstance(answer, list))


def closest(item: str, choices: tuple[str, ...] | list[str]) -> str:
    """ " (did you mean 'x'?)" for the choice the author probably meant, else the choices."""
    forms = {normalize(choice): choice for choice in choices}
    if normalize(item) in forms:
        return f" (did you mean {forms[normalize(item)]!r}? an answer is written as its choice)"
    close = difflib.get_close_matches(normalize(item), list(forms), n=1, cutoff=0.6)
    if close:
        return f" (did you mean {forms[close[0]]!r}?)"
    return f" {list(choices)}"


def _check_choices(choices: tuple[str, ...], report: Report) -> None:
    if len(choices) < 2:
        report("a choice question needs at least 2 choices", "choices")
    seen: set[str] = set()
    for index, item in enumerate(choices):
        if normalize(item) in seen:
            report(f"choice {item!r} is given twice", "choices", index)
        seen.add(normalize(item))


def grade(key: ChoiceKey, response: Any) -> Verdict:
    if key.select_all:
        return _grade_many(key, as_text_list(response))
    picked = key.find(as_text(response))
    if picked is None:
        return Verdict(
            False,
            0.0,
            key.expected,
            f"That is not one of the choices; the answer is {key.expected}.",
        )
    if picked in key.answers:
        return Verdict(True, 1.0, key.expected, f"Right: {picked}.")
    return Verdict(False, 0.0, key.expected, f"Not {picked}: the answer is {key.expected}.")


def _grade_many(key: ChoiceKey, response: list[str]) -> Verdict:
    picked = {key.find(item) for item in response}
    if None in picked:
        raise ResponseError("every pick must be one of the choices")
    right = len(picked & key.answers)
    wrong = len(picked - key.answers)
    score = max(0.0, (right - wrong) / len(key.answers))
    if picked == key.answers:
        return Verdict(True, 1.0, key.expected, "Right: you picked exactly the right ones.")
    missed = len(key.answers) - right
    return Verdict(False, score, key.expected, _partial_feedback(right, wrong, missed))


def _partial_feedback(right: int, wrong: int, missed: int) -> str:
    parts = [f"{right} right"]
    if wrong:
        parts.append(f"{wrong} that do not belong")
    if missed:
        parts.append(f"{missed} missed")
    return "Partly right: " + ", ".join(parts) + "."


def _shape(key: ChoiceKey) -> str:
    return "list" if key.select_all else "text"


GRADER = Grader(prepare, grade, _shape)
