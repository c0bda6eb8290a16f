"""Learners' wrong answers, grouped as the grader sees them, and whether one was nearly right.

Grouping uses the text graders' own normalisation (case, accents, punctuation, spacing and a
leading article folded away), so "kharb  maydon" and "Kharb-Maydon" are one answer to fix.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from rapidfuzz.distance import Levenshtein

from quiz.core.parsing.text import normalize, typos_for

NEAR_EDITS = 1  # "within a typo": this many edits beyond what the text grader forgives
MAX_GROUPS = 50  # a page lists this many distinct wrong answers per question at most
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


class WrongRow(Protocol):
    """What grouping reads from an attempt row (item_analysis.AttemptRow fits)."""

    @property
    def learner_id(self) -> int: ...
    @property
    def response(self) -> Any: ...
    @property
    def expected(self) -> str: ...
    @property
    def feedback(self) -> str: ...
    @property
    def score(self) -> float: ...


@dataclass(frozen=True)
class WrongAnswer:
    """One group of equal (after normalisation) wrong responses to one question."""

    key: str  # the normalised form every response in the group shares
    shown: str  # the most frequent spelling learners typed
    response: Any  # that spelling as the grader took it (text, list or mapping)
    count: int
    learners: int
    feedback: tuple[tuple[str, int], ...]  # each feedback sentence given, with its count
    close: bool  # within a typo or a unit of the expected answer

    @property
    def is_text(self) -> bool:
        """Only a typed text can become an `accept` alias."""
        return isinstance(self.response, str)


def response_text(response: Any) -> str:
    """A response in words: a list joined in order, a mapping as "left → right" pairs."""
    if isinstance(response, list):
        return "; ".join(str(part) for part in response)
    if isinstance(response, Mapping):
        return "; ".join(f"{left} → {right}" for left, right in sorted(response.items()))
    return "" if response is None else str(response)


def group_key(response: Any) -> str:
    """The normalised form two responses share when the grader would treat them alike."""
    if isinstance(response, list):
        return " ; ".join(normalize(str(part)) for part in response)
    if isinstance(response, Mapping):
        pairs = sorted((normalize(str(k)), normalize(str(v))) for k, v in response.items())
        return " ; ".join(f"{left} > {right}" for left, right in pairs)
    return normalize(response_text(response))


def is_close(response: Any, expected: str, score: float = 0.0) -> bool:
    """Whether a wrong response was nearly right: partly right; one edit past the typos the
    text grader forgives from an expected answer without digits; or the very same numbers with
    another unit or word ("20 miles" for "20 km"). Digits are never a typo, as in the grader."""
    if score > 0:
        return True
    given, wanted = group_key(response), normalize(expected)
    if not given or not wanted:
        return False
    wanted_numbers = _NUMBER.findall(wanted)
    if wanted_numbers:  # digits are never a typo: close only with the very same numbers
        return _NUMBER.findall(given) == wanted_numbers
    # The grader already took anything within its typo budget: one edit more is a near miss.
    budget = typos_for(wanted) + NEAR_EDITS
    edits = Levenshtein.distance(given, wanted, score_cutoff=budget + 1)
    return edits <= budget and edits * 2 < len(wanted)


def common_wrong_answers(rows: Iterable[WrongRow], limit: int = MAX_GROUPS) -> list[WrongAnswer]:
    """Wrong responses grouped by `group_key`, most frequent first (then alphabetically)."""
    groups: dict[str, list[WrongRow]] = {}
    for row in rows:
        groups.setdefault(group_key(row.response), []).append(row)
    answers = [_wrong_answer(key, members) for key, members in groups.items() if key]
    answers.sort(key=lambda a: (-a.count, a.key))
    return answers[:limit]


def _wrong_answer(key: str, members: list[WrongRow]) -> WrongAnswer:
    spellings = Counter(response_text(row.response) for row in members)
    shown = spellings.most_common(1)[0][0]
    response = next(row.response for row in members if response_text(row.response) == shown)
    feedback = Counter(row.feedback for row in members).most_common()
    return WrongAnswer(
        key=key,
        shown=shown,
        response=response,
        count=len(members),
        learners=len({row.learner_id for row in members}),
        feedback=tuple(feedback),
        close=any(is_close(row.response, row.expected, row.score) for row in members),
    )
