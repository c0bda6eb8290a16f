"""Grading: one small grader per question type, chosen from a table.

Each grader prepares a question's reference answer once, when the bank loads (`prepare`),
and grades plain responses against it (`grade`), returning a Verdict. Nothing here knows
about requests, forms or databases.
"""

from __future__ import annotations

from typing import Any

from quiz.core.bank import Question
from quiz.core.grading import (
    card,
    choice,
    cloze,
    date,
    matching,
    number,
    order,
    quantity,
    text,
    truefalse,
    who,
)
from quiz.core.grading.grader import Grader, Report
from quiz.core.verdict import Verdict

# Each grader is typed in its own key; the table, indexed by a run-time type name, cannot be.
GRADERS: dict[str, Grader[Any]] = {
    "choice": choice.GRADER,
    "truefalse": truefalse.GRADER,
    "text": text.GRADER,
    "number": number.GRADER,
    "quantity": quantity.GRADER,
    "date": date.GRADER,
    "who": who.GRADER,
    "cloze": cloze.GRADER,
    "order": order.GRADER,
    "match": matching.GRADER,
    "card": card.GRADER,
}

__all__ = ["GRADERS", "Grader", "Report", "grade", "response_shape"]


def grade(question: Question, response: Any) -> Verdict:
    """Grade a learner's response to a question; the one function every caller uses.

    A card is self-graded: its grader raises SelfGradedError."""
    return GRADERS[question.type].grade(question.key, response)


def response_shape(question: Question) -> str:
    """What a response to this question is: "text", "list" (of texts) or "mapping"."""
    return GRADERS[question.type].response_shape(question.key)
