"""Moodle GIFT, second pass: one answer block read as one of our question types.

Partial credit is carried where our grading has the same rule (equal right picks in a
select-all question, a wrong pick costing as much as a right one earns) and noted otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from quiz.core.interchange.gift_scanning import Answer, restore
from quiz.core.interchange.records import MalformedError

BLANK = "_____"
_FULL = 100.0
_CLOSE = 0.5  # percentage points: 33.33333% and 33.3% both mean a third

_TIGHT = (".", ",", ";", ":", "!", "?", ")", "'", '"')

Clean = Callable[[str], str]


@dataclass
class Shape:
    """A question's type, its own keys, the explanation found, and what was not carried."""

    type: str
    fields: dict[str, object]
    notes: list[str] = field(default_factory=list)
    explanation: str = ""
    name: str = ""


def around(before: str, middle: str, after: str) -> str:
    """`middle` put between two texts, spaced as a sentence would be."""
    left = f"{before} " if before and not before.endswith(("(", '"', "'")) else before
    right = f" {after}" if after and not after.startswith(_TIGHT) else after
    return f"{left}{middle}{right}"


def weight_of(answer: Answer) -> float:
    if answer.weight is not None:
        return answer.weight
    return _FULL if answer.marker == "=" else 0.0


def read_truefalse(body: str, prompt: str) -> Shape:
    value, *feedback = body.split("#")
    shape = Shape("truefalse", {"prompt": prompt, "answer": value.strip().upper()[0] == "T"})
    # Moodle's order: the feedback for a wrong answer first, then for a right one.
    if len(feedback) > 1 and feedback[1].strip():
        shape.explanation = restore(feedback[1]).strip()
    if feedback and feedback[0].strip():
        shape.notes.append(f"feedback on a wrong answer: {restore(feedback[0]).strip()!r}")
    return shape


def read_numerical(answers: list[Answer], prompt: str) -> Shape:
    if not answers:
        raise MalformedError("a numerical answer block {#...} gives no number")
    shape = Shape("number", {"prompt": prompt})
    right = [a for a in answers if a.marker != "~" and weight_of_numeric(a) >= _FULL]
    if not right:
        raise MalformedError("no numerical answer is worth 100%: write {#1822:5}")
    value, tolerance = number_range(right[0].text)
    shape.fields["answer"] = _shown(value)
    if tolerance:
        shape.fields["tolerance"] = _shown(tolerance)
    shape.explanation = restore(right[0].feedback or "")
    for answer in answers:
        if answer is not right[0]:
            worth = "wrong" if answer.marker == "~" else f"{weight_of_numeric(answer):g}%"
            shape.notes.append(f"another numerical answer ({restore(answer.text)}, {worth})")
        _note_feedback(shape, answer, right[0])
    return shape


def weight_of_numeric(answer: Answer) -> float:
    return answer.weight if answer.weight is not None else _FULL


def number_range(text: str) -> tuple[Decimal, Decimal]:
    """`1822`, `1822:5` or `1820..1825` as (value, tolerance)."""
    text = restore(text).strip()
    try:
        if ".." in text:
            low, high = (Decimal(part.strip()) for part in text.split("..", 1))
            return (low + high) / 2, abs(high - low) / 2
        if ":" in text:
            value, tolerance = (Decimal(part.strip()) for part in text.split(":", 1))
            return value, abs(tolerance)
        return Decimal(text), Decimal(0)
    except (InvalidOperation, ValueError):  # Decimal's own errors
        raise MalformedError(
            f"{text!r} is not a number: a numerical answer is written 1822, 1822:5 or 1820..1825"
        ) from None


def _shown(value: Decimal) -> str:
    return format(value.normalize(), "f")


