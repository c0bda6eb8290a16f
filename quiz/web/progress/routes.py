"""The progress page, for whoever is answering (signed in or anonymous)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from flask import Blueprint, current_app, render_template
from markupsafe import Markup

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
    body = _body(learner.id if learner else None, today)
    return render_template("progress/index.html", body=body)


def _body(learner_id: int | None, today: date) -> Markup:
    """The page's learner-specific part, from the figures kept up to date as answers are
    written."""
    page = progress_page(get_session(), learner_id, get_registry().banks, today)
    retention = current_app.config["DESIRED_RETENTION"]
    cards = (
        card_summary(get_session(), learner_id, get_registry().practice_banks, today, retention)
        if learner_id is not None
        else None
    )
    html = render_template("progress/body.html", page=page, cards=cards, mastery=MASTERY_DEFINITION)
    return Markup(html)
