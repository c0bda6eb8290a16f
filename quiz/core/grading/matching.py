"""Matching: every left item paired with its right one, with credit for each pair."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from quiz.core.errors import ResponseError
from quiz.core.grading.grader import Grader, Report, as_text_mapping
from quiz.core.parsing.text import normalize
from quiz.core.verdict import Verdict
from quiz.core.wording import counted


@dataclass(frozen=True)
class MatchKey:
    pairs: tuple[tuple[str, str], ...]

    @property
    def lefts(self) -> tuple[str, ...]:
        return tuple(left for left, _ in self.pairs)

    @property
    def rights(self) -> tuple[str, ...]:
        return tuple(right for _, right in self.pairs)


def prepare(fields: Mapping[str, Any], report: Report) -> MatchKey:
    pairs = tuple((left, right) for left, right in fields["pairs"])
    if len(pairs) < 2:
        report("a match question needs at least 2 pairs", "pairs")
    for side, values in (("left", [p[0] for p in pairs]), ("right", [p[1] for p in pairs])):
        forms = [normalize(value) for value in values]
        for index, form in enumerate(forms):
            if form in forms[:index]:
                report(f"{side} item {values[index]!r} appears twice", "pairs", index)
    return MatchKey(pairs)


def grade(key: MatchKey, response: Any) -> Verdict:
    given = _by_form(as_text_mapping(response))
    expected = "; ".join(f"{left} → {right}" for left, right in key.pairs)
    unknown = set(given) - {normalize(left) for left in key.lefts}
    if unknown:
        raise ResponseError(f"match only these items: {list(key.lefts)}")
    right = sum(given.get(normalize(l_)) == normalize(r_) for l_, r_ in key.pairs)
    if right == len(key.pairs):
        return Verdict(True, 1.0, expected, "Right: every pair matches.")
    lead = "Partly right" if right else "Wrong"
    matching = "matches" if right == 1 else "match"
    return Verdict(
        False,
        right / len(key.pairs),
        expected,
        f"{lead}: {right} of {counted(len(key.pairs), 'pair')} {matching}.",
    )


def _by_form(response: dict[str, str]) -> dict[str, str]:
    return {normalize(left): normalize(right) for left, right in response.items()}


GRADER = Grader(prepare, grade, lambda key: "mapping")
