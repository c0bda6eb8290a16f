"""Benchmark: grading hostile answers of 1 KB, 20 KB and 1 MB, type by type.

Run by hand:  .venv/bin/python benchmarks/hostile_answers.py
For each question type of tests/data/banks/sample.yaml and each hostile pattern (long runs of
spaces, digits, digit groups, words, unit or date words, brackets), it times:
- `grade()`, the path every caller takes: past the 1,000-character cap it is a refusal
  (ResponseTooLongError), which must cost next to nothing whatever the size;
- the type's parser alone, without the cap, to show it is linear: 20 KB should cost about
  20 times 1 KB, never 400 times (a quadratic regex once took 4 s on 20 KB).
Figures are the worst pattern's time, in milliseconds; the machines here are noisy.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from quiz.core.banks.loading import load_bank
from quiz.core.errors import QuizError
from quiz.core.grading import grade
from quiz.core.grading.number import read_response_number
from quiz.core.grading.truefalse import read_flag
from quiz.core.parsing import dates, quantities
from quiz.core.parsing.names import match_name
from quiz.core.parsing.text import match_prepared, normalize

SAMPLE = Path(__file__).parents[1] / "tests" / "data" / "banks" / "sample.yaml"
SIZES = {"1 KB": 1_000, "20 KB": 20_000, "1 MB": 1_000_000}
PATTERNS = [" ", "1 ", "1,000", "1 000 ", "9", "word ", "km ", "1e", "April ", "mr ", "[[", "a1."]


def hostile(pattern: str, size: int) -> str:
    """`pattern` repeated to `size` characters, ending in a letter so full matches fail late."""
    return (pattern * (size // len(pattern) + 1))[: size - 1] + "x"


def parsers(bank: Any) -> dict[str, Callable[[str], Any]]:
    """Each type's parser, called without the length cap."""
    key = {q.type: q.key for q in bank.questions}
    cloze_blank = key["cloze"].blanks[0]
    return {
        "choice": normalize,
        "truefalse": read_flag,
        "text": lambda text: match_prepared(text, key["text"]),
        "number": read_response_number,
        "quantity": quantities.parse_quantity,
        "date": dates.parse_partial_date,
        "who": lambda text: match_name(text, key["who"]),
        "cloze": lambda text: match_prepared(text, cloze_blank),
        "order": normalize,
        "match": normalize,
    }


def worst_ms(call: Callable[[str], Any], size: int) -> float:
    worst = 0.0
    for pattern in PATTERNS:
        text = hostile(pattern, size)
        start = time.perf_counter()
        with contextlib.suppress(QuizError, ValueError):  # a refusal is an answer too
            call(text)
        worst = max(worst, time.perf_counter() - start)
    return worst * 1000


def as_response(question: Any, text: str) -> Any:
    if question.type in ("cloze", "order") or (
        question.type == "choice" and question.key.select_all
    ):
        return [text]
    return {text: text} if question.type == "match" else text


def main() -> None:
    loaded = load_bank(SAMPLE)
    assert loaded.bank is not None, loaded.problems
    quantities.warm_up()
    dates.warm_up()
    by_type = parsers(loaded.bank)
    print(f"{'question (type)':34} {'size':>6} {'grade() ms':>11} {'parser ms':>10}")
    for question in loaded.bank.questions:
        if question.type == "card":
            continue
        for label, size in SIZES.items():
            graded = worst_ms(lambda text, q=question: grade(q, as_response(q, text)), size)
            parsed = worst_ms(by_type[question.type], size)
            name = f"{question.id} ({question.type})"
            print(f"{name:34} {label:>6} {graded:11.3f} {parsed:10.2f}")


if __name__ == "__main__":
    main()
