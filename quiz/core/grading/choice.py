"""Multiple choice: one right choice, or a set of them (select-all, with partial credit)."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from quiz.core.errors import ResponseError
from quiz.core.grading.grader import Grader, Report, as_text, as_text_list
from quiz.core.parsing.text import PreparedAnswer, normalize, prepare_form, typo_distance
from quiz.core.verdict import Verdict
from quiz.core.wording import counted

# Distances past the largest typo budget (2) are all "far": no need to count them exactly.
_NEAR = 3


@dataclass(frozen=True)
class ChoiceKey:
    choices: tuple[str, ...]
    answers: frozenset[str]
    select_all: bool

    # Each choice prepared as a text answer, for typed responses with a typo.
    typed: tuple[PreparedAnswer, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.typed:
            forms = [(c, normalize(c)) for c in self.choices]
            typed = tuple(prepare_form(c, form) for c, form in forms if form)
            object.__setattr__(self, "typed", typed)

    def find(self, response: str) -> str | None:
        """The choice a response names: its exact text, the same text typed loosely, or the
        one choice it is a small typo of (as in `text`; digits never), when no other choice
        is as near: "Austrai" is as near Australia as Austria, so it names neither."""
        if response in self.choices:
            return response
        form = normalize(response)
        same = next((c for c in self.choices if normalize(c) == form), None)
        if same is not None or not form:
            return same
        return _nearest(form, self.typed)

    @property
    def expected(self) -> str:
        return ", ".join(c for c in self.choices if c in self.answers)


def _nearest(form: str, typed: tuple[PreparedAnswer, ...]) -> str | None:
    """The one choice `form` is within its typo budget of and nearer to than any other."""
    scored = sorted(
        (distance, index)
        for index, entry in enumerate(typed)
        if (distance := typo_distance(form, entry, _NEAR)) is not None
    )
    if not scored or scored[0][0] > typed[scored[0][1]].typos:
        return None
    if len(scored) > 1 and scored[1][0] <= scored[0][0]:
        return None
    return typed[scored[0][1]].answer


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
    text = as_text(response)
    picked = key.find(text)
    if picked is None:
        return Verdict(
            False,
            0.0,
            key.expected,
            f"That is not one of the choices; the answer is {key.expected}.",
        )
    if picked in key.answers and normalize(text) != normalize(picked):
        return Verdict(
            True, 1.0, key.expected, f"Close: check the spelling — {picked}.", ("a typo",)
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
    return Verdict(False, score, key.expected, _partial_feedback(score, right, wrong, missed))


def _partial_feedback(score: float, right: int, wrong: int, missed: int) -> str:
    # The lead word follows the score, so the sentence never contradicts the badge above it.
    parts = [f"{right} right"]
    if wrong:
        parts.append(counted(wrong, "that does not belong", "that do not belong"))
    if missed:
        parts.append(f"{missed} missed")
    lead = "Partly right" if score > 0 else "Wrong"
    return f"{lead}: " + ", ".join(parts) + "."


def _shape(key: ChoiceKey) -> str:
    return "list" if key.select_all else "text"


GRADER = Grader(prepare, grade, _shape)
