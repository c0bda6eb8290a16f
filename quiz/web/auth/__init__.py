"""Accounts: register, sign in, sign out, and who the current learner is."""

from __future__ import annotations

from quiz.web.auth.learner import Account, current_learner, current_learner_or_none, login_manager
from quiz.web.auth.roles import author_required, is_author
from quiz.web.auth.routes import bp
from quiz.web.auth.tokens import create_api_token  # registers the token views on bp

__all__ = [
    "Account",
    "author_required",
    "bp",
    "create_api_token",
    "current_learner",
    "current_learner_or_none",
    "is_author",
    "login_manager",
]
