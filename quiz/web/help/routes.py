"""The help page: a glossary the other pages link into (/help#mastered, /help#streak, ...)."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template

from quiz.core import item_analysis, wrong_answers
from quiz.core.scheduling import MATURE_DAYS
from quiz.storage.cards import RECENT_ANSWERS
from quiz.storage.mastery import MASTERY_DEFINITION

bp = Blueprint("help", __name__)


@bp.get("/help")
def index() -> str:
    return render_template(
        "help/index.html",
        mastery=MASTERY_DEFINITION,
        retention=current_app.config["DESIRED_RETENTION"],  # this install's default
        mature_days=MATURE_DAYS,
        recent_answers=RECENT_ANSWERS,
        analysis=item_analysis,
        near_edits=wrong_answers.NEAR_EDITS,
    )
