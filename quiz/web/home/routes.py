"""The home page: every bank, with the learner's standing (and, for authors, broken banks)."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, render_template

from quiz.core.bank import Bank
from quiz.core.exams import allows_practice
from quiz.storage import BankProgress, progress_by_bank
from quiz.storage.mastery import MASTERY_DEFINITION
from quiz.web import figures
from quiz.web.auth import current_learner_or_none, is_author
from quiz.web.banks_registry import get_registry
from quiz.web.database import get_session

bp = Blueprint("home", __name__)


@dataclass(frozen=True)
class BankCard:
    """One bank as the home page shows it."""

    bank: Bank
    quiz_count: int
    card_count: int
    progress: BankProgress | None
    mastered: int
    best_score: float | None
    practice: bool  # False for an exam: no flashcards


@bp.get("/")
def index() -> str:
    learner = current_learner_or_none()
    progress = progress_by_bank(get_session(), learner.id) if learner else {}
    registry = get_registry()
    banks = sorted(registry.banks.values(), key=lambda bank: bank.title.casefold())
    cards = [bank_card(bank, progress.get(bank.id)) for bank in banks]
    broken = len(registry.broken) if is_author() else 0  # only authors hear of broken files
    return render_template(
        "home/index.html", cards=cards, mastery=MASTERY_DEFINITION, broken=broken
    )


def bank_card(bank: Bank, progress: BankProgress | None) -> BankCard:
    return BankCard(
        bank,
        figures.question_count(bank),
        figures.card_count(bank),
        progress,
        figures.mastered_count(bank, progress),
        figures.best_score(progress),
        allows_practice(bank),
    )
