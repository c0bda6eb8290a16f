"""Deciding an accepted answer: the bank text with a learner's response added as an alias.

Pure: text in, text out. The response goes into the question's aliases (so the grader takes
it) and into its `check.right` examples (so the bank's own tests keep it). The edited text
must validate as the whole bank did, every `check` example included, or nothing changes.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from pathlib import Path

from quiz.core.bank import Bank, Question
from quiz.core.banks.loading import load_bank_text
from quiz.core.banks.problems import Problem
from quiz.core.banks.yaml_editing import (
    KeyPath,
    YamlEditError,
    add_to_lists,
    added_items,
    plain_data,
)
from quiz.core.errors import QuizError
from quiz.core.grading import grade

MAX_RESPONSE_CHARS = 200
ALIAS_KEYS: dict[str, str] = {"text": "accept", "who": "accept"}
"""Question type → its list of other accepted answers."""

_NO_ALIASES = {
    "choice": "a choice question is answered by picking a choice: change 'answer' or 'choices'",
    "truefalse": "a true/false question has only two answers: change 'answer' if it is wrong",
    "number": "a number question has no list of aliases: widen its 'tolerance' or fix 'answer'",
    "quantity": "a quantity question has no list of aliases: widen its 'tolerance' or fix 'answer'",
    "date": "a date question has no list of aliases: fix 'answer' (give fewer parts of the "
    "date to grade fewer)",
    "cloze": "a cloze's aliases go inside each blank ([[answer|alias]]): edit the blank",
    "order": "an order question has one right order: edit 'items'",
    "match": "a match question has one right pairing: edit 'pairs'",
    "card": "a card is self-graded: there is no answer to accept",
}


class AcceptRefusedError(QuizError):
    """The response cannot be accepted; nothing was written. `problems` lists what the edit
    would break (or what was already broken), each at its file:line:column."""

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems

    def __str__(self) -> str:
        lines = [self.args[0], *(f"  {problem}" for problem in self.problems)]
        return "\n".join(lines)


@dataclass(frozen=True)
class AcceptedText:
    """The edited bank text and what was added where (key path, value)."""

    text: str
    additions: tuple[tuple[KeyPath, str], ...]


def accept_in_text(text: str, path: Path, question_id: str, response: str) -> AcceptedText:
    """The bank `text` (of the file `path`) with `response` accepted for `question_id`."""
    response = _checked_response(response)
    question = _question(_valid_bank(text, path), question_id, path)
    alias_key = _alias_key(question)
    if grade(question, response).correct:
        raise AcceptRefusedError(
            f"{response!r} is already graded right for '{question_id}': nothing to add"
        )
    # Never already a right example: the bank validated, so each of those grades right.
    additions: list[tuple[KeyPath, str]] = [
        ((alias_key,), response),
        (("check", "right"), response),
    ]
    edited = _edited(text, question_id, additions)
    _check_edited(text, edited, path, response)
    return AcceptedText(edited, tuple(additions))


def _checked_response(response: str) -> str:
    response = response.strip()
    if not response:
        raise AcceptRefusedError("the response is empty: there is nothing to accept")
    if len(response) > MAX_RESPONSE_CHARS:
        raise AcceptRefusedError(
            f"the response is {len(response)} characters long; an accepted answer "
            f"is at most {MAX_RESPONSE_CHARS}"
        )
    if "\n" in response or "\r" in response:
        raise AcceptRefusedError("the response spans several lines; an answer is one line")
    return response


def _valid_bank(text: str, path: Path) -> Bank:
    loaded = load_bank_text(text, path)
    if loaded.bank is None:
        raise AcceptRefusedError(
            f"{path.name} has problems already: fix them first", loaded.problems
        )
    return loaded.bank


def _question(bank: Bank, question_id: str, path: Path) -> Question:
    question = bank.question(question_id)
    if question is None:
        ids = [q.id for q in bank.questions]
        close = difflib.get_close_matches(question_id, ids, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else f" (its ids: {', '.join(ids)})"
        raise AcceptRefusedError(f"{path.name} has no question '{question_id}'{hint}")
    return question


def _alias_key(question: Question) -> str:
    if question.type in ALIAS_KEYS:
        return ALIAS_KEYS[question.type]
    reason = _NO_ALIASES.get(question.type, "this question type takes no aliases")
    raise AcceptRefusedError(f"cannot accept an answer for '{question.id}': {reason}")


def _edited(text: str, question_id: str, additions: list[tuple[KeyPath, str]]) -> str:
    try:
        edited = add_to_lists(text, question_id, additions)
        expected = added_items(plain_data(text), question_id, additions)
        if plain_data(edited) != expected:
            raise YamlEditError("the edit would change more than the added answer")
    except YamlEditError as error:
        raise AcceptRefusedError(
            f"cannot edit '{question_id}' safely ({error}): add the answer by hand"
        ) from error
    return edited


def _check_edited(text: str, edited: str, path: Path, response: str) -> None:
    # The response is now a check right example too, so an edited bank that validates grades
    # it right: validating is the whole check.
    loaded = load_bank_text(edited, path)
    if loaded.bank is None:
        raise AcceptRefusedError(
            f"accepting {response!r} would break {path.name}, so nothing was written",
            _on_original_lines(loaded.problems, text, edited),
        )


def _on_original_lines(
    problems: tuple[Problem, ...], text: str, edited: str
) -> tuple[Problem, ...]:
    """The problems of the edited text at the lines of the file as it is (it was not written);
    a problem on an added line is marked so."""
    lines: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(a=text.splitlines(), b=edited.splitlines(), autojunk=False)
    for tag, a_start, _, b_start, b_end in matcher.get_opcodes():
        if tag == "equal":
            lines.update({b + 1: a_start + b - b_start + 1 for b in range(b_start, b_end)})
    return tuple(
        replace(p, line=lines[p.line])
        if p.line in lines
        else replace(p, message=f"{p.message} (on the line the edit adds)")
        for p in problems
    )
