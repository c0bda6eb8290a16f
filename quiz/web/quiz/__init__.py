"""Taking a quiz in the browser: start a run, answer, see each verdict and the score."""

from __future__ import annotations

from quiz.web.quiz.routes import bp

__all__ = ["bp"]
