"""A question's `check` examples with the verdict each gets today, for the question preview."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quiz.core.bank import Question
from quiz.core.banks.examples import as_response
from quiz.core.banks.shapes import ShapeError
from quiz.core.banks.yaml_reading import YamlList, YamlMap, read_yaml
from quiz.core.errors import QuizError
from quiz.core.grading import grade, response_shape
from quiz.core.verdict import Verdict


@dataclass(frozen=True)
class GradedExample:
    """One example: the group it sits in ("right"/"wrong"), as written, and its verdict now."""

    group: str
    response: Any
    verdict: Verdict | None  # None when the example can't be graded (see `problem`)
    problem: str = ""
    line: int = 0

    @property
    def passes(self) -> bool:
        """Whether it grades as its group says."""
        return self.verdict is not None and self.verdict.correct == (self.group == "right")


def graded_examples(bank_text: str, question: Question) -> list[GradedExample]:
    """Every `check` example of `question` in the bank file's text, graded with its key."""
    check = _check_of(bank_text, question.id)
    if check is None or question.type == "card":
        return []
    shape = response_shape(question)
    found = []
    for group in ("right", "wrong"):
        examples = check.get(group)
        if not isinstance(examples, YamlList):
            continue
        for index, example in enumerate(examples):
            found.append(_graded(question, group, example, shape, examples.where(index)[0]))
    return found


def _graded(question: Question, group: str, example: Any, shape: str, line: int) -> GradedExample:
    try:
        response = as_response(example, shape)
        return GradedExample(group, response, grade(question, response), line=line)
    except (ShapeError, QuizError) as error:
        return GradedExample(group, example, None, str(error), line)


def _check_of(bank_text: str, question_id: str) -> YamlMap | None:
    data, _issues = read_yaml(bank_text)
    questions = data.get("questions") if isinstance(data, YamlMap) else None
    for entry in questions if isinstance(questions, YamlList) else ():
        if isinstance(entry, YamlMap) and entry.get("id") == question_id:
            check = entry.get("check")
            return check if isinstance(check, YamlMap) else None
    return None
