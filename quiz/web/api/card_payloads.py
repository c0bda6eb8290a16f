"""The JSON shapes of the flashcard API (described in openapi.yaml): the same faces, buttons
and intervals as the flashcard pages draw."""

from __future__ import annotations

from datetime import datetime

from flask import url_for

from quiz.core.bank import Question
from quiz.core.card_faces import card_faces
from quiz.core.presentation import present
from quiz.core.scheduling import CardKey, Preview, Queue, Rating, card_stage, format_interval
from quiz.storage.models import ReviewLog
from quiz.web.flashcards.pages import Button, bank_title


def card_ref(key: CardKey, stage: str) -> dict[str, object]:
    """A card in a list: its keys, its stage and where to read its two sides."""
    bank_id, question_id = key
    return {
        "bank_id": bank_id,
        "question_id": question_id,
        "stage": stage,
        "front_url": url_for(".front", bank_id=bank_id, question_id=question_id),
        "back_url": url_for(".back", bank_id=bank_id, question_id=question_id),
    }


def queue_cards(queue: Queue) -> list[tuple[CardKey, str]]:
    """The queue in the order the review pages show it, each card with its stage."""
    return [
        *((key, "learning") for key in queue.learning),
        *((key, "review") for key in queue.review),
        *((key, "new") for key in queue.new),
    ]


def due_payload(
    queue: Queue, page: list[tuple[CardKey, str]], next_link: str | None, new_per_day: int
) -> dict[str, object]:
    comes_back = queue.comes_back_at
    counts = {"new": len(queue.new), "learning": len(queue.learning), "review": len(queue.review)}
    return {
        "counts": counts,
        "total": len(queue),
        "new_per_day": new_per_day,
        "comes_back_at": comes_back.isoformat() if comes_back else None,
        "cards": [card_ref(key, stage) for key, stage in page],
        "next": next_link,
    }


def front_payload(question: Question, key: CardKey, stage: str) -> dict[str, object]:
    """The front as the review page shows it: never the answer."""
    faces = card_faces(question)
    return {
        **_card_head(question, key, stage),
        "prompt": present(question).prompt,
        "front": faces.front,
        "options": list(faces.options),
    }


def back_payload(
    question: Question, key: CardKey, preview: Preview, buttons: list[Button]
) -> dict[str, object]:
    """The back as the page shows it: the answer, explanation and quote, and the four buttons
    with the intervals they schedule (send `preview_at` back with the rating)."""
    faces = card_faces(question)
    source = question.source_sentence
    return {
        **_card_head(question, key, card_stage(preview.card)),
        "front": faces.front,
        "answer": faces.answer,
        "explanation": faces.explanation,
        "quote": question.quote,
        "source_sentence": source.to_dict() if source else None,
        "preview_at": preview.at.isoformat(),
        "buttons": [_button(b, preview) for b in buttons],
        "rate_url": url_for(".rate", bank_id=key[0], question_id=key[1]),
    }


def _card_head(question: Question, key: CardKey, stage: str) -> dict[str, object]:
    return {
        "bank_id": key[0],
        "question_id": key[1],
        "bank_title": bank_title(key[0]),
        "type": question.type,
        "stage": stage,
    }


def _button(button: Button, preview: Preview) -> dict[str, object]:
    return {
        "rating": int(button.rating),
        "label": button.rating.label,
        "interval": button.interval,
        "interval_seconds": preview.outcomes[button.rating].interval.total_seconds(),
        "suggested": button.suggested,
    }


def rated_payload(
    log: ReviewLog, now: datetime, next_card: tuple[CardKey, str] | None
) -> dict[str, object]:
    """What a rating did: the card's next due time and interval, and the queue's next card."""
    due = datetime.fromisoformat(log.card_after["due"])
    return {
        "bank_id": log.bank_id,
        "question_id": log.question_id,
        "rating": log.rating,
        "label": Rating(log.rating).label,
        "reviewed_at": now.isoformat(),
        "due": due.isoformat(),
        "interval": format_interval(due - now),
        "interval_seconds": (due - now).total_seconds(),
        "stage": card_stage(log.card_after),
        "next_card": card_ref(*next_card) if next_card else None,
    }


def undo_payload(log: ReviewLog | None, message: str) -> dict[str, object]:
    undone = None
    if log is not None:
        undone = {
            "bank_id": log.bank_id,
            "question_id": log.question_id,
            "rating": log.rating,
            "label": Rating(log.rating).label,
            "due": log.card_before["due"],
        }
    return {"undone": undone, "message": message}
