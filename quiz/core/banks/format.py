"""The question format: which keys a bank and each question type take, and of what kind.

This table is the contract authors write against; validation, the JSON Schema and the
authors' guide (docs/format.md) all follow it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    """What a key's value must be, before its type gives it a meaning."""

    TEXT = "text"  # a non-empty string, taken as the author wrote it
    TEXT_LIST = "a list of texts"
    TEXT_OR_LIST = "a text or a list of texts"
    FLAG = "true or false"
    COUNT = "a whole number, 0 or more"
    POSITIVE = "a whole number, 1 or more"
    PAIRS = "a list of [left, right] pairs"
    CHECK = "a mapping with 'right' and/or 'wrong' lists of example responses"


BANK_KEYS: dict[str, Kind] = {
    "title": Kind.TEXT,
    "description": Kind.TEXT,
    "tags": Kind.TEXT_LIST,
    "source": Kind.TEXT,
    "exam": Kind.FLAG,  # quiz only, the key shown only when a run ends (quiz.core.exams)
    "attempts": Kind.POSITIVE,  # an exam's runs per learner
    # Every comma a decimal mark in the bank's number and quantity questions (and their
    # tolerances); a question's own `decimal_comma` overrides it.
    "decimal_comma": Kind.FLAG,
    "questions": Kind.TEXT_LIST,  # checked by hand: a list of question mappings
}
BANK_REQUIRED = ("title", "questions")

COMMON_KEYS: dict[str, Kind] = {
    "id": Kind.TEXT,
    "type": Kind.TEXT,
    "prompt": Kind.TEXT,
    "explanation": Kind.TEXT,
    "quote": Kind.TEXT,
    "tags": Kind.TEXT_LIST,
    "check": Kind.CHECK,
}


@dataclass(frozen=True)
class TypeSpec:
    """One question type: its own keys (required and optional) and what counts as right."""

    name: str
    required: dict[str, Kind]
    optional: dict[str, Kind]
    summary: str
    needs_prompt: bool = True

    @property
    def keys(self) -> dict[str, Kind]:
        return {**COMMON_KEYS, **self.required, **self.optional}


TYPES: dict[str, TypeSpec] = {
    spec.name: spec
    for spec in (
        TypeSpec(
            "choice",
            {"choices": Kind.TEXT_LIST, "answer": Kind.TEXT_OR_LIST},
            {},
            "pick one of the choices, or several when `answer` is a list (select-all)",
        ),
        TypeSpec("truefalse", {"answer": Kind.FLAG}, {}, "true or false"),
        TypeSpec(
            "text",
            {"answer": Kind.TEXT},
            {"accept": Kind.TEXT_LIST, "typos": Kind.COUNT},
            "a typed answer; small typos forgiven, never a wrong digit",
        ),
        TypeSpec(
            "number",
            {"answer": Kind.TEXT},
            {"tolerance": Kind.TEXT, "decimal_comma": Kind.FLAG},
            "a number, in digits or words",
        ),
        TypeSpec(
            "quantity",
            {"answer": Kind.TEXT},
            {"tolerance": Kind.TEXT, "decimal_comma": Kind.FLAG},
            "a number with a unit, in any equivalent unit",
        ),
        TypeSpec(
            "date",
            {"answer": Kind.TEXT},
            {},
            "a date, in any common format; only the parts the answer gives are graded",
        ),
        TypeSpec(
            "who",
            {"quote": Kind.TEXT, "answer": Kind.TEXT},
            {
                "accept": Kind.TEXT_LIST,
                "surname": Kind.FLAG,
                "choices": Kind.TEXT_LIST,
                "typos": Kind.COUNT,
            },
            "who said the quote; titles ignored, a family name alone is right",
            needs_prompt=False,
        ),
        TypeSpec(
            "cloze",
            {"text": Kind.TEXT},
            {"typos": Kind.COUNT},
            "fill the [[blanks]] in a text",
            needs_prompt=False,
        ),
        TypeSpec("order", {"items": Kind.TEXT_LIST}, {}, "put the items in the right order"),
        TypeSpec("match", {"pairs": Kind.PAIRS}, {}, "match every left item to its right one"),
        TypeSpec(
            "card",
            {"front": Kind.TEXT, "back": Kind.TEXT},
            {},
            "a self-graded flashcard",
            needs_prompt=False,
        ),
    )
}

DEFAULT_WHO_PROMPT = "Who said this?"

# Bank keys that are defaults for the questions whose type takes the same key.
BANK_DEFAULTS = ("decimal_comma",)
