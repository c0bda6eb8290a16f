"""What the flashcard views share: the banks in scope, the card asked, settings, timing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import request, session
from werkzeug.datastructures import MultiDict

from quiz.core.bank import Bank, Question
from quiz.core.grading import response_shape
from quiz.core.presentation import Presented
from quiz.core.scheduling import CardKey
from quiz.web.banks_registry import bank_or_404, get_registry, question_or_404

MODES = ("flip", "type")
SHOWN_KEY = "flashcard_shown"  # which card's front was shown, and when (answer times)
TYPED_KEY = "flashcard_typed"  # the typed answer's verdict, for the back page
VISITOR_PREVIEW_KEY = "flashcard_visitor_preview"  # buttons shown before any learner exists
DECKS_LISTED = "the Flashcards page lists the decks"


@dataclass(frozen=True)
class Scope:
    """The banks under review (all of them unless some were picked) and the review mode."""

    banks: tuple[Bank, ...]
    picked: bool
    mode: str

    @property
    def keys(self) -> list[CardKey]:
        return [(bank.id, question.id) for bank in self.banks for question in bank.questions]

    @property
    def args(self) -> dict[str, Any]:
        """Query arguments that rebuild this scope, for url_for."""
        banks = {"bank": [bank.id for bank in self.banks]} if self.picked else {}
        return {**banks, "mode": self.mode}

    @property
    def title(self) -> str:
        return ", ".join(b.title for b in self.banks) if self.picked else "All banks"


def scope_from(args: MultiDict[str, str]) -> Scope:
    """The scope named by `bank` arguments (none: every bank); 404 on an unknown bank."""
    ids = list(dict.fromkeys(args.getlist("bank")))
    # Exams have no flashcards: they are not in the deck.
    banks = [bank_or_404(bank_id, practice=True, listed=DECKS_LISTED) for bank_id in ids]
    mode = args.get("mode", "flip") if args.get("mode") in MODES else "flip"
    if not ids:
        banks = sorted(get_registry().practice_banks.values(), key=lambda b: b.title.casefold())
    return Scope(tuple(banks), bool(ids), mode)


def current_scope() -> Scope:
    return scope_from(request.args)


def find_question(bank_id: str, question_id: str) -> Question:
    """The card's question, else a 404 (exam banks have no cards)."""
    return question_or_404(bank_id, question_id, practice=True, listed=DECKS_LISTED)[1]


def mark_shown(key: CardKey, now: datetime) -> None:
    """Remember when this card's front was shown (kept on reload: the clock runs from the first)."""
    shown = session.get(SHOWN_KEY)
    if not shown or shown.get("key") != list(key):
        session[SHOWN_KEY] = {"key": list(key), "at": now.isoformat()}


def elapsed_ms(key: CardKey, now: datetime) -> int | None:
    shown = session.get(SHOWN_KEY)
    if not shown or shown.get("key") != list(key):
        return None
    return max(0, int((now - datetime.fromisoformat(shown["at"])).total_seconds() * 1000))


def typed_for(key: CardKey) -> dict[str, Any] | None:
    typed = session.get(TYPED_KEY)
    return typed if typed and typed.get("key") == list(key) else None


def forget_card_timing() -> None:
    session.pop(SHOWN_KEY, None)
    session.pop(TYPED_KEY, None)


def remember_visitor_preview(key: CardKey, preview: dict[str, Any]) -> None:
    """Keep the buttons shown to a visitor with no learner yet (nothing of theirs is saved
    until they rate) in their signed session, so the first rating applies exactly those."""
    session[VISITOR_PREVIEW_KEY] = {"key": list(key), "preview": preview}


def visitor_preview(key: CardKey, preview_at: str) -> dict[str, Any] | None:
    """The preview kept for this card if it is the one the submitted form showed; used once."""
    kept = session.pop(VISITOR_PREVIEW_KEY, None)
    if not kept or kept.get("key") != list(key) or kept["preview"].get("at") != preview_at:
        return None
    preview: dict[str, Any] = kept["preview"]
    return preview


def input_kind(question: Question, presented: Presented) -> str | None:
    """How the typed mode takes this answer; None: it can only be flipped (card, order, match)."""
    if question.type in ("card", "order", "match"):
        return None
    if question.type == "cloze":
        return "blanks"
    if presented.multiple:
        return "checkboxes"
    return "radios" if presented.choices else "text"


def typed_response(question: Question, form: MultiDict[str, str]) -> Any:
    """The response as the grader takes it, from the answer form's fields."""
    match response_shape(question):
        case "list" if question.type == "cloze":
            return [form.get(f"blank-{i}", "") for i in range(len(question.key.segments) - 1)]
        case "list":
            return form.getlist("answer")
    return form.get("answer", "")


def shown_response(response: Any) -> str:
    return "; ".join(response) if isinstance(response, list) else str(response)
