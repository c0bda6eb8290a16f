"""Catching a prompt that gives away its own answer, which no check example would notice."""

from __future__ import annotations

from quiz.core.bank import Question
from quiz.core.parsing.text import normalize

# Types whose answer is a word or number that could sit in the prompt unnoticed; a choice
# question shows its answer among the choices by design.
_CHECKED_TYPES = frozenset({"text", "who", "number", "quantity", "date"})


def giveaway(question: Question) -> str | None:
    """The answer (or alias) the prompt contains as whole words, if any."""
    if question.type not in _CHECKED_TYPES or question.prompt == "Who said this?":
        return None
    prompt = f" {normalize(question.prompt)} "
    for answer in _answers(question):
        form = normalize(answer)
        if form and f" {form} " in prompt:
            return answer
    return None


def _answers(question: Question) -> list[str]:
    fields = question.fields
    return [str(fields["answer"]), *fields.get("accept", [])]
