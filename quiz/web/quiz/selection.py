"""Which questions a new run asks, from the start form's options."""

from __future__ import annotations

import random
from dataclasses import dataclass

from quiz.core.bank import Bank, Question


@dataclass(frozen=True)
class RunOptions:
    """The start form's choices, as saved with the run."""

    shuffle_questions: bool = False
    shuffle_choices: bool = False
    count: int | None = None
    only_wrong: bool = False
    tags: tuple[str, ...] = ()
    layout: str = "one"

    def to_dict(self) -> dict[str, object]:
        return {**self.__dict__, "tags": list(self.tags)}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> RunOptions:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**{**known, "tags": tuple(known.get("tags") or ())})  # type: ignore[arg-type]


class NothingToAskError(ValueError):
    """The options leave no question; `reason` says which filter emptied the run (the API
    words it for a program), the message says it for the start page."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


NO_QUIZ_QUESTIONS, NO_WRONG_ANSWERS, NO_TAGGED_QUESTIONS = "no quiz questions", "only_wrong", "tags"


def question_tags(bank: Bank) -> list[str]:
    return sorted({tag for question in bank.quiz_questions for tag in question.tags})


def choose_questions(
    bank: Bank, options: RunOptions, missed: set[str], rng: random.Random
) -> list[str]:
    """The ids to ask, in order; raises NothingToAskError when a filter leaves none."""
    questions = list(bank.quiz_questions)
    if not questions:
        raise NothingToAskError(
            NO_QUIZ_QUESTIONS, "This bank has no quiz questions (only flashcards)."
        )
    if options.only_wrong:
        questions = [q for q in questions if q.id in missed]
        if not questions:
            raise NothingToAskError(
                NO_WRONG_ANSWERS,
                "You have no wrong answers to revisit in this bank: every question you "
                "answered last was right. Untick “Only the ones I got wrong” to practise.",
            )
    questions = _with_tags(questions, options.tags)
    if options.shuffle_questions:
        rng.shuffle(questions)
    return [q.id for q in questions[: options.count or None]]


def _with_tags(questions: list[Question], tags: tuple[str, ...]) -> list[Question]:
    if not tags:
        return questions
    kept = [q for q in questions if set(q.tags) & set(tags)]
    if not kept:
        raise NothingToAskError(
            NO_TAGGED_QUESTIONS,
            "No question left has the tags you picked: tick other tags, or none for all.",
        )
    return kept
