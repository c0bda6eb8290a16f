"""Answering a run's items and ending the run: the quiz pages and the API's runs alike."""

from __future__ import annotations

from typing import Any

from flask import current_app

from quiz.core.bank import Bank
from quiz.core.exams import seals_answers
from quiz.storage import Attempt, QuizRun, attempts_for_run, finish_run
from quiz.storage.answering import answer_question
from quiz.storage.run_pages import RunPage
from quiz.web.database import get_session
from quiz.web.quiz.display import Result, results_for
from quiz.web.quiz.items import RunItem, run_items


def answer_item(
    run: QuizRun | RunPage, bank: Bank, item: RunItem, response: Any, time_ms: int | None
) -> Attempt:
    """Grade and record the answer to `item` (not committed); an answered item keeps its
    first attempt. Raises ResponseError for a response of the wrong shape."""
    return answer_question(
        get_session(), run, item.position, item.question, response, time_ms,
        current_app.config["DESIRED_RETENTION"], seals_answers(bank),
    )  # fmt: skip


def run_results(run: QuizRun, bank: Bank) -> list[Result]:
    """Every item still in the bank, with its attempt (None while unanswered)."""
    return results_for(run_items(run, bank), attempts_for_run(get_session(), run.id))


def finish_if_answered(run: QuizRun, results: list[Result]) -> bool:
    """End the run once every item is answered (not committed): its score then counts, an
    exam's answers are unsealed. Whether the run is finished."""
    if any(result.attempt is None for result in results):
        return False
    finish_run(get_session(), run)
    return True
