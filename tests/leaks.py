"""What would give a question's answer away if a page showed it before the learner answered.

Shared by the core presentation test and the web leakage tests (pytest puts tests/ on the path).
"""

from __future__ import annotations

from typing import Any

from quiz.core.bank import Question
from quiz.core.presentation import present


def answers_of(question: Question) -> list[str]:
    """The answer texts to look for: typed answers and aliases, blanks, a card's back."""
    fields = question.fields
    if question.type in ("text", "number", "quantity", "date"):
        return [str(fields["answer"]), *fields.get("accept", [])]
    if question.type == "who" and "choices" not in fields:
        return [str(fields["answer"]), *fields.get("accept", [])]
    if question.type == "cloze":
        return [blank.answers[0].answer for blank in question.key.blanks]
    if question.type == "card":
        return [str(fields["back"])]
    return []


def form_for(question: Question, run_id: int, position: int, response: Any) -> dict[str, Any]:
    """The form a browser posts for `response` at `position` of a run (choices not shuffled)."""
    prefix, shown = f"q{position}-", present(question, seed=run_id)
    if question.type == "order":
        return {f"{prefix}rank-{i}": response.index(c) + 1 for i, c in enumerate(shown.choices, 1)}
    if question.type == "match":
        return {f"{prefix}match-{i}": response[left] for i, left in enumerate(shown.lefts, 1)}
    if question.type == "cloze":
        return {f"{prefix}blank-{i}": blank for i, blank in enumerate(response, 1)}
    return {f"{prefix}answer": response}
