"""Sign-in throttling with Flask-Limiter: failed attempts are counted per account and per
client address, in storage every app server shares (the database, or Redis when
`RATELIMIT_STORAGE_URI` names one), and past the limit the answer is 429, logged.

Each app gets its own Limiter: one module-level Limiter would follow whichever app called
`init_app` last (several apps live side by side in tests and in tools).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask, current_app, request
from flask_limiter import Limiter, RequestLimit
from flask_login import current_user

from quiz.storage.rate_limits import SCHEME
from quiz.web.database import get_engine

EXTENSION_KEY = "quiz.throttle"
# Flask-Limiter's settings for limits on every request (QUIZ_RATELIMIT_DEFAULT and the like).
APP_WIDE_LIMITS = ("RATELIMIT_DEFAULT", "RATELIMIT_APPLICATION", "RATELIMIT_META")
TOO_MANY_SIGN_INS = (
    "Too many sign-in attempts for this account or from this network. "
    "Wait a few minutes, then try again."
)
TOO_MANY_REGISTRATIONS = (
    "Too many accounts created from this network. Wait a while, then try again."
)
TOO_MANY_PASSWORD_CHANGES = (
    "Too many attempts to change this account's password. Wait a few minutes, then try again."
)


def init_app(app: Flask) -> None:
    """Make this app's limiter and put the limits on the sign-in, register and account views."""
    if app.config["RATELIMIT_STORAGE_URI"].startswith(f"{SCHEME}://"):
        options = app.config.setdefault("RATELIMIT_STORAGE_OPTIONS", {})
        options["engine"] = get_engine(app)
    limiter = Limiter(key_func=client_address, on_breach=log_breach)
    limiter.init_app(app)
    if not any(app.config.get(name) for name in APP_WIDE_LIMITS):
        # Flask-Limiter checks every request in a before_request hook, for app-wide limits;
        # with none set (the default) it only finds nothing to do, at ~60 µs a request on
        # every page. The limits below are checked by their view decorators, not the hook.
        app.before_request_funcs[None].remove(limiter._check_request_limit)
    app.extensions[EXTENSION_KEY] = limiter
    config = app.config
    _limit(app, limiter, "auth.login", config["LOGIN_LIMIT_PER_ACCOUNT"], account_key,
           TOO_MANY_SIGN_INS)  # fmt: skip
    _limit(app, limiter, "auth.login", config["LOGIN_LIMIT_PER_ADDRESS"], client_address,
           TOO_MANY_SIGN_INS)  # fmt: skip
    _limit(app, limiter, "auth.register", config["REGISTER_LIMIT_PER_ADDRESS"], client_address,
           TOO_MANY_REGISTRATIONS, only_failures=False)  # fmt: skip
    _limit(app, limiter, "auth.account", config["LOGIN_LIMIT_PER_ACCOUNT"], signed_in_key,
           TOO_MANY_PASSWORD_CHANGES)  # fmt: skip


def _limit(
    app: Flask,
    limiter: Limiter,
    endpoint: str,
    limits: str,
    key: Callable[[], str],
    message: str,
    only_failures: bool = True,
) -> None:
    # Signing in counts only POSTs that failed (a success redirects): whoever types the right
    # password isn't slowed, someone guessing is. Every new account costs a hash: all count.
    decorate = limiter.limit(
        limits,
        key_func=key,
        methods=["POST"],
        error_message=message,
        deduct_when=(lambda response: response.status_code != 302) if only_failures else None,
        scope=f"{endpoint}:{key.__name__}",
    )
    app.view_functions[endpoint] = decorate(app.view_functions[endpoint])  # type: ignore[assignment]


def client_address() -> str:
    # Behind a proxy, QUIZ_BEHIND_PROXY makes this the client's address, not the proxy's.
    return request.remote_addr or "unknown"


def account_key() -> str:
    # Without NUL: PostgreSQL cannot store it, and the counter is written even when the form
    # refuses the name.
    name = (request.form.get("username") or "").replace("\x00", "")
    return "account:" + name.strip().casefold()[:64]


def signed_in_key() -> str:
    return f"learner:{current_user.id if current_user.is_authenticated else ''}"


def log_breach(limit: RequestLimit) -> Any:
    current_app.logger.warning(
        "rate limit %s reached on %s %s by %s (key %s)",
        limit.limit,
        request.method,
        request.path,
        client_address(),
        limit.key,
    )
    return None
