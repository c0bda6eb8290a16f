"""Benchmark: how long grading one answer takes, type by type, after warm-up.

Run by hand:  .venv/bin/python benchmarks/grading_speed.py
The answers are the grading corpus (tests/core/cases/*.tsv) and the sample bank's `check`
examples: each is graded REPEAT times after one warm-up call, and the best of those is its
cost (the machines here are noisy; the best run is the grading, the rest is other load).
The budget (issue 10): median at most 30 µs per answer per type, no answer above 2 ms.
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "tests" / "core"))

from test_grading_corpus import key_fields, read_cases  # noqa: E402

from quiz.core.banks.loading import load_bank  # noqa: E402
from quiz.core.errors import QuizError  # noqa: E402
from quiz.core.grading import GRADERS, grade  # noqa: E402
from quiz.core.parsing import dates, quantities  # noqa: E402

REPEAT = 5
MEDIAN_BUDGET_US = 30.0
MAX_BUDGET_US = 2000.0


def cost_us(call: Any) -> float:
    call()  # warm-up: caches, dateparser's first call for this shape
    best = float("inf")
    for _ in range(REPEAT):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best * 1e6


def corpus_calls() -> dict[str, list[tuple[str, Any]]]:
    calls: dict[str, list[tuple[str, Any]]] = {}
    for param in read_cases():
        question_type, row = param.values
        grader = GRADERS[question_type]
        key = grader.prepare(key_fields(question_type, row["reference"]), lambda *a: None)
        response = row["response"]
        calls.setdefault(question_type, []).append(
            (response, lambda g=grader, k=key, r=response: g.grade(k, r))
        )
    return calls


def bank_calls(calls: dict[str, list[tuple[str, Any]]]) -> None:
    """The types the corpus leaves out, from the sample bank: every choice, item or pair."""
    loaded = load_bank(ROOT / "tests" / "data" / "banks" / "sample.yaml")
    assert loaded.bank is not None
    for question in loaded.bank.questions:
        for response in _responses(question):
            calls.setdefault(question.type, []).append(
                (str(response), lambda q=question, r=response: _grade_quietly(q, r))
            )


def _responses(question: Any) -> list[Any]:
    fields = question.fields
    if question.type == "choice":
        picks = list(fields["choices"])
        return [[pick] for pick in picks] if isinstance(fields["answer"], list) else picks
    if question.type == "truefalse":
        return ["true", "False.", "no", "yes", "perhaps"]
    if question.type == "cloze":
        return [[blank.answers[0].answer] for blank in question.key.blanks] + [["Taliban"]]
    if question.type == "order":
        return [list(fields["items"]), list(reversed(fields["items"]))]
    if question.type == "match":
        return [{left: right for left, right in fields["pairs"]}]
    return []


def _grade_quietly(question: Any, response: Any) -> None:
    with contextlib.suppress(QuizError):
        grade(question, response)


def main() -> None:
    quantities.warm_up()
    dates.warm_up()
    calls = corpus_calls()
    bank_calls(calls)
    print(f"{'type':10} {'answers':>7} {'median µs':>10} {'max µs':>9}  slowest answer")
    over = False
    for question_type, entries in sorted(calls.items()):
        costs = [(cost_us(call), response) for response, call in entries]
        median = statistics.median(cost for cost, _ in costs)
        worst, slowest = max(costs)
        over |= median > MEDIAN_BUDGET_US or worst > MAX_BUDGET_US
        print(f"{question_type:10} {len(costs):7} {median:10.1f} {worst:9.1f}  {slowest!r}")
    print("within budget" if not over else "OVER BUDGET (median 30 µs, max 2 ms)")


if __name__ == "__main__":
    main()
