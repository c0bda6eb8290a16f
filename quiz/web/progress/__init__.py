"""The progress page: a learner's accuracy, mastery, streaks and weakest questions."""

from __future__ import annotations

from quiz.web.progress.routes import bp

__all__ = ["bp"]
