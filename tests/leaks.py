"""What would give a question's answer away if a page showed it before the learner answered.

Shared by the core presentation test and the web leakage tests (pytest puts tests/ on the path).
"""

from __future__ import annotations

from quiz.core.bank import Question


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
