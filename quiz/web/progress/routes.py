"""The progress page, for whoever is answering (signed in or anonymous)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from flask import Blueprint, current_app, render_template

from quiz.storage.db import get_session
from quiz.storage.mastery import MASTERY_DEFINITION
from quiz.storage.stats import history_stamp
from quiz.web.auth import current_learner
from quiz.web.banks_registry import get_registry
from quiz.web.flashcards.deck import desired_retention
from quiz.web.progress.cache import RecentCache
from quiz.web.progress.cards import card_summary
from quiz.web.progress.page import ProgressPage, progress_page

bp = Blueprint("progress", __name__)
_pages = RecentCache()


@bp.get("/progress")
def index() -> str:
    # Looking creates no learner: someone who never answered sees the empty state.
    learner = current_learner(create=False)
    today = datetime.now(UTC).date()
    page = _progress_page(learner.id if learner else None, today)
    retention = desired_retention()
    cards = (
        card_summary(get_session(), learner.id, get_registry().practice_banks, today, retention)
        if learner
        else None
    )
    return render_template(
        "progress/index.html", page=page, cards=cards, mastery=MASTERY_DEFINITION
    )


def _progress_page(learner_id: int | None, today: date) -> ProgressPage:
    banks = get_registry().banks
    if learner_id is None:
        return progress_page(get_session(), None, banks, today)
    # Keyed on everything the figures come from: the app's database, the learner's history,
    # the day (streaks, charts) and the loaded banks (a reloaded bank is a new object).
    key = (
        current_app.config["DATABASE_URL"], id(current_app), learner_id, today,
        history_stamp(get_session(), learner_id), tuple(map(id, banks.values())),
    )  # fmt: skip
    return _pages.get_or_make(key, lambda: progress_page(get_session(), learner_id, banks, today))
