"""YAML syntax errors as an author meets them: what the line means to YAML, and how to fix it.

PyYAML says "mapping values are not allowed in this context" whether the cause is an unquoted
': ' inside a text or a key indented one space too far; authors need to hear which, and where.
Each explanation names the line and the fix; an error we don't recognise keeps PyYAML's words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

# A `key: value` line (or `- key: value`); the key is a plain word, as bank keys are.
_KEY_LINE = re.compile(
    r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[A-Za-z_][\w-]*):(?: +(?P<value>.*))?$"
)


@dataclass(frozen=True)
class _Where:
    """The error's lines (1-based) and columns, and the file's lines to look at."""

    lines: list[str]
    line: int
    column: int
    context_line: int
    context_column: int

    def text(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    def above(self, line: int) -> int:
        """The nearest line above `line` with content (not blank, not only a comment)."""
        for number in range(line - 1, 0, -1):
            stripped = self.text(number).strip()
            if stripped and not stripped.startswith("#"):
                return number
        return 0


def explain(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """(line, column, message) for a YAML syntax error in `text`, in an author's terms."""
    mark, context = error.problem_mark or error.context_mark, error.context_mark
    where = _Where(
        text.splitlines(),
        mark.line + 1 if mark else 1,
        mark.column + 1 if mark else 1,
        context.line + 1 if context else 0,
        context.column + 1 if context else 0,
    )
    problem = error.problem or ""
    for phrase, handler in _HANDLERS:
        if phrase in problem:
            found = handler(where)
            if found:
                return found
    raw = " ".join(part for part in (error.context, error.problem) if part)
    return where.line, where.column, f"YAML syntax error: {raw}"


def explain_unreadable(error: yaml.reader.ReaderError, text: str) -> tuple[int, int, str]:
    """(line, column, message) for a character YAML refuses (NUL, other control characters):
    PyYAML gives only an offset into the whole text, on two lines."""
    position = min(max(error.position, 0), len(text))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(error.character)
    return (
        line, column,
        f"character U+{code:04X} is a control character, which YAML does not allow: "
        "delete it (or write it as an escape such as \\t inside double quotes)",
    )  # fmt: skip


def _colon(where: _Where) -> tuple[int, int, str] | None:
    """'mapping values are not allowed': a ': ' inside an unquoted text, or a key indented
    deeper than the key above it (so YAML read it as more of that key's text)."""
    line = where.text(where.line)
    match = _KEY_LINE.match(line)
    if match and match.group("value") and where.column > match.end("key") + 1:
        key, value = match.group("key"), match.group("value").strip()
        return (
            where.line, where.column,
            f"the text of '{key}' contains ': ', which YAML reads as the start of a new key: "
            f"put the whole text in quotes, as {key}: {json.dumps(value, ensure_ascii=False)}",
        )  # fmt: skip
    above = where.above(where.line)
    indent, above_indent = _indent(line), _indent(where.text(above))
    if match and above and indent > above_indent:
        key = match.group("key")
        return (
            where.line, indent + 1,
            f"'{key}' is indented more than line {above} above it ({_spaces(indent)}, not "
            f"{above_indent}), so YAML reads it as more of that line's text: start '{key}:' "
            f"at column {above_indent + 1}, like the line above",
        )  # fmt: skip
    return None


def _dash(where: _Where) -> tuple[int, int, str] | None:
    """'did not find expected '-' indicator': a line of a list that is not a '- ' item at the
    list's column: a question without its '- ', a key indented too little, a dash misplaced.
    libyaml always gives this error the list's start as its context, so dash_column is known."""
    line = where.text(where.line)
    indent, dash_column = _indent(line), where.context_column - 1
    match = _KEY_LINE.match(line)
    if line.strip().startswith("-"):
        return (
            where.line, indent + 1,
            f"this list item's '- ' is at column {indent + 1}, but the list's items (from line "
            f"{where.context_line}) start at column {dash_column + 1}: move it to column "
            f"{dash_column + 1}",
        )  # fmt: skip
    if match and match.group("key") == "id" and indent <= dash_column + 2:
        fixed = " " * dash_column + "- " + line.strip()
        return (
            where.line, indent + 1,
            f"a new question starts here without its leading '- ': write it as '{fixed}' "
            f"(the dash at column {dash_column + 1}, like the question on line "
            f"{where.context_line}), and indent its other keys to match",
        )  # fmt: skip
    if match:
        start = _key_start(where.text(where.above(where.line)))
        wanted = start if start is not None else dash_column + 2
        return (
            where.line, indent + 1,
            f"'{match.group('key')}' is indented {_spaces(indent)}, less than the keys above it "
            f"(column {wanted + 1}): start it at column {wanted + 1}, or, if it begins a new "
            "list item, write '- ' before it",
        )  # fmt: skip
    return None


def _block_end(where: _Where) -> tuple[int, int, str] | None:
    """'expected <block end>' / 'did not find expected key': a line indented to no level
    the lines above use."""
    line = where.text(where.line)
    above = where.above(where.line)
    return (
        where.line, _indent(line) + 1,
        f"this line is indented {_spaces(_indent(line))}, which matches no level above it "
        f"(line {above} has {_indent(where.text(above))}): line it up with the keys it "
        "belongs with",
    )  # fmt: skip


def _tab(where: _Where) -> tuple[int, int, str]:
    return (
        where.line, where.column,
        "a tab character is used for indentation here; YAML allows only spaces: replace "
        "the tab with spaces",
    )  # fmt: skip


def _end_of_quote(where: _Where) -> tuple[int, int, str]:
    return (
        where.context_line or where.line, where.context_column or where.column,
        "this quoted text is never closed: add the closing quote at the end of the text "
        "(a quote inside the text is written twice in '...', or as \\\" in \"...\")",
    )  # fmt: skip


def _flow_end(where: _Where) -> tuple[int, int, str]:
    return (
        where.context_line or where.line, where.context_column or where.column,
        f"the list or mapping opened here is not closed before line {where.line}: add the "
        "closing ']' or '}', and quote any item that contains a comma, bracket or ': '",
    )  # fmt: skip


def _no_colon(where: _Where) -> tuple[int, int, str]:
    line = where.context_line or where.line
    return (
        line, where.context_column or where.column,
        "this line is neither 'key: value' nor a '- ' list item: add the key and ': ' it "
        "belongs to, or, if it continues the text above, indent it more than that text's key",
    )  # fmt: skip


def _bad_start(where: _Where) -> tuple[int, int, str]:
    char = where.text(where.line)[where.column - 1 : where.column] or "this character"
    if char == "\t":
        return _tab(where)
    return (
        where.line, where.column,
        f"a YAML value cannot start with '{char}': put the whole value in quotes",
    )  # fmt: skip


def _key_start(line: str) -> int | None:
    """The 0-based column where a `key: value` (or `- key: value`) line's key starts."""
    match = _KEY_LINE.match(line)
    return match.start("key") if match else None


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


_HANDLERS: tuple[tuple[str, Callable[[_Where], tuple[int, int, str] | None]], ...] = (
    ("mapping values are not allowed", _colon),
    ("expected '-' indicator", _dash),
    ("expected <block end>", _block_end),
    ("did not find expected key", _block_end),
    ("tab character", _tab),
    ("found unexpected end of stream", _end_of_quote),
    ("expected ',' or ']'", _flow_end),
    ("expected ',' or '}'", _flow_end),
    ("could not find expected ':'", _no_colon),
    ("cannot start any token", _bad_start),
)
