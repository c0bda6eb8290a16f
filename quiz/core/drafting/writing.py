"""Writing a drafted bank as YAML, by hand: every question gets a comment above it saying what
it was drawn from, which no YAML dumper writes."""

from __future__ import annotations

import json
from typing import Any

from quiz.core.drafting.questions import Candidate

_INDENT = "    "


def bank_yaml(header: dict[str, Any], candidates: list[Candidate], preamble: list[str]) -> str:
    lines = [f"# {line}" if line else "#" for line in preamble]
    if lines and lines[0].startswith("# yaml-language-server") and len(lines) > 1:
        lines[1] = ""  # the modeline stands alone
    lines += [f"{key}: {_scalar(value)}" for key, value in header.items()]
    lines += ["", "questions:"]
    for candidate in candidates:
        lines += ["", f"  # drawn from {_printable(candidate.comment)}"]
        lines += question_lines(candidate)
    return "\n".join(lines) + "\n"


def _printable(text: str) -> str:
    """A comment keeps to one line of characters YAML accepts (no controls, no U+2028)."""
    return "".join(c if c.isprintable() else " " for c in text)


def question_lines(candidate: Candidate) -> list[str]:
    fields = dict(candidate.fields)
    if candidate.right or candidate.wrong:
        fields["check"] = {"right": candidate.right, "wrong": candidate.wrong}
    lines: list[str] = []
    for index, (key, value) in enumerate(fields.items()):
        lead = "  - " if index == 0 else _INDENT
        lines += _entry(lead, key, value)
    return lines


def _entry(lead: str, key: str, value: Any) -> list[str]:
    if isinstance(value, dict):
        inner = [f"{_INDENT}  {k}: {_scalar(v)}" for k, v in value.items() if v]
        return [f"{lead}{key}:", *inner] if inner else []
    if isinstance(value, list) and len(value) > 3:
        return [f"{lead}{key}:", *(f"{_INDENT}  - {_scalar(item)}" for item in value)]
    return [f"{lead}{key}: {_scalar(value)}"]


def _scalar(value: Any) -> str:
    """A YAML scalar: JSON's double-quoted strings are valid YAML and need no guessing."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(item) for item in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)
