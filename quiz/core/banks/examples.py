"""A question's own tests: grading the author's `check` examples, right and wrong."""

from __future__ import annotations

from typing import Any

from quiz.core.bank import Question
from quiz.core.banks.questions import Complain
from quiz.core.banks.shapes import ShapeError, read_text, read_text_list
from quiz.core.banks.yaml_reading import Mark, YamlList, YamlMap
from quiz.core.errors import ResponseError
from quiz.core.grading import grade, response_shape
from quiz.core.grading.quantity import QuantityKey
from quiz.core.parsing.quantities import (
    QuantityError,
    compare,
    dimension_name,
    format_quantity,
    parse_quantity,
)

_EXPECTATIONS = (("right", True), ("wrong", False))


def check_examples(
    question: Question, check: YamlMap, complain: Complain, answer_mark: Mark
) -> None:
    """Grade every example; report each that grades the other way, at the example itself,
    unless the answer is what they all disagree with: then once, at the answer."""
    if question.type == "card":
        complain(check.mark, "a card is self-graded, so it takes no 'check' examples")
        return
    shape = response_shape(question)
    blamed = _blame_the_answer(question, check.get("right"))
    if blamed:
        complain(answer_mark, blamed)
    for group, should_be_right in _EXPECTATIONS:
        if blamed and group == "right":
            continue
        examples = check.get(group) or YamlList(check.where(group))
        for index, example in enumerate(examples):
            mark = examples.where(index)
            problem = _example_problem(question, shape, example, should_be_right)
            if problem:
                complain(mark, f"check {group} example {index + 1}: {problem}")


def _blame_the_answer(question: Question, right: Any) -> str | None:
    """For a quantity: when every right example measures something other than the answer,
    the answer's unit is the slip, not the examples."""
    if not isinstance(question.key, QuantityKey) or not isinstance(right, YamlList) or not right:
        return None
    reference = question.key.reference
    try:
        given = [parse_quantity(example) for example in right if isinstance(example, str)]
    except QuantityError:
        return None
    if len(given) != len(right) or any(compare(reference, q).same_dimension for q in given):
        return None
    return (
        f"answer '{format_quantity(reference)}' is {dimension_name(reference.unit)}, but every "
        f"check right example is {dimension_name(given[0].unit)} (like {right[0]!r}): "
        "fix the answer's unit"
    )


def _example_problem(question: Question, shape: str, example: Any, should_be_right: bool) -> str:
    try:
        verdict = grade(question, as_response(example, shape))
    except (ShapeError, ResponseError) as error:
        return f"{_shown(example)} {error}"
    if verdict.correct == should_be_right:
        return ""
    outcome = "right" if verdict.correct else "wrong"
    wanted = "right" if should_be_right else "wrong"
    return f'{_shown(example)} should grade {wanted} but grades {outcome} ("{verdict.feedback}")'


def as_response(example: Any, shape: str) -> Any:
    if shape == "list":
        return read_text_list(example)
    if shape == "mapping":
        if not isinstance(example, YamlMap):
            raise ShapeError("must be a mapping of left: right")
        return {key: read_text(value) for key, value in example.items()}
    return read_text(example)


def _shown(example: Any) -> str:
    if isinstance(example, YamlMap):
        return repr(dict(example))
    return repr(list(example)) if isinstance(example, YamlList) else repr(example)
