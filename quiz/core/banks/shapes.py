"""Checking that each key's value has the kind the format asks for, before it means anything.

Values arrive as the YAML reader left them (text, YamlList, YamlMap or None) and leave typed
(bool for flags, int for counts), or are reported with the author's own characters quoted.
"""

from __future__ import annotations

from typing import Any

from quiz.core.banks.format import Kind
from quiz.core.banks.yaml_reading import YamlList, YamlMap
from quiz.core.errors import QuizError
from quiz.core.grading.truefalse import read_flag


class ShapeError(QuizError, ValueError):
    """A value of the wrong kind; `index` points into a list when one item is at fault."""

    def __init__(self, message: str, index: int | None = None) -> None:
        super().__init__(message)
        self.index = index


_EMPTY = (
    "is empty (in YAML an unquoted ~ or null means nothing): give a value, "
    "or quote it ('~') if you mean those characters"
)


def read_kind(value: Any, kind: Kind) -> Any:
    """`value` converted to what `kind` promises, or ShapeError saying how to fix it."""
    return _READERS[kind](value)


def read_text(value: Any) -> str:
    if value is None:
        raise ShapeError(_EMPTY)
    if not isinstance(value, str):
        raise ShapeError(f"must be text, not {_kind_name(value)}")
    if not value.strip():
        raise ShapeError("is empty: give a value")
    return value


def read_text_list(value: Any) -> list[str]:
    if not isinstance(value, YamlList):
        raise ShapeError(f"must be a list of texts, not {_kind_name(value)}")
    items = []
    for index, item in enumerate(value):
        try:
            items.append(read_text(item))
        except ShapeError as error:
            raise ShapeError(f"item {index + 1} {error}", index) from error
    return items


def read_text_or_list(value: Any) -> str | list[str]:
    return read_text_list(value) if isinstance(value, YamlList) else read_text(value)


def read_flag_value(value: Any) -> bool:
    flag = read_flag(value) if isinstance(value, str) else None
    if flag is None:
        raise ShapeError(f"must be true or false, not {_shown(value)}")
    return flag


def read_count(value: Any) -> int:
    if isinstance(value, str) and value.strip().isdecimal():
        return int(value)
    raise ShapeError(f"must be a whole number (0 or more), not {_shown(value)}")


def read_positive(value: Any) -> int:
    text = value.strip() if isinstance(value, str) else ""
    # isascii: "²" is a digit to isdigit() but not to int(); nine digits keep int() cheap.
    if text.isascii() and text.isdecimal() and len(text) <= 9 and int(text) >= 1:
        return int(text)
    raise ShapeError(f"must be a whole number (1 or more), not {_shown(value)}")


def read_pairs(value: Any) -> list[tuple[str, str]]:
    if not isinstance(value, YamlList):
        raise ShapeError(f"must be a list of [left, right] pairs, not {_kind_name(value)}")
    pairs = []
    for index, item in enumerate(value):
        if not isinstance(item, YamlList) or len(item) != 2:
            raise ShapeError(f"pair {index + 1} must be a list of two texts: [left, right]", index)
        try:
            pairs.append((read_text(item[0]), read_text(item[1])))
        except ShapeError as error:
            raise ShapeError(f"pair {index + 1}: a side {error}", index) from error
    return pairs


def read_check(value: Any) -> YamlMap:
    if not isinstance(value, YamlMap):
        raise ShapeError("must be a mapping with 'right' and/or 'wrong' lists of examples")
    unknown = [key for key in value if key not in ("right", "wrong")]
    if unknown:
        raise ShapeError(f"takes only 'right' and 'wrong', not {unknown[0]!r}")
    for key, examples in value.items():
        if not isinstance(examples, YamlList):
            raise ShapeError(f"'{key}' must be a list of example responses")
    return value


def _shown(value: Any) -> str:
    return repr(value) if isinstance(value, str) else _kind_name(value)


def _kind_name(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, YamlMap):
        return "a mapping"
    if isinstance(value, YamlList):
        return "a list"
    return "text"


_READERS = {
    Kind.TEXT: read_text,
    Kind.TEXT_LIST: read_text_list,
    Kind.TEXT_OR_LIST: read_text_or_list,
    Kind.FLAG: read_flag_value,
    Kind.COUNT: read_count,
    Kind.POSITIVE: read_positive,
    Kind.PAIRS: read_pairs,
    Kind.CHECK: read_check,
}
