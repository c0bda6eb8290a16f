"""The JSON API: read banks and questions without answers, answer, take quiz runs, read
progress, review flashcards, and (for authors) read a bank's results."""

from __future__ import annotations

from quiz.web.api import flashcards, results, runs
from quiz.web.api.routes import bp

# Nested under /api, so the API's JSON error handlers answer for them too.
bp.register_blueprint(flashcards.bp)
bp.register_blueprint(results.bp)
bp.register_blueprint(runs.bp)

__all__ = ["bp"]
