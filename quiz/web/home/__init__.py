"""The home page and the authors' page."""

from __future__ import annotations

from quiz.web.home.routes import bp

__all__ = ["bp"]
