"""The authors' workspace: bank files and their problems, question previews, item analysis."""

from __future__ import annotations

from quiz.web.authors import accepting  # noqa: F401  (its routes join the blueprint)
from quiz.web.authors.routes import bp

__all__ = ["bp"]
