"""The progress page, for whoever is answering (signed in or anonymous)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from flask import Blueprint, current_app, render_template
from markupsafe import Markup

from quiz.storage.mastery import MASTERY_DEFINITION
from quiz.web.auth import current_learner_or_none
from quiz.web.banks_registry import get_registry
from quiz.web.database import get_session
from quiz.web.progress.cache import kept_page
from quiz.web.progress.cards import card_summary
from quiz.web.progress.page import progress_page

bp = Blueprint("progress", __name__)


@bp.get("/progress")
def index() -> str:
    # Looking creates no learner: someone who never answered sees the empty state.
    learner = current_learner_or_none()
    today = datetime.now(UTC).date()
    if learner is None:
        body = _draw(None, today)
    else:
        body = kept_page(learner.id, today, lambda: _draw(learner.id, today))
    return render_template("progress/index.html", body=body)


def _draw(learner_id: int | None, today: date) -> Markup:
    """The page's learner-specific part, from the figures kept up to date as answers are
    written (the session-specific rest is drawn around it on every request)."""
    page = progress_page(get_session(), learner_id, get_registry().banks, today)
    retention = current_app.config["DESIRED_RETENTION"]
    practice = get_registry().practice_banks
    cards = (
        card_summary(get_session(), learner_id, practice, today, retention)
        if learner_id is not None
        else None
    )
    body = render_template("progress/body.html", page=page, cards=cards, mastery=MASTERY_DEFINITION)
    return Markup(body)
