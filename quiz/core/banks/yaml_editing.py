"""Adding texts to lists inside a question, leaving every other character of the file alone.

ruamel.yaml's round-trip parser finds where things are (each node's start and end, its flow
or block style, its siblings' quoting); the new item is then spliced into the author's text
at that place, in the list's own style. Dumping the whole document back instead would
re-indent, re-space and re-wrap anything ruamel lays out differently from the author
(`[a,b]` becomes `[a, b]`, a `---` line goes), so the splice is what keeps the diff down to
the added item; `plain_data` then checks that the result reads as exactly the old data plus it
(with the bank loader's own reader: 13 ms for drills.yaml where ruamel takes 320 ms).
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from quiz.core.banks.yaml_reading import YamlList, read_yaml
from quiz.core.errors import QuizError

KeyPath = tuple[str, ...]
"""Keys from a question's mapping down to a list, e.g. ("accept",) or ("check", "right")."""

NESTED_INDENT = 2  # for a mapping this edit creates (`check:` → `  right: [...]`)


class YamlEditError(QuizError):
    """The edit cannot be made without touching more than the added item."""


@dataclass(frozen=True)
class _Insertion:
    """Text to insert at a character index of the file."""

    at: int
    text: str


def add_to_lists(text: str, question_id: str, additions: Sequence[tuple[KeyPath, str]]) -> str:
    """`text` with each value appended to the list at its keys in question `question_id`
    (the list, and any mapping above it, made when missing). One parse plans every insertion;
    they are made from the end of the file back, so each planned index still holds."""
    question = _find_question(_compose(text), question_id)
    planned = [(_plan(text, question, keys, value), order) for order, (keys, value) in
               enumerate(additions)]  # fmt: skip
    for insertion, _ in sorted(planned, key=lambda p: (p[0].at, p[1]), reverse=True):
        text = text[: insertion.at] + insertion.text + text[insertion.at :]
    return text


def _plan(text: str, question: MappingNode, keys: KeyPath, value: str) -> _Insertion:
    parent = question
    for depth, key in enumerate(keys):
        node = _value_of(parent, key)
        rest = keys[depth + 1 :]
        if node is not None and _is_null(node):
            raise YamlEditError(f"'{'.'.join(keys[: depth + 1])}' is empty: give it a list")
        if node is None:
            return _insert_key(text, parent, key, rest, value)
        if not rest:
            if not isinstance(node, SequenceNode):
                raise YamlEditError(f"'{'.'.join(keys)}' is not a list")
            return _append_item(text, node, value)
        if not isinstance(node, MappingNode):
            raise YamlEditError(f"'{'.'.join(keys[: depth + 1])}' is not a mapping")
        parent = node
    raise YamlEditError("no key given")


def plain_data(text: str) -> Any:
    """The document as plain data (texts, lists, dicts), as the bank loader reads it."""
    data, issues = read_yaml(text)
    if issues:
        raise YamlEditError(f"the edited file does not read back: {issues[0].message}")
    return _plain(data)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _compose(text: str) -> MappingNode:
    try:
        root = YAML(typ="rt").compose(io.StringIO(text))
    except YAMLError as error:
        raise YamlEditError(f"the file is not valid YAML: {error}") from error
    if not isinstance(root, MappingNode):
        raise YamlEditError("the file is not a bank (a mapping with 'questions')")
    return root


def _find_question(root: MappingNode, question_id: str) -> MappingNode:
    questions = _value_of(root, "questions")
    if isinstance(questions, SequenceNode):
        for node in questions.value:
            if not isinstance(node, MappingNode):
                continue
            ident = _value_of(node, "id")
            if isinstance(ident, ScalarNode) and ident.value == question_id:
                return node
    raise YamlEditError(f"the file has no question with id '{question_id}'")


def _value_of(mapping: MappingNode, key: str) -> Node | None:
    return next((v for k, v in mapping.value if isinstance(k, ScalarNode) and k.value == key), None)


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and not node.style and node.value in ("", "~", "null")


def _append_item(text: str, seq: SequenceNode, value: str) -> _Insertion:
    if seq.flow_style:  # the only way to write an empty list: a block list has a '- ' item
        return _append_flow_item(text, seq, value)
    first, last = seq.value[0], seq.value[-1]
    if not isinstance(last, ScalarNode):
        raise YamlEditError("the list holds lists or mappings, not texts")
    dash = _dash_column(text, first)
    gap = first.start_mark.column - dash - 1
    item = " " * dash + "-" + " " * gap + _render(value, _style_of(seq), flow=False)
    return _insert_line_after(text, last, item)


def _append_flow_item(text: str, seq: SequenceNode, value: str) -> _Insertion:
    rendered = _render(value, _style_of(seq), flow=True)
    if not seq.value:
        return _Insertion(text.index("[", seq.start_mark.index) + 1, rendered)
    return _Insertion(seq.value[-1].end_mark.index, ", " + rendered)


