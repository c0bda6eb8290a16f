"""The app-wide error pages, in one place; a 500 rolls the request's database work back."""

from __future__ import annotations

from flask import Blueprint, g, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

bp = Blueprint("errors", __name__)

MESSAGES = {
    400: ("Bad request", "The page could not understand what was sent. Please try again."),
    403: ("Not allowed", "You don't have permission to see this page."),
    404: (
        "Page not found",
        "There is nothing at this address. It may have moved or never existed.",
    ),
    405: ("Not allowed", "This page can't be used that way."),
    429: ("Too many attempts", "Too many requests came from you. Wait a minute and try again."),
    500: ("Something went wrong", "An error on our side stopped this page. Please try again."),
}
CSRF_MESSAGE = (
    "Your form expired or came from another page, so it was not accepted for your safety. "
    "Go back, reload the page and send it again."
)


def render_error(code: int, message: str | None = None) -> tuple[str, int]:
    title, default = MESSAGES.get(code, MESSAGES[400])
    return render_template(
        "errors/error.html", code=code, title=title, message=message or default
    ), code


@bp.app_errorhandler(CSRFError)
def csrf_error(_error: CSRFError) -> tuple[str, int]:
    return render_error(400, CSRF_MESSAGE)


@bp.app_errorhandler(HTTPException)
def http_error(error: HTTPException) -> tuple[str, int]:
    # abort(404, "No bank called x") shows its own message; werkzeug's stock texts don't.
    code = error.code or 500
    custom = error.description if error.description != type(error).description else None
    return render_error(code, custom)


@bp.app_errorhandler(500)
def internal_error(_error: Exception) -> tuple[str, int]:
    session = g.get("db_session")
    if session is not None:
        session.rollback()  # the failed request's half-done writes must not leak into the next
    return render_error(500)
