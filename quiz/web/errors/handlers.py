"""The app-wide error pages, in one place; a 500 rolls the request's database work back.

The API (every path under /api/, routes that do not exist included) gets JSON, never a page.
The handlers must not fail themselves: when the page cannot be drawn (the database is down,
say), a plain page with the same message goes out instead.
"""

from __future__ import annotations

from flask import Blueprint, current_app, g, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from markupsafe import escape
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

bp = Blueprint("errors", __name__)

API_PREFIX = "/api/"
MESSAGES = {
    400: ("Bad request", "The page could not understand what was sent. Please try again."),
    403: ("Not allowed", "You don't have permission to see this page."),
    404: (
        "Page not found",
        "There is nothing at this address. It may have moved or never existed.",
    ),
    405: ("Not allowed", "This page can't be used that way."),
    413: ("Too much sent", "That was more than this site takes in one go: {limit} at most."),
    429: ("Too many attempts", "Too many requests came from you. Wait a minute and try again."),
    500: ("Something went wrong", "An error on our side stopped this page. Please try again."),
}
CSRF_MESSAGE = (
    "Your form expired or came from another page, so it was not accepted for your safety. "
    "Go back, reload the page and send it again."
)
API_500_MESSAGE = "Something went wrong on our side; nothing was saved. Please try again."
FALLBACK_PAGE = (
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>{title}</title>'
    '<h1>{title}</h1><p>{message}</p><p><a href="/">Back to the quizzes</a></p></html>'
)


def wants_json() -> bool:
    return request.path.startswith(API_PREFIX)


def error_message(code: int, message: str | None = None) -> tuple[str, str]:
    """(title, message) for an error page or an API error."""
    title, default = MESSAGES.get(code, MESSAGES[400])
    return title, message or default.format(limit=_request_limit())


def render_error(code: int, message: str | None = None) -> tuple[str, int]:
    title, text = error_message(code, message)
    try:
        page = render_template("errors/error.html", code=code, title=title, message=text)
    except Exception:  # noqa: BLE001 - the error page must answer whatever broke the app
        current_app.logger.exception("the error page for %s could not be drawn", code)
        page = FALLBACK_PAGE.format(title=escape(title), message=escape(text))
    return page, code


def api_error(error: HTTPException) -> tuple[Response, int]:
    """An HTTP error as the API's JSON: {"error": "what went wrong and how to fix it"}."""
    code = error.code or 500
    return jsonify({"error": error_message(code, _custom(error))[1]}), code


@bp.app_errorhandler(CSRFError)
def csrf_error(error: CSRFError) -> tuple[str | Response, int]:
    if wants_json():
        return jsonify({"error": f"{error.description} Send the X-CSRFToken header."}), 400
    return render_error(400, CSRF_MESSAGE)


@bp.app_errorhandler(HTTPException)
def http_error(error: HTTPException) -> tuple[str | Response, int]:
    if wants_json():
        return api_error(error)
    # abort(404, "No bank called x") shows its own message; werkzeug's stock texts don't.
    return render_error(error.code or 500, _custom(error))


@bp.app_errorhandler(500)
def internal_error(_error: Exception) -> tuple[str | Response, int]:
    session = g.get("db_session")
    if session is not None:
        try:
            session.rollback()  # the failed request's half-done writes must not leak
        except Exception:  # noqa: BLE001 - a broken connection must not hide the error page
            current_app.logger.exception("rolling back after an error failed")
    if wants_json():
        return jsonify({"error": API_500_MESSAGE}), 500
    return render_error(500)


def _custom(error: HTTPException) -> str | None:
    return error.description if error.description != type(error).description else None


def _request_limit() -> str:
    limit = current_app.config.get("MAX_CONTENT_LENGTH") or 0
    return f"{limit // 1024:,} KB" if limit >= 1024 else f"{limit:,} bytes"
