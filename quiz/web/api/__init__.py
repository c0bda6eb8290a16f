"""The JSON API: read banks and questions without answers, answer, read progress."""

from __future__ import annotations

from quiz.web.api.routes import bp

__all__ = ["bp"]
