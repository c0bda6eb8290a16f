"""The home page: every bank, with the learner's standing (and, for authors, broken banks)."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, render_template

from quiz.core.bank import Bank
from quiz.core.exams import allows_practice
from quiz.storage import BankProgress, progress_by_bank
from quiz.storage.db import get_session
from quiz.storage.mastery import MASTERY_DEFINITION
from quiz.web.auth import current_learner, is_author
from quiz.web.banks_registry import get_registry

bp = Blueprint("home", __name__)


@dataclass(frozen=True)
class BankCard:
    """One bank as the home page shows it."""

    bank: Bank
    quiz_count: int
    card_count: int
    progress: BankProgress | None
    mastered: int
    practice: bool  # False for an exam: no flashcards

    @property
    def flashcard_count(self) -> int:
        return self.quiz_count + self.card_count if self.practice else 0


@bp.get("/")
def index() -> str:
    learner = current_learner(create=False)
    progress = progress_by_bank(get_session(), learner.id) if learner else {}
    registry = get_registry()
    banks = sorted(registry.banks.values(), key=lambda bank: bank.title.casefold())
    cards = [bank_card(bank, progress.get(bank.id)) for bank in banks]
    broken = len(registry.broken) if is_author() else 0  # only authors hear of broken files
    return render_template(
        "home/index.html", cards=cards, mastery=MASTERY_DEFINITION, broken=broken
    )


def bank_card(bank: Bank, progress: BankProgress | None) -> BankCard:
    quiz_count = len(bank.quiz_questions)
    # A question removed from the bank keeps its history but no longer counts as mastered here.
    current = {question.id for question in bank.questions}
    mastered = len(progress.mastered & current) if progress else 0
    return BankCard(
        bank, quiz_count, len(bank.questions) - quiz_count, progress, mastered,
        allows_practice(bank),
    )  # fmt: skip
