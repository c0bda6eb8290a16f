"""Catching a prompt or an id that gives away its own answer, which no check example would notice.

Ids count too: they reach the browser (in links and forms) before the learner answers.
"""

from __future__ import annotations

from quiz.core.bank import Question
from quiz.core.parsing.text import normalize

# Types whose answer is a word or number that could sit in the prompt unnoticed; a choice
# question shows its answer among the choices by design.
_CHECKED_TYPES = frozenset({"text", "who", "number", "quantity", "date", "cloze"})


def giveaway(question: Question, text: str) -> str | None:
    """The answer (or alias, or family name) that `text` contains as whole words, if any."""
    if question.type not in _CHECKED_TYPES:
        return None
    shown = f" {normalize(text)} "
    return next((a for a in _answers(question) if f" {normalize(a)} " in shown and a), None)


def _answers(question: Question) -> list[str]:
    if question.type == "cloze":
        return [entry.answer for blank in question.key.blanks for entry in blank.answers]
    fields = question.fields
    answers = [str(fields["answer"]), *fields.get("accept", [])]
    if question.type == "who" and fields.get("surname", True):
        answers += [entry.answer for entry in question.key.surnames.answers]
        answers += [entry.form.split()[-1] for entry in question.key.full.answers]
    return answers