def _insert_key(text: str, mapping: MappingNode, key: str, rest: KeyPath, value: str) -> _Insertion:
    """A new `key:` holding a one-item list (under mappings for `rest`), in `mapping`."""
    rendered = "[" + _render(value, None, flow=True) + "]"
    if mapping.flow_style:
        nested = "".join(f"{{{k}: " for k in rest) + rendered + "}" * len(rest)
        at = mapping.value[0][0].start_mark.index if mapping.value else mapping.start_mark.index + 1
        separator = ", " if mapping.value else ""
        return _Insertion(at, f"{key}: {nested}{separator}")
    column = mapping.value[0][0].start_mark.column
    lines = [" " * column + key + ":" + ("" if rest else " " + rendered)]
    for depth, nested_key in enumerate(rest):
        indent = " " * (column + NESTED_INDENT * (depth + 1))
        last = depth == len(rest) - 1
        lines.append(indent + nested_key + ":" + (" " + rendered if last else ""))
    return _insert_block_key(text, mapping, key, "\n".join(lines))


def _insert_block_key(text: str, mapping: MappingNode, key: str, lines: str) -> _Insertion:
    # Where a reader looks for it: `right` first in `check`, `accept` after `answer`, anything
    # else after the mapping's last key.
    if key == "right":
        first_key = mapping.value[0][0]
        start = text.rfind("\n", 0, first_key.start_mark.index) + 1
        if text[start : first_key.start_mark.index].strip():
            raise YamlEditError("the mapping does not start on its own line")
        return _Insertion(start, lines + "\n")
    after = _value_of(mapping, "answer") if key == "accept" else None
    return _insert_line_after(text, after or mapping.value[-1][1], lines)


def _insert_line_after(text: str, node: Node, line: str) -> _Insertion:
    """`line` as a new line after the line where `node` ends (after a block scalar's end)."""
    node = _last_leaf(node)
    end = node.end_mark.index
    if node.end_mark.column == 0 and end > 0:  # a block scalar ends at a line start...
        end = _before_blank_lines(text, end)  # ...after its blank lines, which stay below
        return _Insertion(end, line + "\n")
    newline = text.find("\n", end)
    if newline == -1:
        return _Insertion(len(text), "\n" + line + "\n")
    return _Insertion(newline + 1, line + "\n")


def _before_blank_lines(text: str, end: int) -> int:
    # The end of the last line with content before `end` (the scalar's key is such a line).
    return text.index("\n", len(text[:end].rstrip())) + 1


def _last_leaf(node: Node) -> Node:
    # A block collection ends where the next token starts, past blank lines and comments;
    # its last scalar ends where its text does.
    while isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, MappingNode) else last
    return node


def _dash_column(text: str, item: Node) -> int:
    start = text.rfind("\n", 0, item.start_mark.index) + 1
    before = text[start : item.start_mark.index]
    if before.strip() != "-":
        raise YamlEditError("the list's first item does not start its own '- ' line")
    return before.index("-")


def _style_of(seq: SequenceNode) -> str | None:
    styles = [item.style for item in seq.value if isinstance(item, ScalarNode)]
    return next((s for s in styles if s in ('"', "'")), None)


def _render(value: str, style: str | None, flow: bool) -> str:
    """`value` as a YAML scalar in the siblings' quoting, plain only when it reads back as is."""
    if style == "'" and "\n" not in value:
        return "'" + value.replace("'", "''") + "'"
    if style is None and _reads_back_plain(value, flow):
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _reads_back_plain(value: str, flow: bool) -> bool:
    """Whether `value` unquoted reads back as this very text, to our loader and to any other
    YAML tool the author uses (which would read `no`, `1.10` or `2023-04-18` as a non-text)."""
    probe = f"k: [{value}]\n" if flow else f"k:\n- {value}\n"
    data, issues = read_yaml(probe)
    found = data.get("k") if isinstance(data, dict) else None
    if issues or not isinstance(found, YamlList) or list(found) != [value]:
        return False
    try:
        typed = yaml.safe_load(probe)
    except (yaml.YAMLError, ValueError):  # ValueError: a timestamp with no such day or hour
        return False
    return bool(typed == {"k": [value]})


def added_items(before: Any, question_id: str, additions: Sequence[tuple[KeyPath, str]]) -> Any:
    """`before` (plain data) with `additions` made: what the edited file must read as."""
    questions = before.get("questions") if isinstance(before, dict) else None
    question = next(
        (q for q in questions or () if isinstance(q, dict) and q.get("id") == question_id), None
    )
    if question is None:
        raise YamlEditError(f"the file has no question with id '{question_id}'")
    for keys, value in additions:
        target = question
        for key in keys[:-1]:
            target = target.setdefault(key, {})
        items = target.get(keys[-1])
        target[keys[-1]] = [*(items or []), value]
    return before
