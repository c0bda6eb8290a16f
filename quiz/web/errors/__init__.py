"""Error pages."""

from __future__ import annotations

from quiz.web.errors.handlers import bp, render_error

__all__ = ["bp", "render_error"]
