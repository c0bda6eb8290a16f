"""Reading a learner's answer out of the posted form, shaped as the grader wants it.

Each input kind names its fields after the run position (`q3-answer`, `q3-blank-1`...), so one
page can hold one question or all of them. A missing or ill-formed field raises FieldError
with a message to show next to it; the grader then only ever sees well-shaped responses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from werkzeug.datastructures import MultiDict

from quiz.core.errors import ResponseError
from quiz.core.grading.limits import check_text
from quiz.core.presentation import Presented

Form = MultiDict[str, str]
TRUE_FALSE = (("true", "True"), ("false", "False"))


class FieldError(ValueError):
    """What is wrong with a submitted answer, in words for the learner."""


def input_kind(presented: Presented) -> str:
    """How the question is answered: radio, checkboxes, text, cloze, order or match."""
    if presented.type in ("order", "match", "cloze"):
        return presented.type
    if presented.type == "truefalse" or (presented.choices and not presented.multiple):
        return "radio"
    return "checkboxes" if presented.multiple else "text"


def options(presented: Presented) -> tuple[tuple[str, str], ...]:
    """(value, label) of each radio button or checkbox."""
    if presented.type == "truefalse":
        return TRUE_FALSE
    return tuple((choice, choice) for choice in presented.choices)


def read_response(presented: Presented, form: Form, prefix: str) -> Any:
    return READERS[input_kind(presented)](presented, form, prefix)


def _radio(presented: Presented, form: Form, prefix: str) -> str:
    value = form.get(f"{prefix}answer", "")
    if value not in dict(options(presented)):
        raise FieldError("Pick one of the answers.")
    return value


def _checkboxes(presented: Presented, form: Form, prefix: str) -> list[str]:
    values = form.getlist(f"{prefix}answer")
    if not values:
        raise FieldError("Tick at least one answer.")
    if not set(values) <= set(presented.choices):
        raise FieldError("Tick only answers from the list.")
    return values


def _text(presented: Presented, form: Form, prefix: str) -> str:
    value = _capped(form.get(f"{prefix}answer", "").strip(), "your answer")
    if not value:
        raise FieldError("Type an answer (a guess is fine).")
    return value


def _cloze(presented: Presented, form: Form, prefix: str) -> list[str]:
    blanks = [
        _capped(form.get(f"{prefix}blank-{i}", "").strip(), f"blank {i}")
        for i in blank_numbers(presented)
    ]
    missing = [str(i) for i, blank in enumerate(blanks, 1) if not blank]
    if missing:
        raise FieldError(f"Fill in every blank (blank {', '.join(missing)} is empty).")
    return blanks


def _capped(value: str, what: str) -> str:
    """The core's length cap (the same the grader applies), as a message next to the field."""
    try:
        return check_text(value, what)
    except ResponseError as error:
        message = str(error)
        raise FieldError(message[0].upper() + message[1:] + ".") from error


def _order(presented: Presented, form: Form, prefix: str) -> list[str]:
    count = len(presented.choices)
    ranks = [form.get(f"{prefix}rank-{i}", "") for i in range(1, count + 1)]
    if sorted(ranks) != sorted(str(n) for n in range(1, count + 1)):
        raise FieldError(f"Give each item a different place, from 1 to {count}.")
    return [
        item for _, item in sorted(zip((int(r) for r in ranks), presented.choices, strict=True))
    ]


def _match(presented: Presented, form: Form, prefix: str) -> dict[str, str]:
    picks = [form.get(f"{prefix}match-{i}", "") for i in range(1, len(presented.lefts) + 1)]
    if not all(pick in presented.choices for pick in picks):
        raise FieldError("Choose a match for every item.")
    return dict(zip(presented.lefts, picks, strict=True))


def blank_numbers(presented: Presented) -> range:
    return range(1, len(presented.segments))


READERS: dict[str, Callable[[Presented, Form, str], Any]] = {
    "radio": _radio,
    "checkboxes": _checkboxes,
    "text": _text,
    "cloze": _cloze,
    "order": _order,
    "match": _match,
}
