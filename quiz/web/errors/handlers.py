"""The app-wide error pages, in one place; a 500 rolls the request's database work back.

The API (every path under /api/, routes that do not exist included) gets RFC 9457 problem
details (application/problem+json), never a page.
The handlers must not fail themselves: when the page cannot be drawn (the database is down,
say), a plain page with the same message goes out instead.
"""

from __future__ import annotations

from flask import Blueprint, current_app, g, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from markupsafe import escape
from werkzeug.exceptions import HTTPException
from werkzeug.http import HTTP_STATUS_CODES
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
# The API's own defaults: its clients are programs and their authors, not a page's reader.
API_MESSAGES = {
    400: "The request could not be understood; GET /api/openapi.json describes what to send.",
    401: "Authentication failed; send a valid token as `Authorization: Bearer quiz_...`.",
    403: "You may not do that with this account or token.",
    404: "Nothing is at this address; GET /api/openapi.json lists the API's paths.",
    405: "{method} is not allowed on {path}; the Allow header lists the methods that are.",
    413: "The request body is larger than this server takes: {limit} at most.",
    429: "Too many requests came from you; wait a minute and try again.",
}
CSRF_MESSAGE = (
    "Your form expired or came from another page, so it was not accepted for your safety. "
    "Go back, reload the page and send it again."
)
API_500_MESSAGE = "Something went wrong on our side; nothing was saved. Please try again."
API_CSRF_HINT = (
    "Send the token from GET /api/csrf-token in the X-CSRFToken header, "
    "or authenticate with a personal access token (Authorization: Bearer ...) instead."
)
PROBLEM_MIMETYPE = "application/problem+json"
# The error's own headers an API client needs (what the method allows, when to retry, how to
# authenticate); werkzeug's Content-Type for its HTML page is not one of them.
KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate")
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


def problem(status: int, detail: str) -> Response:
    """An RFC 9457 problem: `type` about:blank, so `title` is the status's standard phrase and
    `detail` says what went wrong and how to fix it. `error` repeats `detail` for the clients
    written against the API's first error shape ({"error": ...})."""
    title = HTTP_STATUS_CODES.get(status, "Error")
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    response = jsonify({**body, "error": detail})
    response.status_code = status
    response.mimetype = PROBLEM_MIMETYPE
    return response


def api_error(error: HTTPException) -> Response:
    """An HTTP error as the API's problem details, with the headers that come with it."""
    code = error.code or 500
    detail = _custom(error) or _api_default(code)
    if isinstance(error, CSRFError):  # the API blueprint's 400 handler sees these first
        detail = f"{error.description} {API_CSRF_HINT}"
    if code == 429:  # Flask-Limiter's description is the bare limit ("2 per 1 minute")
        detail = f"{_api_default(code)} (limit: {error.description})"
    response = problem(code, detail)
    # RateLimitExceeded and the like carry a whole response: its headers (Retry-After) count.
    sources = [error.get_headers(), error.response.headers if error.response else []]
    for name, value in (pair for source in sources for pair in source):
        if name in KEPT_HEADERS:
            response.headers[name] = value
    return response


@bp.app_errorhandler(CSRFError)
def csrf_error(error: CSRFError) -> str | Response | tuple[str, int]:
    if wants_json():
        return problem(400, f"{error.description} {API_CSRF_HINT}")
    return render_error(400, CSRF_MESSAGE)


@bp.app_errorhandler(HTTPException)
def http_error(error: HTTPException) -> Response | tuple[str, int]:
    if wants_json():
        return api_error(error)
    # abort(404, "No bank called x") shows its own message; werkzeug's stock texts don't.
    return render_error(error.code or 500, _custom(error))


@bp.app_errorhandler(500)
def internal_error(_error: Exception) -> Response | tuple[str, int]:
    session = g.get("db_session")
    if session is not None:
        try:
            session.rollback()  # the failed request's half-done writes must not leak
        except Exception:  # noqa: BLE001 - a broken connection must not hide the error page
            current_app.logger.exception("rolling back after an error failed")
    if wants_json():
        return problem(500, API_500_MESSAGE)
    return render_error(500)


def _api_default(code: int) -> str:
    text = API_MESSAGES.get(code) or error_message(code)[1]
    return text.format(method=request.method, path=request.path, limit=_request_limit())


def _custom(error: HTTPException) -> str | None:
    return error.description if error.description != type(error).description else None


def _request_limit() -> str:
    limit = current_app.config.get("MAX_CONTENT_LENGTH") or 0
    return f"{limit // 1024:,} KB" if limit >= 1024 else f"{limit:,} bytes"
