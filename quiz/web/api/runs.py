"""Quiz runs through the API: start a run of a bank, answer it one position at a time, read
where it stands. The very run code the quiz pages use (quiz.web.quiz): the same question
choice, one attempt per position, the same grading and the same end of a run."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, jsonify, url_for
from werkzeug.wrappers import Response

from quiz.core.bank import Bank
from quiz.core.errors import ResponseError
from quiz.core.exams import allows_practice
from quiz.storage import QuizRun
from quiz.storage.answering import attempt_at
from quiz.storage.idempotency import StoredResponse as Stored
from quiz.web.api.bodies import answer_response, optional_object
from quiz.web.api.once import respond_once
from quiz.web.api.payloads import verdict_payload
from quiz.web.api.routes import API_LISTS_BANKS
from quiz.web.api.run_payloads import run_payload
from quiz.web.auth import current_learner
from quiz.web.banks_registry import bank_or_404
from quiz.web.database import get_session
from quiz.web.quiz.finishing import answer_item, finish_if_answered, run_results
from quiz.web.quiz.items import RunItem, own_run_or_404, run_item_or_404
from quiz.web.quiz.seats import RunRefusedError
from quiz.web.quiz.selection import (
    NO_QUIZ_QUESTIONS,
    NO_TAGGED_QUESTIONS,
    NO_WRONG_ANSWERS,
    NothingToAskError,
    RunOptions,
    question_tags,
)
from quiz.web.quiz.starting import new_run

bp = Blueprint("runs", __name__)

EXAM_REFUSED = (
    "Bank '{bank}' is an exam: exam banks are taken in the browser (/quiz/{bank}), where "
    "the answers stay sealed until the run ends."
)
START_EXAMPLE = '{"count": 5, "shuffle": true, "tags": ["military"], "only_wrong": false}'
FIELDS = ("count", "shuffle", "shuffle_choices", "tags", "only_wrong")
# Why a start asked nothing, in the API's words (the start page has its own).
NOTHING_TO_ASK = {
    NO_QUIZ_QUESTIONS: "This bank has no quiz questions (only flashcards): nothing to start.",
    NO_WRONG_ANSWERS: "only_wrong left no question: this learner's latest answer to every "
    "question of the bank was right. Start without only_wrong to practise.",
    NO_TAGGED_QUESTIONS: "No question of the bank has any of the given tags.",
}


@bp.post("/banks/<bank_id>/runs")
def start(bank_id: str) -> tuple[Response, int]:
    bank = bank_or_404(bank_id, listed=API_LISTS_BANKS)
    _refuse_exam(bank)
    options = _options(bank, optional_object(START_EXAMPLE))
    learner_id = current_learner().id  # a first-time visitor gets an anonymous learner
    started = respond_once(learner_id, lambda: _start(bank, options))
    get_session().commit()
    response = jsonify(started.body)
    if started.status == 201:  # a replayed start points at the same run
        response.headers["Location"] = url_for(".run_status", run_id=started.body["id"])
    return response, started.status


def _start(bank: Bank, options: RunOptions) -> Stored:
    try:
        run = new_run(bank, options)
    except NothingToAskError as error:
        abort(422, NOTHING_TO_ASK[error.reason])
    except RunRefusedError as error:  # a capped exam's, should exams ever start here
        abort(409, str(error))
    return Stored(201, run_payload(run, bank, run_results(run, bank)))


@bp.get("/runs/<int:run_id>")
def run_status(run_id: int) -> Response:
    run, bank = own_run_or_404(run_id)  # 404 for another learner's run: a run is private
    results = run_results(run, bank)
    if run.finished_at is None and finish_if_answered(run, results):  # answered on the pages
        get_session().commit()
    return jsonify(run_payload(run, bank, results))


@bp.post("/runs/<int:run_id>/questions/<int:position>/answer")
def answer(run_id: int, position: int) -> tuple[Response, int]:
    run, bank = own_run_or_404(run_id)
    _refuse_exam(bank)
    item = run_item_or_404(run, bank, position)
    response = answer_response()
    answered = respond_once(run.learner_id, lambda: _answer(run, bank, item, response))
    get_session().commit()
    return jsonify(answered.body), answered.status


def _answer(run: QuizRun, bank: Bank, item: RunItem, response: Any) -> Stored:
    if attempt_at(get_session(), run.id, item.position) is not None:
        abort(
            409,
            f"Question {item.position} of run {run.id} is already answered, and a run takes "
            f"one answer per question: GET /api/runs/{run.id} shows which are open.",
        )
    try:
        attempt = answer_item(run, bank, item, response, None)
    except ResponseError as error:
        abort(400, f"Response to question {item.position} ('{item.question.id}') refused: {error}.")
    finish_if_answered(run, run_results(run, bank))  # the last answer ends the run
    return Stored(200, verdict_payload(item.question, attempt))


def _refuse_exam(bank: Bank) -> None:
    # An exam's verdicts stay sealed until its run ends, which a verdict per answer would
    # break; its rules (seats, sign-in) are the pages'.
    if not allows_practice(bank):
        abort(403, EXAM_REFUSED.format(bank=bank.id))


def _options(bank: Bank, body: dict[str, Any]) -> RunOptions:
    """The start form's choices from the body, checked as the form checks them."""
    unknown = sorted(set(body) - set(FIELDS))
    if unknown:
        abort(400, f"Unknown field(s) {', '.join(unknown)}: it takes {', '.join(FIELDS)}.")
    return RunOptions(
        shuffle_questions=_flag(body, "shuffle"),
        shuffle_choices=_flag(body, "shuffle_choices"),
        count=_count(body.get("count")),
        only_wrong=_flag(body, "only_wrong"),
        tags=_tags(bank, body.get("tags")),
    )


def _flag(body: dict[str, Any], name: str) -> bool:
    value = body.get(name, False)
    if not isinstance(value, bool):
        abort(400, f"{name} must be true or false, e.g. {START_EXAMPLE}.")
    return value


def _count(value: Any) -> int | None:
    if value is None:  # as on the page: every question the filters leave
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        abort(400, "count must be a whole number, 1 or more (or leave it out for all).")
    return value


def _tags(bank: Bank, value: Any) -> tuple[str, ...]:
    tags = question_tags(bank)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(tag in tags for tag in value):
        abort(400, f"tags must be a list of this bank's tags: {', '.join(tags) or 'it has none'}.")
    return tuple(value)
