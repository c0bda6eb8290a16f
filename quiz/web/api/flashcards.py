"""The flashcard API: the due queue, a card's front and back, rating and undo, through the
very scheduling and storage the flashcard pages use (quiz.web.flashcards). Exam banks have no
cards here either: their questions answer 404."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import Blueprint, abort, current_app, jsonify, request
from werkzeug.wrappers import Response

from quiz.core.scheduling import CardKey, Rating, card_stage
from quiz.storage import cards
from quiz.storage.idempotency import StoredResponse
from quiz.web.api import card_payloads as payloads
from quiz.web.api.once import respond_once
from quiz.web.api.paging import conditional, next_url, page_request, slice_page
from quiz.web.auth import current_learner
from quiz.web.auth.learner import current_learner_id
from quiz.web.database import get_session
from quiz.web.flashcards import deck, pages

bp = Blueprint("flashcards", __name__, url_prefix="/flashcards")

MAX_PREVIEW_AT = 64  # an ISO time with offset is 32 characters
RATING_EXAMPLE = '{"rating": "good", "preview_at": "<the back\'s preview_at>"}'


def _now() -> datetime:
    return datetime.now(UTC)


@bp.get("/due")
def due() -> Response:
    scope = deck.current_scope()  # `bank` arguments as on the pages; 404 for an exam
    queue = pages.queue_for(current_learner_id(), scope, _now())
    chosen, after = slice_page(payloads.queue_cards(queue), page_request())
    link = next_url(after)
    body = payloads.due_payload(queue, chosen, link, current_app.config["NEW_CARDS_PER_DAY"])
    return conditional(jsonify(body), link)


@bp.get("/cards/<bank_id>/<question_id>")
def front(bank_id: str, question_id: str) -> Response:
    key, now = (bank_id, question_id), _now()
    question = deck.find_question(*key)
    deck.mark_shown(key, now)  # the rating's answer time runs from here, as on the page
    return jsonify(payloads.front_payload(question, key, _stage(key)))


@bp.get("/cards/<bank_id>/<question_id>/back")
def back(bank_id: str, question_id: str) -> Response:
    key = (bank_id, question_id)
    question = deck.find_question(*key)
    preview = pages.preview_for(current_learner_id(), key, _now())
    return jsonify(payloads.back_payload(question, key, preview, pages.buttons(preview)))


@bp.post("/cards/<bank_id>/<question_id>/rate")
def rate(bank_id: str, question_id: str) -> tuple[Response, int]:
    key, scope = (bank_id, question_id), deck.current_scope()  # `bank`: for next_card
    deck.find_question(*key)
    rating, preview_at = _rating_body()
    learner_id = current_learner().id  # type: ignore[union-attr]  # made on the first rating
    rated = respond_once(learner_id, lambda: _rate(learner_id, key, rating, preview_at, scope))
    get_session().commit()
    deck.forget_card_timing()
    return jsonify(rated.body), rated.status


def _rate(
    learner_id: int, key: CardKey, rating: Rating, preview_at: str, scope: deck.Scope
) -> StoredResponse:
    now = _now()
    log = pages.apply_rating(learner_id, key, rating, preview_at, now)
    if log is None:
        abort(
            409,
            "This card was already rated (or changed) since that back was shown: "
            "GET its back again for fresh intervals and preview_at.",
        )
    queue = pages.queue_for(learner_id, scope, now)
    following = next(iter(payloads.queue_cards(queue)), None)
    return StoredResponse(200, payloads.rated_payload(log, now, following))


@bp.post("/undo")
def undo() -> tuple[Response, int]:
    learner_id = current_learner_id()
    if learner_id is None:  # no learner yet: nothing was ever rated
        return jsonify(payloads.undo_payload(None, pages.undo_message(None))), 200
    undone = respond_once(learner_id, lambda: _undo(learner_id))
    get_session().commit()
    return jsonify(undone.body), undone.status


def _undo(learner_id: int) -> StoredResponse:
    log = cards.undo_last_rating(get_session(), learner_id)
    return StoredResponse(200, payloads.undo_payload(log, pages.undo_message(log)))


def _stage(key: CardKey) -> str:
    learner_id = current_learner_id()
    state = cards.get_state(get_session(), learner_id, *key) if learner_id else None
    return card_stage(state.card if state else None)


def _rating_body() -> tuple[Rating, str]:
    """The rating (1–4 or its label) and the back's `preview_at`; 400 saying what to send."""
    body = _json_object()
    rating = _rating(body.get("rating"))
    preview_at = body.get("preview_at")
    if not isinstance(preview_at, str) or not 0 < len(preview_at) <= MAX_PREVIEW_AT:
        abort(400, f"Send the back's preview_at with the rating, e.g. {RATING_EXAMPLE}.")
    return rating, preview_at


def _rating(value: Any) -> Rating:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 4:
        return Rating(value)
    labels = {rating.name.casefold(): rating for rating in Rating}
    if isinstance(value, str) and value.casefold() in labels:
        return labels[value.casefold()]
    abort(400, f"rating must be 1–4 or again, hard, good or easy, e.g. {RATING_EXAMPLE}.")


def _json_object() -> dict[str, Any]:
    try:
        body = request.get_json(silent=True)
    except RecursionError:
        body = None  # nested past Python's stack: no rating of ours looks like that
    if not isinstance(body, dict):
        abort(400, f"Send a JSON object, e.g. {RATING_EXAMPLE}.")
    return body
