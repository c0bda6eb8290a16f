"""The progress page, for whoever is answering (signed in or anonymous)."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, current_app, render_template

from quiz.storage.mastery import MASTERY_DEFINITION
from quiz.web.auth import current_learner_or_none
from quiz.web.banks_registry import get_registry
from quiz.web.database import get_session
from quiz.web.progress.cards import card_summary
from quiz.web.progress.page import progress_page

bp = Blueprint("progress", __name__)


@bp.get("/progress")
def index() -> str:
    # Looking creates no learner: someone who never answered sees the empty state.
    learner = current_learner_or_none()
    today = datetime.now(UTC).date()
    # The figures are kept up to date as answers are written: read, never cached here (a
    # second server must see the same numbers at once).
    page = progress_page(
        get_session(), learner.id if learner else None, get_registry().banks, today
    )
    retention = current_app.config["DESIRED_RETENTION"]
    cards = (
        card_summary(get_session(), learner.id, get_registry().practice_banks, today, retention)
        if learner
        else None
    )
    return render_template(
        "progress/index.html", page=page, cards=cards, mastery=MASTERY_DEFINITION
    )
