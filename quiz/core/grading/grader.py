"""What every grader provides, and the small helpers their verdicts share."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from quiz.core.errors import ResponseError
from quiz.core.grading.limits import check_int, check_item, check_items, check_text
from quiz.core.verdict import Verdict

K = TypeVar("K")


class Report(Protocol):
    """A problem with the question's field `key` (or its item at `index`), as the loader
    reports it with the field's place in the file."""

    def __call__(self, message: str, key: str, index: int | None = None) -> None: ...


def _one_text(key: object) -> str:
    return "text"


@dataclass(frozen=True)
class Grader(Generic[K]):
    """A question type's grading: prepare the reference (the key, of type K) once, then grade
    responses against it. Responses are decoded JSON or form values, hence `Any`.

    `prepare` may give None after reporting a problem: the question then fails to load, so
    `grade` only ever sees a key."""

    prepare: Callable[[Mapping[str, Any], Report], K | None]
    grade: Callable[[K, Any], Verdict]
    response_shape: Callable[[K], str] = _one_text


def as_text(response: Any) -> str:
    """The response as text, refusing lists and mappings where one answer is expected, and
    anything too long (limits.py) before a parser sees it."""
    if isinstance(response, bool) or response is None:
        raise ResponseError("expected a text response")
    if isinstance(response, int):
        return check_text(str(check_int(response)))
    if isinstance(response, (str, float)):
        return check_text(str(response))
    raise ResponseError(f"expected a text response, got {type(response).__name__}")


def as_text_list(response: Any) -> list[str]:
    if not isinstance(response, (list, tuple)):
        raise ResponseError("expected a list of texts")
    check_items(len(response))
    if not all(isinstance(r, str) for r in response):
        raise ResponseError("expected a list of texts")
    return [check_item(item, index) for index, item in enumerate(response)]


def as_text_mapping(response: Any) -> dict[str, str]:
    if not isinstance(response, Mapping):
        raise ResponseError("expected a mapping of texts (left → right)")
    check_items(len(response))
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in response.items()):
        raise ResponseError("expected a mapping of texts (left → right)")
    for index, (left, right) in enumerate(response.items()):
        check_item(left, index)
        check_item(right, index)
    return dict(response)


def no_answer(response_text: str) -> bool:
    return not response_text.strip()
