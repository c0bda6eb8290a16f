"""Saved progress: typed SQLAlchemy models, short functions taking a Session, and migrations.

Nothing here imports Flask: the web layer's per-request glue lives in `quiz.web.database`,
and the CLI and the tests use these functions directly.
"""

from __future__ import annotations

from quiz.storage.engine import make_engine, make_sessionmaker
from quiz.storage.learners import (
    check_password,
    create_learner,
    find_learner_by_username,
    get_learner,
    merge_learner,
    register_learner,
)
from quiz.storage.mastery import (
    MASTERY_DEFINITION,
    MASTERY_STREAK,
    is_mastered,
    mastered_by_bank,
    mastered_question_ids,
)
from quiz.storage.models import Attempt, Base, Learner, QuizRun
from quiz.storage.progress import BankProgress, progress_by_bank
from quiz.storage.runs import attempts_for_run, finish_run, get_run, record_attempt, start_run

__all__ = [
    "MASTERY_DEFINITION",
    "MASTERY_STREAK",
    "Attempt",
    "BankProgress",
    "Base",
    "Learner",
    "QuizRun",
    "attempts_for_run",
    "check_password",
    "create_learner",
    "find_learner_by_username",
    "finish_run",
    "get_learner",
    "get_run",
    "is_mastered",
    "make_engine",
    "make_sessionmaker",
    "mastered_by_bank",
    "mastered_question_ids",
    "merge_learner",
    "progress_by_bank",
    "record_attempt",
    "register_learner",
    "start_run",
]
