"""The JSON shapes of the API's runs (described in openapi.yaml): each position's question as
shown before answering, whether it is answered and how; never an answer key."""

from __future__ import annotations

from datetime import datetime

from flask import url_for

from quiz.core.bank import Bank
from quiz.core.exams import reveals_key
from quiz.storage import QuizRun
from quiz.web.quiz.display import Result, run_score


def run_payload(run: QuizRun, bank: Bank, results: list[Result]) -> dict[str, object]:
    finished = run.finished_at is not None
    revealed = reveals_key(bank, finished)  # an exam's run tells nothing until it ends
    return {
        "id": run.id,
        "bank_id": run.bank_id,
        "started_at": _iso(run.started_at),
        "finished_at": _iso(run.finished_at),
        "question_count": len(results),
        "answered_count": sum(result.attempt is not None for result in results),
        "score": run_score(results) if finished and revealed else None,
        "questions": [_position(run, result, revealed) for result in results],
    }


def _position(run: QuizRun, result: Result, revealed: bool) -> dict[str, object]:
    answered = result.attempt is not None
    return {
        "position": result.item.position,
        "question_id": result.item.question.id,
        "answered": answered,
        "outcome": result.outcome if revealed or not answered else "recorded",
        "answer_url": url_for("api.runs.answer", run_id=run.id, position=result.item.position),
        "question": result.item.presented.to_dict(),
    }


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None
