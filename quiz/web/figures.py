"""The figures more than one page shows, each computed by one function and written by one filter.

A figure that two pages compute or format each their own way drifts apart (64 % on one page,
65 % on the next); every page and the API read these instead. The Help page defines each one.
"""

from __future__ import annotations

import math

from flask import Flask

from quiz.core.bank import Bank
from quiz.core.exams import allows_practice
from quiz.core.wording import counted
from quiz.storage import BankProgress


def question_count(bank: Bank) -> int:
    """Quiz questions: what a run asks and what mastery and best scores are out of (no cards)."""
    return len(bank.quiz_questions)


def card_count(bank: Bank) -> int:
    """Flashcards: every question of the bank, the quiz questions and the card-only ones;
    none for an exam (it keeps its key, so it has no flashcards)."""
    return len(bank.questions) if allows_practice(bank) else 0


def best_score(progress: BankProgress | None) -> float | None:
    """The best finished run's score, 0..1 (None: no finished run)."""
    return progress.best_score if progress else None


def mastered_count(bank: Bank, progress: BankProgress | None) -> int:
    """Mastered quiz questions still in the bank (a removed one keeps its history, not credit)."""
    if progress is None:
        return 0
    return len(progress.mastered & {question.id for question in bank.quiz_questions})


def due_today(forecast: list[int]) -> int:
    """Cards due by the end of today (UTC), overdue ones included: day 0 of the due forecast."""
    return forecast[0] if forecast else 0


def percent(share: float | None) -> str:
    """A share 0..1 as a whole percentage, halves rounded up (64.5 → 65); "—" for no value.
    The only way a percentage reaches a page."""
    return "—" if share is None else f"{math.floor(100 * share + 0.5)}%"


def count_of(count: int, singular: str, plural: str | None = None) -> str:
    """The `counted` phrase as a filter: {{ n | count_of("question") }}."""
    return counted(count, singular, plural)


def init_app(app: Flask) -> None:
    app.add_template_filter(percent, "percent")
    app.add_template_filter(count_of, "count_of")
    app.context_processor(lambda: {"question_count": question_count, "card_count": card_count})
