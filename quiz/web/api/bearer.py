"""Bearer authentication for the API: `Authorization: Bearer quiz_...` makes a request its
token's account's, without cookies and without a CSRF token.

CSRF guards against a browser sending its cookies on another site's behalf; a browser never
adds an Authorization header by itself, so a request that proves itself with a token needs
no CSRF token. Everything else (cookie sessions) keeps the CSRF check. A request that sends
an Authorization header is judged by it alone: a bad, revoked or malformed token is a 401,
never a fall back to the session cookie riding along.
"""

from __future__ import annotations

from flask import g, request
from flask_wtf import CSRFProtect
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import Forbidden, Unauthorized

from quiz.storage.models import ApiToken, Learner, utcnow
from quiz.storage.tokens import find_token, touch_token
from quiz.web.auth.learner import Account, login_manager
from quiz.web.database import get_session
from quiz.web.errors.handlers import API_PREFIX

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
INVALID_TOKEN = (
    "The bearer token is not valid: it was revoked, mistyped or never existed. "
    "Send `Authorization: Bearer quiz_...` with a token from your account page."
)
READ_ONLY = (
    "This token is read-only: it can read but not change anything. "
    "Create a read-write token on your account page to {method} here."
)


class CSRFUnlessBearer(CSRFProtect):
    """Flask-WTF's CSRF check, skipped for requests a bearer token authenticated."""

    def protect(self, apply_exemptions: bool = False) -> None:
        if apply_exemptions and bearer_token() is not None:
            return
        super().protect(apply_exemptions)


def bearer_token() -> ApiToken | None:
    """The token that authenticated this request, if one did."""
    token: ApiToken | None = g.get("api_token")
    return token


def authenticate_bearer() -> None:
    """before_request, ahead of the CSRF check: an API request with an Authorization header
    acts as the token's account, or is refused (401 bad token, 403 read-only writing)."""
    if not request.path.startswith(API_PREFIX) or "Authorization" not in request.headers:
        return
    found = find_token(get_session(), _secret(request.headers["Authorization"]))
    if found is None:
        challenge = WWWAuthenticate("bearer", {"error": "invalid_token"})
        raise Unauthorized(INVALID_TOKEN, www_authenticate=challenge)
    token, learner = found
    if token.read_only and request.method not in SAFE_METHODS:
        raise Forbidden(READ_ONLY.format(method=request.method))
    if touch_token(get_session(), token, utcnow()):
        get_session().commit()
    g.api_token = token
    _act_as(learner)


def _secret(header: str) -> str:
    scheme, _, secret = header.strip().partition(" ")
    return secret.strip() if scheme.casefold() == "bearer" else ""


def _act_as(learner: Learner) -> None:
    # What login_user() does for the request, minus the session: nothing is written to a
    # cookie, and current_user (so current_learner and the author role) is the token's owner.
    login_manager._update_request_context_with_user(Account(learner))
