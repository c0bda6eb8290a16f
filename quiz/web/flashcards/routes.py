"""The flashcard pages: the deck picker, the review (front, back, rate, undo) and exports."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from werkzeug.wrappers import Response

from quiz.core.errors import ResponseError
from quiz.core.grading import grade
from quiz.core.scheduling import CardKey, Rating, suggest_rating
from quiz.storage import cards
from quiz.web.auth import current_learner, current_learner_or_none
from quiz.web.database import get_session
from quiz.web.flashcards import deck, pages
from quiz.web.flashcards.deck import TYPED_KEY
from quiz.web.flashcards.forms import AnswerForm, RateForm, SettingsForm, UndoForm

bp = Blueprint("flashcards", __name__, url_prefix="/flashcards")


def _now() -> datetime:
    return datetime.now(UTC)


@bp.get("/")
def index() -> str:
    learner = current_learner_or_none()
    context = pages.overview(learner.id if learner else None, _now())
    retention = pages.retention_percent(learner.id if learner else None)
    form = SettingsForm(retention=retention)
    return render_template("flashcards/index.html", form=form, **context)


@bp.post("/settings")
def settings() -> Response | tuple[str, int]:
    form = SettingsForm()
    if not form.validate_on_submit():
        learner = current_learner_or_none()
        context = pages.overview(learner.id if learner else None, _now())
        return render_template("flashcards/index.html", form=form, **context), 400
    pages.save_retention(current_learner().id, float(form.retention.data) / 100)
    flash(f"Desired retention set to {form.retention.data:.0f}%.", "success")
    return redirect(url_for(".index"))


@bp.get("/review")
def review() -> str:
    scope = deck.current_scope()
    learner = current_learner_or_none()  # a page view makes no learner
    queue = pages.queue_for(learner.id if learner else None, scope, _now())
    if queue.next is None:
        return render_template("flashcards/done.html", scope=scope, queue=queue, undo=UndoForm())
    deck.mark_shown(queue.next, _now())
    return render_template(
        "flashcards/front.html", **pages.front(queue, scope), undo=UndoForm(), answer=AnswerForm()
    )


@bp.get("/card/<bank_id>/<question_id>")
def back(bank_id: str, question_id: str) -> str:
    scope = deck.current_scope()
    question = deck.find_question(bank_id, question_id)
    learner, now = current_learner_or_none(), _now()
    learner_id = learner.id if learner else None
    preview = pages.preview_for(learner_id, (bank_id, question_id), now)
    context = pages.back(
        learner_id,
        scope,
        (bank_id, question_id),
        question,
        preview,
        deck.typed_for((bank_id, question_id)),
        now,
    )
    form = RateForm(preview_at=context["preview_at"])
    return render_template("flashcards/back.html", **context, form=form, undo=UndoForm())


@bp.post("/card/<bank_id>/<question_id>/answer")
def answer(bank_id: str, question_id: str) -> Response | tuple[str, int]:
    scope = deck.current_scope()
    question = deck.find_question(bank_id, question_id)
    if AnswerForm().validate_on_submit():
        response = deck.typed_response(question, request.form)
        try:
            verdict = grade(question, response)
        except ResponseError as error:  # too long, say: the front again, the message by the field
            return _front_with_error(scope, (bank_id, question_id), str(error)), 422
        took = deck.elapsed_ms((bank_id, question_id), _now())
        typical = cards.typical_answer_ms(get_session(), current_learner().id)
        rating = suggest_rating(verdict, took, typical)
        session[TYPED_KEY] = pages.typed_record(
            (bank_id, question_id), response, verdict, rating, took
        )
    return redirect(url_for(".back", bank_id=bank_id, question_id=question_id, **scope.args))


def _front_with_error(scope: deck.Scope, key: CardKey, error: str) -> str:
    queue = pages.queue_for(current_learner().id, scope, _now())
    context = pages.front(queue, scope, key)
    message = error[0].upper() + error[1:] + "."
    return render_template(
        "flashcards/front.html", **context, undo=UndoForm(), answer=AnswerForm(), error=message
    )


@bp.post("/card/<bank_id>/<question_id>/rate")
def rate(bank_id: str, question_id: str) -> Response:
    scope = deck.current_scope()
    deck.find_question(bank_id, question_id)
    form = RateForm()
    if not form.validate_on_submit():
        flash("Pick one of the four ratings.", "error")
        return redirect(url_for(".back", bank_id=bank_id, question_id=question_id, **scope.args))
    done = pages.rate(
        current_learner().id,
        (bank_id, question_id),
        Rating(form.rating.data),
        form.preview_at.data,
        _now(),
    )
    if not done:
        flash("That card was already rated; here is the next one.", "info")
    return redirect(url_for(".review", **scope.args))


@bp.post("/undo")
def undo() -> Response:
    scope = deck.current_scope()
    if UndoForm().validate_on_submit():
        learner = current_learner_or_none()
        log = cards.undo_last_rating(get_session(), learner.id) if learner else None
        get_session().commit()
        flash(pages.undo_message(log), "success" if log else "info")
    return redirect(url_for(".review", **scope.args))


@bp.get("/<bank_id>/export.<any(apkg, csv):kind>")
def export(bank_id: str, kind: str) -> Response:
    return pages.export(bank_id, kind, _now())
