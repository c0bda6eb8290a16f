"""Reading YAML safely, keeping every value's line and column and the author's own characters.

PyYAML's C loader does the parsing; this module turns its node tree into plain dicts, lists
and strings itself, because the stock constructors would (a) forget where each value came
from, (b) silently keep the last of two equal keys, (c) retype `no`, `1.10`, `012` or
`2023-04-18` behind the author's back and (d) expand an alias bomb without limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from quiz.core.banks.yaml_messages import explain, explain_unreadable

Mark = tuple[int, int]
"""A 1-based (line, column) position in the file."""

# Past this many values, aliases are expanding a small file into a huge one (a "billion
# laughs" bomb): stop early instead of eating memory. Real banks stay far below it.
_BASE_NODE_BUDGET = 100_000
_NODES_PER_BYTE = 4
_MAX_DEPTH = 64

_PLAIN_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# YAML's own core tags, whose values are still read as text; anything else (`!!python/...`,
# a custom `!tag`) would ask a loader to build objects, which a bank never needs.
_ALLOWED_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp", "merge")
)
_MERGE_KEY = "<<"
_STR_TAG = "tag:yaml.org,2002:str"


class YamlMap(dict[str, Any]):
    """A mapping that remembers where it starts and where each of its keys and values stand."""

    __slots__ = ("mark", "key_marks", "value_marks")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.key_marks: dict[str, Mark] = {}
        self.value_marks: dict[str, Mark] = {}

    def where(self, key: str) -> Mark:
        """The key's position if present, else the mapping's own start."""
        return self.key_marks.get(key, self.mark)


class YamlList(list[Any]):
    """A sequence that remembers where it starts and where each item stands."""

    __slots__ = ("mark", "item_marks")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.item_marks: list[Mark] = []

    def where(self, index: int) -> Mark:
        return self.item_marks[index] if index < len(self.item_marks) else self.mark


@dataclass(frozen=True)
class YamlIssue:
    """Something wrong with the YAML itself, at a 1-based position."""

    line: int
    column: int
    message: str


class _TextLoader(yaml.CSafeLoader):
    """The C loader with YAML's implicit typing switched off: every plain scalar stays text.

    The format decides what a value means (`answer: no` is text for a `text` question and
    false for a `truefalse` one), so the loader must not guess first.
    """

    def resolve(self, kind: type[yaml.Node], value: str, _implicit: tuple[bool, bool]) -> str:
        # With no implicit resolvers, PyYAML's resolve() always lands on the default tag of the
        # node's kind, after ~5 µs of checks per node: a third of composing a large bank.
        return _DEFAULT_TAGS[kind]


_TextLoader.yaml_implicit_resolvers = {}
_DEFAULT_TAGS: dict[type[yaml.Node], str] = {
    yaml.ScalarNode: _TextLoader.DEFAULT_SCALAR_TAG,
    yaml.SequenceNode: _TextLoader.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: _TextLoader.DEFAULT_MAPPING_TAG,
}


def read_yaml(text: str) -> tuple[Any, list[YamlIssue]]:
    """Parse one YAML document into YamlMap / YamlList / str / None, with every issue found."""
    try:
        root = yaml.compose(text, Loader=_TextLoader)
    except yaml.MarkedYAMLError as error:
        return None, [YamlIssue(*explain(error, text))]
    except yaml.reader.ReaderError as error:
        return None, [YamlIssue(*explain_unreadable(error, text))]
    except yaml.YAMLError as error:
        return None, [YamlIssue(1, 1, f"YAML could not be read: {error}")]
    if root is None:
        return None, []
    builder = _Builder(budget=_BASE_NODE_BUDGET + _NODES_PER_BYTE * len(text))
    try:
        return builder.build(root, depth=0), builder.issues
    except _TooLarge as error:
        return None, [*builder.issues, error.issue]


class _TooLarge(Exception):
    def __init__(self, issue: YamlIssue) -> None:
        super().__init__(issue.message)
        self.issue = issue


def _as_written(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!", 1)


def _is_plain(node: yaml.Node) -> bool:
    # The C composer gives plain scalars the style '' and the pure-Python one None.
    return isinstance(node, yaml.ScalarNode) and not node.style


def _mark_of(node: yaml.Node) -> Mark:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Walks the composed node tree once, counting values so an alias bomb fails fast."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.issues: list[YamlIssue] = []

    def build(self, node: yaml.Node, depth: int) -> Any:
        self.budget -= 1
        if self.budget < 0 or depth > _MAX_DEPTH:
            line, column = _mark_of(node)
            raise _TooLarge(
                YamlIssue(
                    line,
                    column,
                    "aliases or nesting expand this file far beyond its size; "
                    "a bank needs no such structure (is an anchor referring to itself?)",
                )
            )
        if not self._tag_allowed(node):
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            return self._sequence(node, depth)
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node)

    def _tag_allowed(self, node: yaml.Node) -> bool:
        if node.tag in _ALLOWED_TAGS:
            return True
        line, column = _mark_of(node)
        self.issues.append(
            YamlIssue(
                line,
                column,
                f"the YAML tag '{_as_written(node.tag)}' is not allowed: a bank is plain "
                "data (text, lists and mappings), so remove the tag",
            )
        )
        return False

    def _scalar(self, node: yaml.ScalarNode) -> str | None:
        # Only an unquoted ~, null or nothing means "no value"; '~' in quotes is text.
        if _is_plain(node) and node.value in _PLAIN_NULLS:
            return None
        return str(node.value)

    def _value(self, node: yaml.Node, depth: int) -> Any:
        # The fast path for the commonest node, a text scalar within budget and depth: what
        # build() would return, without its checks' calls (a third of reading a large bank).
        if (
            node.__class__ is yaml.ScalarNode
            and node.tag == _STR_TAG
            and self.budget > 0
            and depth <= _MAX_DEPTH
        ):
            self.budget -= 1
            if not node.style and node.value in _PLAIN_NULLS:
                return None
            return node.value
        return self.build(node, depth)

    def _sequence(self, node: yaml.SequenceNode, depth: int) -> YamlList:
        result = YamlList(_mark_of(node))
        marks = result.item_marks
        for item in node.value:
            result.append(self._value(item, depth + 1))
            mark = item.start_mark
            marks.append((mark.line + 1, mark.column + 1))
        return result

    def _mapping(self, node: yaml.MappingNode, depth: int) -> YamlMap:
        result = YamlMap(_mark_of(node))
        key_marks, value_marks = result.key_marks, result.value_marks
        merged: list[YamlMap] = []
        merged_question = _second_id_line(node)
        for key_node, value_node in node.value:
            key = self._key(key_node)
            if key is None:
                continue
            key_mark = _mark_of(key_node)
            if merged_question is not None and key_mark[0] >= merged_question:
                # A question missing its '- ': one message, and the question above is kept
                # as written (its keys are not overwritten by the next question's).
                if key_mark[0] == merged_question:
                    self.issues.append(
                        _missing_dash(result, key_node, value_node, key_marks["id"][0])
                    )
                continue
            value = self._value(value_node, depth + 1)
            if key == _MERGE_KEY and _is_plain(key_node):
                merged.extend(self._merge_sources(value, key_node))
                continue
            if key in key_marks:
                self._duplicate(result, key, key_node)
            result[key] = value
            key_marks[key] = key_mark
            mark = value_node.start_mark
            value_marks[key] = (mark.line + 1, mark.column + 1)
        for source in merged:  # explicit keys win over merged ones, as in YAML's merge rule
            for key, value in source.items():
                if key not in result:
                    result[key] = value
                    result.key_marks[key] = source.key_marks[key]
                    result.value_marks[key] = source.value_marks[key]
        return result

    def _key(self, key_node: yaml.Node) -> str | None:
        if key_node.__class__ is yaml.ScalarNode:
            return str(key_node.value)
        line, column = _mark_of(key_node)
        self.issues.append(
            YamlIssue(line, column, "a key must be plain text, not a list or mapping")
        )
        return None

    def _duplicate(self, mapping: YamlMap, key: str, key_node: yaml.Node) -> None:
        line, column = _mark_of(key_node)
        first_line = mapping.key_marks[key][0]
        self.issues.append(
            YamlIssue(
                line,
                column,
                f"key '{key}' is given twice in this mapping (first on line "
                f"{first_line}); YAML would silently keep only the last, so remove one",
            )
        )

    def _merge_sources(self, value: Any, key_node: yaml.Node) -> list[YamlMap]:
        if isinstance(value, YamlMap):
            return [value]
        if isinstance(value, YamlList) and all(isinstance(item, YamlMap) for item in value):
            return list(value)
        line, column = _mark_of(key_node)
        self.issues.append(YamlIssue(line, column, "'<<' merges a mapping (or a list of them)"))
        return []


def _second_id_line(node: yaml.MappingNode) -> int | None:
    """The line of a second `id` key in one mapping: a question whose '- ' is missing, which
    YAML reads as more keys of the question above it."""
    # A list or mapping key's value is a list, never equal to "id".
    lines = [key.start_mark.line + 1 for key, _ in node.value if key.value == "id"]
    return lines[1] if len(lines) > 1 else None


def _missing_dash(
    mapping: YamlMap, key_node: yaml.Node, value_node: yaml.Node, first_line: int
) -> YamlIssue:
    line, column = _mark_of(key_node)
    ident = value_node.value if isinstance(value_node, yaml.ScalarNode) else "..."
    dash = " " * max(0, mapping.mark[1] - 3) + "- "
    return YamlIssue(
        line,
        column,
        f"a new question starts here without its leading '- ', so YAML reads its keys as a "
        f"second copy of the question on line {first_line} (removing keys would delete a "
        f"question): write '{dash}id: {ident}' on line {line}, its '- ' under the others",
    )
