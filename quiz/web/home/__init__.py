"""The home page: every bank, with the learner's standing."""

from __future__ import annotations

from quiz.web.home.routes import bp

__all__ = ["bp"]
