"""What each flashcard page shows, gathered from storage and the core (the views stay short)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import current_app, send_file
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from quiz.core.bank import Bank, Question
from quiz.core.card_faces import card_faces
from quiz.core.exporting import export_apkg, export_csv
from quiz.core.presentation import present
from quiz.core.scheduling import (
    CardKey,
    Preview,
    Queue,
    Rating,
    card_id_for,
    card_stage,
    format_interval,
    new_card,
)
from quiz.core.verdict import Verdict
from quiz.storage import cards
from quiz.storage.models import ReviewLog
from quiz.web import figures
from quiz.web.banks_registry import bank_or_404, get_registry
from quiz.web.charts import forecast_chart
from quiz.web.database import get_session
from quiz.web.flashcards import deck
from quiz.web.flashcards.deck import Scope

FORECAST_DAYS = 14


@dataclass(frozen=True)
class DeckRow:
    """One bank on the deck picker, with today's counts."""

    bank: Bank
    queue: Queue

    @property
    def size(self) -> int:
        return len(self.bank.questions)


@dataclass(frozen=True)
class Button:
    """One rating button: its rating, key, label and the interval it schedules."""

    rating: Rating
    interval: str
    suggested: bool


def queue_for(learner_id: int | None, scope: Scope, now: datetime) -> Queue:
    keys = scope.keys
    if learner_id is None:  # nobody has reviewed anything yet: everything is new
        return Queue((), (), tuple(keys[: current_app.config["NEW_CARDS_PER_DAY"]]))
    return cards.review_queue(
        get_session(), learner_id, keys, now, current_app.config["NEW_CARDS_PER_DAY"]
    )


def overview(learner_id: int | None, now: datetime) -> dict[str, Any]:
    """The deck picker: every bank's counts, then the learner's stages, retention, forecast."""
    everything = deck.scope_from(MultiDict())
    rows = [
        DeckRow(bank, queue_for(learner_id, Scope((bank,), True, "flip"), now))
        for bank in everything.banks
    ]
    session = get_session()
    stages = cards.stage_counts(session, learner_id or 0, everything.keys)
    forecast = cards.due_forecast(session, learner_id or 0, now.date(), FORECAST_DAYS)
    return {
        "rows": rows,
        "total": queue_for(learner_id, everything, now),
        "stages": stages,
        "retention": cards.retention_achieved(session, learner_id or 0),
        "forecast": forecast,
        "due_today": figures.due_today(forecast),
        "forecast_chart": forecast_chart(forecast, now.date()),
        "new_per_day": current_app.config["NEW_CARDS_PER_DAY"],
    }


def retention_percent(learner_id: int | None) -> int:
    default = current_app.config["DESIRED_RETENTION"]
    if learner_id is None:
        return round(default * 100)
    return round(cards.desired_retention_for(get_session(), learner_id, default) * 100)


def save_retention(learner_id: int, retention: float) -> None:
    cards.settings_for(get_session(), learner_id).desired_retention = retention
    get_session().commit()


def front(queue: Queue, scope: Scope, key: CardKey | None = None) -> dict[str, Any]:
    """The front of `key` (by default the queue's next card)."""
    key = key or queue.next
    assert key is not None
    question = deck.find_question(*key)
    presented = present(question, seed=f"{key[0]}/{key[1]}")
    kind = deck.input_kind(question, presented) if scope.mode == "type" else None
    return {
        "scope": scope,
        "queue": queue,
        "key": key,
        "question": question,
        "faces": card_faces(question),
        "presented": presented,
        "input_kind": kind,
        "stage": _stage_of(queue, key),
        "bank_title": bank_title(key[0]),
    }


def bank_title(bank_id: str) -> str:
    bank = get_registry().get(bank_id)
    return bank.title if bank else bank_id


def _stage_of(queue: Queue, key: CardKey) -> str:
    return "learning" if key in queue.learning else "review" if key in queue.review else "new"


