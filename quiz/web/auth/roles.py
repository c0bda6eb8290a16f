"""The author role at the web's edge: authors' pages answer 404 to everyone else, so a learner
or a passer-by learns nothing, not even that the page exists."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from flask import abort
from flask_login import current_user

P = ParamSpec("P")
R = TypeVar("R")


def is_author() -> bool:
    """Whether this request comes from a signed-in account holding the author role.

    Flask-Login's loader reads the account on every request, so a revoked role takes
    effect on the next page, not at the next sign-in."""
    return bool(current_user.is_authenticated and getattr(current_user, "is_author", False))


def require_author() -> None:
    """A blueprint's before_request hook: 404 unless an author asks (so no route is forgotten)."""
    if not is_author():
        abort(404)


def author_required(view: Callable[P, R]) -> Callable[P, R]:
    """Let only authors in; anyone else gets the ordinary 404 page (not 403, not a redirect)."""

    @wraps(view)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
        if not is_author():
            abort(404)
        return view(*args, **kwargs)

    return guarded