def read_short_answer(
    answers: list[Answer], prompt: str, cloze: tuple[str, str] | None, clean: Clean
) -> Shape:
    texts = [clean(answer.text) for answer in answers]
    if not all(texts):
        raise MalformedError("an answer is empty: write it after '='")
    best = max(weight_of(answer) for answer in answers)
    right = [text for text, answer in zip(texts, answers, strict=True) if weight_of(answer) == best]
    if cloze is not None:
        blank = "|".join(right)
        shape = Shape("cloze", {"text": around(cloze[0], f"[[{blank}]]", cloze[1])})
    else:
        shape = Shape("text", {"prompt": prompt, "answer": right[0]})
        if right[1:]:
            shape.fields["accept"] = right[1:]
    if best < _FULL:
        shape.notes.append(f"the best answer's {best:g}% weight: here it is fully right")
    for text, answer in zip(texts, answers, strict=True):
        if weight_of(answer) != best:
            shape.notes.append(f"partly right answer {text!r} ({weight_of(answer):g}%)")
    _take_feedback(shape, answers, [a for a in answers if weight_of(a) == best][0])
    return shape


def read_matching(answers: list[Answer], prompt: str, clean: Clean) -> Shape:
    shape = Shape("match", {"prompt": prompt, "pairs": []})
    pairs: list[list[str]] = []
    for answer in answers:
        if answer.marker != "=" or "->" not in answer.text:
            raise MalformedError("a matching question lists pairs only: =left -> right")
        left, right = (clean(side) for side in answer.text.split("->", 1))
        if not right:
            raise MalformedError(f"the pair {answer.text.strip()!r} has nothing after '->'")
        if left:
            pairs.append([left, right])
        else:
            shape.notes.append(f"an extra right-hand option with no pair: {right!r}")
    shape.fields["pairs"] = pairs
    _take_feedback(shape, answers, None)
    return shape


def read_choice(answers: list[Answer], prompt: str, clean: Clean) -> Shape:
    if answers and answers[0].marker == "":
        raise MalformedError(f"text {answers[0].text!r} comes before the first '=' or '~'")
    choices = [clean(answer.text) for answer in answers]
    if not all(choices):
        raise MalformedError("a choice is empty: write it after '=' or '~'")
    weights = [weight_of(answer) for answer in answers]
    full = [c for c, w in zip(choices, weights, strict=True) if w >= _FULL]
    positive = [c for c, w in zip(choices, weights, strict=True) if w > 0]
    if not positive:
        raise MalformedError("no choice is right: mark one with '=' (or weigh several, ~%50%)")
    shape = Shape("choice", {"prompt": prompt, "choices": choices})
    if full:
        shape.fields["answer"] = full[0]
        _note_single(shape, choices, weights, full[0])
    else:
        shape.fields["answer"] = positive
        _note_select_all(shape, weights, len(positive))
    right = answers[choices.index(full[0] if full else positive[0])]
    _take_feedback(shape, answers, right)
    return shape


def _note_single(shape: Shape, choices: list[str], weights: list[float], answer: str) -> None:
    for choice, weight in zip(choices, weights, strict=True):
        if choice != answer and weight > 0:
            shape.notes.append(f"{choice!r} was worth {weight:g}%; here it counts as wrong")
    if any(weight < 0 for weight in weights):
        shape.notes.append("negative weights: here a wrong pick scores 0, never less")


def _note_select_all(shape: Shape, weights: list[float], right_count: int) -> None:
    share = _FULL / right_count
    positive = [w for w in weights if w > 0]
    if any(abs(w - share) > _CLOSE for w in positive):
        shown = ", ".join(f"{w:g}%" for w in positive)
        shape.notes.append(f"right picks weighed {shown}; here each counts the same")
    wrong = [w for w in weights if w <= 0]
    if any(abs(w + share) > _CLOSE for w in wrong):
        shown = ", ".join(f"{w:g}%" for w in wrong)
        shape.notes.append(
            f"wrong picks weighed {shown}; here each costs as much as a right pick earns "
            f"({share:.4g}%), never below 0"
        )


def _take_feedback(shape: Shape, answers: list[Answer], right: Answer | None) -> None:
    if right is not None and right.feedback:
        shape.explanation = restore(right.feedback)
    for answer in answers:
        _note_feedback(shape, answer, right)


def _note_feedback(shape: Shape, answer: Answer, right: Answer | None) -> None:
    if answer.feedback and answer is not right:
        text = restore(answer.text).strip()
        shape.notes.append(f"feedback on {text!r}: {restore(answer.feedback)!r}")
