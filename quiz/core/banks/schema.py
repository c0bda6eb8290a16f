"""The bank format as a JSON Schema, so an editor can autocomplete keys and flag mistakes.

It is generated from the same table validation uses (`banks.format`), so the two cannot drift.
"""

from __future__ import annotations

from typing import Any

from quiz.core.banks.format import BANK_KEYS, BANK_REQUIRED, TYPES, Kind, TypeSpec

SCHEMA_ID = "https://quiz.invalid/schema/bank.json"

_TEXT = {"type": "string", "minLength": 1}
_TEXT_LIST = {"type": "array", "items": _TEXT}
_KIND_SCHEMAS: dict[Kind, dict[str, Any]] = {
    Kind.TEXT: _TEXT,
    Kind.TEXT_LIST: _TEXT_LIST,
    Kind.TEXT_OR_LIST: {"oneOf": [_TEXT, _TEXT_LIST]},
    Kind.FLAG: {"type": "boolean"},
    Kind.COUNT: {"type": "integer", "minimum": 0},
    Kind.POSITIVE: {"type": "integer", "minimum": 1},
    Kind.PAIRS: {
        "type": "array",
        "items": {"type": "array", "items": _TEXT, "minItems": 2, "maxItems": 2},
    },
    Kind.CHECK: {
        "type": "object",
        "additionalProperties": False,
        "properties": {"right": {"type": "array"}, "wrong": {"type": "array"}},
    },
}
# Keys whose YAML value may be written unquoted as a number or date, which the format reads
# as text (`answer: 201`, `tolerance: 0.5`, `answer: 2023-04-18`).
_SCALAR = {"type": ["string", "number"]}
_SCALAR_KEYS = {
    ("number", "answer"),
    ("number", "tolerance"),
    ("quantity", "tolerance"),
    ("date", "answer"),
}

_DESCRIPTIONS = {
    "id": "A unique slug in this bank (progress is keyed on it), e.g. drills-distance.",
    "type": "The question type.",
    "prompt": "The question as the learner sees it.",
    "explanation": "One or two sentences shown with the verdict.",
    "quote": "The passage of the source that backs the answer, verbatim.",
    "check": "Example responses the validator grades: right ones and wrong ones.",
    "accept": "Other answers that count as right.",
    "typos": "Edits forgiven (default: 0 up to 4 letters, 1 up to 8, 2 beyond).",
    "tolerance": "How far off an answer may be: absolute, a percentage like 1%, or a quantity.",
    "decimal_comma": "Read every comma as a decimal mark ('3,500' is 3.5); default: a comma "
    "before exactly three digits separates thousands, any other comma is a decimal mark.",
    "surname": "Whether the family name alone is right (default true; false for organisations).",
}

_BANK_DESCRIPTIONS = {
    "exam": "An exam: quiz only (no flashcards, no learner exports, no API practice), and "
    "the expected answers, explanations and quotes shown only when a run ends.",
    "attempts": "How many runs of this exam each learner may start (needs exam: true).",
    "decimal_comma": "Read every comma as a decimal mark ('3,500' is 3.5, '3.500' is 3500) in "
    "every number and quantity question of this bank; a question's own decimal_comma wins. "
    "Default: a comma before exactly three digits separates thousands, any other is decimal.",
}


def bank_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for one bank file."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "quiz question bank",
        "type": "object",
        "required": list(BANK_REQUIRED),
        "additionalProperties": False,
        "properties": {
            **{key: _bank_key_schema(key, kind) for key, kind in BANK_KEYS.items()},
            "questions": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/question"}},
        },
        # A limit on runs only means something for an exam.
        "dependentSchemas": {
            "attempts": {"required": ["exam"], "properties": {"exam": {"const": True}}}
        },
        "$defs": {
            "question": {"oneOf": [{"$ref": f"#/$defs/{name}"} for name in TYPES]},
            **{name: _type_schema(spec) for name, spec in TYPES.items()},
        },
    }


def _bank_key_schema(key: str, kind: Kind) -> dict[str, Any]:
    schema = dict(_KIND_SCHEMAS[kind])
    if key in _BANK_DESCRIPTIONS:
        schema["description"] = _BANK_DESCRIPTIONS[key]
    return schema


def _type_schema(spec: TypeSpec) -> dict[str, Any]:
    properties = {key: _key_schema(spec.name, key, kind) for key, kind in spec.keys.items()}
    properties["type"] = {"const": spec.name, "description": spec.summary}
    properties["id"] = {
        **_TEXT,
        "pattern": "^[a-z0-9]+(?:[-_][a-z0-9]+)*$",
        "description": _DESCRIPTIONS["id"],
    }
    required = ["id", "type", *(["prompt"] if spec.needs_prompt else []), *spec.required]
    return {
        "type": "object",
        "title": spec.name,
        "description": spec.summary,
        "required": required,
        "additionalProperties": False,
        "properties": properties,
    }


def _key_schema(type_name: str, key: str, kind: Kind) -> dict[str, Any]:
    schema = dict(_SCALAR if (type_name, key) in _SCALAR_KEYS else _KIND_SCHEMAS[kind])
    if key in _DESCRIPTIONS:
        schema["description"] = _DESCRIPTIONS[key]
    if (type_name, key) == ("truefalse", "answer"):
        schema = {"type": ["boolean", "string"], "description": "true or false (yes/no)"}
    return schema
