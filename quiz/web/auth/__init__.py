"""Accounts: register, sign in, sign out, and who the current learner is."""

from __future__ import annotations

from quiz.web.auth.learner import Account, current_learner, login_manager
from quiz.web.auth.routes import bp

__all__ = ["Account", "bp", "current_learner", "login_manager"]
