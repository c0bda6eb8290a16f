"""The JSON API: banks and questions (answer-free), answering, and the learner's progress."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

import yaml
from flask import Blueprint, abort, current_app, jsonify
from flask_wtf.csrf import generate_csrf
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from quiz.core.bank import Bank, Question
from quiz.core.errors import ResponseError
from quiz.core.exams import allows_practice, practice_refusal
from quiz.core.presentation import present
from quiz.storage import progress_by_bank
from quiz.storage.answering import answer_outside_run
from quiz.storage.idempotency import StoredResponse as Stored
from quiz.storage.mastery import MASTERY_DEFINITION
from quiz.web.api.bodies import answer_response
from quiz.web.api.once import respond_once
from quiz.web.api.paging import conditional, next_url, page_request, slice_page
from quiz.web.api.payloads import bank_payload, bank_summary, progress_payload, verdict_payload
from quiz.web.auth import current_learner, current_learner_or_none
from quiz.web.auth.learner import current_learner_id
from quiz.web.banks_registry import bank_or_404, get_registry, question_or_404
from quiz.web.database import get_session
from quiz.web.errors.handlers import api_error

API_LISTS_BANKS = "GET /api/banks lists them"  # where a 404 for a bank points
bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/banks")
def banks() -> Response:
    ordered = sorted(get_registry().banks.values(), key=lambda bank: bank.title.casefold())
    chosen, after = slice_page(ordered, page_request())
    link = next_url(after)
    body = {"banks": [bank_summary(bank) for bank in chosen], "next": link}
    return conditional(jsonify(body), link, personal=False)


@bp.get("/banks/<bank_id>")
def bank(bank_id: str) -> Response:
    return _revalidated(jsonify(bank_payload(bank_or_404(bank_id, listed=API_LISTS_BANKS))))


@bp.get("/banks/<bank_id>/questions/<question_id>")
def question(bank_id: str, question_id: str) -> Response:
    _, found = _question_or_404(bank_id, question_id)
    return _revalidated(jsonify(present(found).to_dict()))


def _revalidated(response: Response) -> Response:
    """Banks change only when their files do: with the body's ETag a client may keep a copy
    and ask each time (no-cache) for the price of a 304 with no body."""
    response.cache_control.private = True
    response.cache_control.no_cache = True
    return conditional(response, personal=False)


@bp.post("/banks/<bank_id>/questions/<question_id>/answer")
def answer(bank_id: str, question_id: str) -> tuple[Response, int]:
    bank_, found = _question_or_404(bank_id, question_id)
    if not allows_practice(bank_):
        abort(403, practice_refusal(bank_))
    response = answer_response()
    # The id from the signed session spares a read on this hot path; a first-time visitor
    # gets an anonymous learner made for them.
    learner_id = current_learner_id() or current_learner().id
    answered = respond_once(learner_id, lambda: _answer(learner_id, bank_id, found, response))
    get_session().commit()
    return jsonify(answered.body), answered.status


def _answer(learner_id: int, bank_id: str, found: Question, response: Any) -> Stored:
    try:
        attempt = answer_outside_run(
            get_session(),
            learner_id,
            bank_id,
            found,
            response,
            current_app.config["DESIRED_RETENTION"],
        )
    except ResponseError as error:
        abort(400, f"Response to question '{found.id}' refused: {error}.")
    return Stored(200, verdict_payload(found, attempt))


@bp.get("/progress")
def progress() -> Response:
    learner = current_learner_or_none()
    by_bank = progress_by_bank(get_session(), learner.id) if learner else {}
    payload = progress_payload(get_registry().banks, by_bank)
    return jsonify({"mastery_definition": MASTERY_DEFINITION, "banks": payload})


@bp.get("/csrf-token")
def csrf_token() -> Response:
    return jsonify({"csrf_token": generate_csrf()})


@bp.get("/openapi.json")
def openapi() -> Response:
    return Response(json.dumps(openapi_spec()), mimetype="application/json")


@cache
def openapi_spec() -> dict[str, Any]:
    """The API's OpenAPI 3.1 description, shipped next to this module."""
    text = files("quiz.web.api").joinpath("openapi.yaml").read_text(encoding="utf-8")
    spec: dict[str, Any] = yaml.safe_load(text)
    return spec


# Registered by code too: Flask looks handlers up code first, and the app's own CSRFError
# (a 400) page would otherwise answer an API client with HTML.
@bp.errorhandler(400)
@bp.errorhandler(404)
@bp.errorhandler(405)
@bp.errorhandler(HTTPException)
def json_error(error: HTTPException) -> Response:
    return api_error(error)


def _question_or_404(bank_id: str, question_id: str) -> tuple[Bank, Question]:
    return question_or_404(bank_id, question_id, quiz_only=True, listed=API_LISTS_BANKS)
