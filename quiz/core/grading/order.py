"""Ordering: items in the right order, with credit for every pair in the right relative order."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from quiz.core.errors import ResponseError
from quiz.core.grading.grader import Grader, Report, as_text_list
from quiz.core.parsing.text import normalize
from quiz.core.verdict import Verdict


@dataclass(frozen=True)
class OrderKey:
    items: tuple[str, ...]

    def find(self, response: str) -> str | None:
        form = normalize(response)
        return next((i for i in self.items if i == response or normalize(i) == form), None)


def prepare(fields: Mapping[str, Any], report: Report) -> OrderKey:
    items = tuple(fields["items"])
    if len(items) < 2:
        report("an order question needs at least 2 items", "items")
    forms = [normalize(item) for item in items]
    for index, form in enumerate(forms):
        if form in forms[:index]:
            report(f"item {items[index]!r} is given twice", "items", index)
    return OrderKey(items)


def grade(key: OrderKey, response: Any) -> Verdict:
    given = [key.find(item) for item in as_text_list(response)]
    if None in given or sorted(map(str, given)) != sorted(key.items):
        raise ResponseError(f"give every item once, in your order: {list(key.items)}")
    expected = " → ".join(key.items)
    if given == list(key.items):
        return Verdict(True, 1.0, expected, "Right: that is the order.")
    score = _pairs_in_order(list(key.items), [str(g) for g in given])
    lead = "Partly right" if score > 0 else "Wrong"
    return Verdict(
        False,
        score,
        expected,
        f"{lead}: {round(score * 100)}% of the pairs are in the right order.",
    )


def _pairs_in_order(right: list[str], given: list[str]) -> float:
    position = {item: index for index, item in enumerate(given)}
    pairs = list(combinations(right, 2))
    in_order = sum(position[a] < position[b] for a, b in pairs)
    return in_order / len(pairs)


GRADER = Grader(prepare, grade, lambda key: "list")
