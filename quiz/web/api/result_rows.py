"""The rows of the authors' results as the API gives them: one shape for JSON and CSV (the
CSV's header is the JSON's keys, in the same order)."""

from __future__ import annotations

import json

from quiz.core.bank import Bank
from quiz.core.item_analysis import QuestionStats
from quiz.core.tables import Cell
from quiz.core.verdict import Verdict
from quiz.storage.models import Attempt

QUESTION_COLUMNS = (
    "question_id", "prompt", "learners", "attempts", "right", "wrong", "close", "facility",
    "median_time_ms", "discrimination", "flags",
)  # fmt: skip
ATTEMPT_COLUMNS = (
    "attempt_id", "learner_id", "run_id", "question_id", "answered_at", "correct", "score",
    "outcome", "time_taken_ms", "response", "expected", "feedback", "sealed",
)  # fmt: skip


def question_row(bank: Bank, stats: QuestionStats) -> dict[str, object]:
    question = bank.question(stats.question_id)
    return {
        "question_id": stats.question_id,
        "prompt": question.prompt if question else "",
        "learners": stats.learners,
        "attempts": stats.attempts,
        "right": stats.right,
        "wrong": stats.wrong,
        "close": stats.close,
        "facility": stats.facility,
        "median_time_ms": stats.median_time_ms,
        "discrimination": stats.discrimination,
        "flags": list(stats.flags),
    }


def attempt_row(attempt: Attempt) -> dict[str, object]:
    verdict = attempt.verdict or {}
    outcome = Verdict(attempt.correct, attempt.score, "", "").outcome
    return {
        "attempt_id": attempt.id,
        "learner_id": attempt.learner_id,
        "run_id": attempt.run_id,
        "question_id": attempt.question_id,
        "answered_at": attempt.answered_at.isoformat(),
        "correct": attempt.correct,
        "score": attempt.score,
        "outcome": outcome,
        "time_taken_ms": attempt.time_taken_ms,
        "response": attempt.response,
        "expected": str(verdict.get("expected", "")),
        "feedback": str(verdict.get("feedback", "")),
        "sealed": attempt.sealed,
    }


def csv_cells(row: dict[str, object], columns: tuple[str, ...]) -> list[Cell]:
    """The row's cells for a spreadsheet: lists as "a; b", other structures as JSON text."""
    return [_cell(row[column]) for column in columns]


def _cell(value: object) -> Cell:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return "; ".join(value)
    return json.dumps(value, ensure_ascii=False)
