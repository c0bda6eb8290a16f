"""Flashcards: pick banks, review the cards due today (flip or type), undo, export."""

from __future__ import annotations

from quiz.web.flashcards.routes import bp

__all__ = ["bp"]