def preview_for(learner_id: int | None, key: CardKey, now: datetime) -> Preview:
    """The four outcomes for the buttons, saved with the card's state, except for a visitor
    with no learner yet (page views make none): theirs is a new card's, saved when they rate."""
    session = get_session()
    scheduler = cards.scheduler_for(
        session, learner_id or 0, current_app.config["DESIRED_RETENTION"]
    )
    if learner_id is None:
        preview = scheduler.make_preview(new_card(card_id_for(*key), now), now)
        deck.remember_visitor_preview(key, preview.to_dict())
        return preview
    state = cards.state_for(session, learner_id, *key, now)
    preview = cards.preview_card(session, scheduler, state, now)
    session.commit()
    return preview


def back(
    learner_id: int | None,
    scope: Scope,
    key: CardKey,
    question: Question,
    preview: Preview,
    typed: dict[str, Any] | None,
    now: datetime,
) -> dict[str, Any]:
    suggested = Rating(typed["suggested"]) if typed else Rating.GOOD
    return {
        "scope": scope,
        "queue": queue_for(learner_id, scope, now),
        "question": question,
        "faces": card_faces(question),
        "presented": present(question),
        "buttons": buttons(preview, suggested),
        "preview_at": preview.at.isoformat(),
        "typed": typed,
        "verdict": Verdict.from_dict(typed["verdict"]) if typed else None,
        "stage": card_stage(preview.card),
        "key": key,
        "bank_title": bank_title(key[0]),
    }


def buttons(preview: Preview, suggested: Rating = Rating.GOOD) -> list[Button]:
    """The four rating buttons, each with the interval its previewed outcome schedules."""
    return [
        Button(rating, format_interval(outcome.interval), rating == suggested)
        for rating, outcome in sorted(preview.outcomes.items())
    ]


def typed_record(
    key: CardKey, response: Any, verdict: Verdict, rating: Rating, took_ms: int | None
) -> dict[str, Any]:
    return {
        "key": list(key),
        "response": deck.shown_response(response),
        "verdict": verdict.to_dict(),
        "suggested": int(rating),
        "took_ms": took_ms,
    }


def rate(learner_id: int, key: CardKey, rating: Rating, preview_at: str, now: datetime) -> bool:
    """Apply the rating unless this card's shown preview was already used (a double submit)."""
    log = apply_rating(learner_id, key, rating, preview_at, now)
    get_session().commit()
    deck.forget_card_timing()
    return log is not None


def apply_rating(
    learner_id: int, key: CardKey, rating: Rating, preview_at: str, now: datetime
) -> ReviewLog | None:
    """The rating applied as the buttons shown at `preview_at` scheduled it, not committed;
    None when that preview was already used (a double submit) or is not the card's latest."""
    session = get_session()
    state = cards.get_state(session, learner_id, *key)
    if state is None:  # a first rating from a visitor whose page views saved nothing
        state = cards.state_for(session, learner_id, *key, now)
        shown = deck.visitor_preview(key, preview_at)
        if shown is not None:  # the card and outcomes their buttons showed, applied as shown
            state.card, state.preview = shown["card"], shown
    elif not state.preview or state.preview["at"] != preview_at:
        return None
    typed = deck.typed_for(key)
    took = typed["took_ms"] if typed else deck.elapsed_ms(key, now)
    scheduler = cards.scheduler_for(session, learner_id, current_app.config["DESIRED_RETENTION"])
    source = "typed" if typed else "review"
    return cards.rate_card(session, scheduler, state, rating, now, duration_ms=took, source=source)


def undo_message(log: ReviewLog | None) -> str:
    if log is None:
        return "Nothing to undo: no rating to take back (quiz answers stay answered)."
    return f"Undone: your “{Rating(log.rating).label}” rating. The card is back in the queue."


def export(bank_id: str, kind: str, now: datetime) -> Response:
    # An exam's key is for its authors only: it has no download.
    bank = bank_or_404(bank_id, practice=True, listed=deck.DECKS_LISTED)
    if kind == "csv":
        data, mimetype = export_csv(bank).encode("utf-8"), "text/csv"
    else:
        out = io.BytesIO()
        export_apkg(bank, out, now.timestamp())
        data, mimetype = out.getvalue(), "application/apkg"
    return send_file(
        io.BytesIO(data), mimetype=mimetype, as_attachment=True, download_name=f"{bank.id}.{kind}"
    )
