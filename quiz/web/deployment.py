"""Running in production: behind a reverse proxy (QUIZ_BEHIND_PROXY) and over HTTPS (QUIZ_HTTPS).

Behind a proxy the client's address and scheme arrive in X-Forwarded-* headers, trusted only
from the number of proxies the operator names: with none, anyone could forge them (and the
sign-in throttle, keyed by address, would be bypassed). Over HTTPS, cookies are sent only on
encrypted connections and browsers are told (HSTS) never to use plain HTTP again.
"""

from __future__ import annotations

from flask import Flask, current_app
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.wrappers import Response


def init_app(app: Flask) -> None:
    proxies = proxy_count(app.config.get("BEHIND_PROXY"))
    if proxies:
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_prefix=proxies
        )
    if app.config.get("HTTPS"):
        app.config.update(
            SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_SECURE=True, PREFERRED_URL_SCHEME="https"
        )
    app.after_request(strict_transport_security)


def proxy_count(setting: object) -> int:
    """How many proxies to trust: QUIZ_BEHIND_PROXY=1 (or true) for one, as nginx or Caddy."""
    if setting is True:
        return 1
    if isinstance(setting, int) and setting >= 0:
        return setting
    if isinstance(setting, str) and setting.isdecimal():
        return int(setting)
    if setting in (None, False, "", "false", "0"):
        return 0
    raise ValueError(
        f"QUIZ_BEHIND_PROXY={setting!r}: give the number of proxies in front of the app "
        "(1 for nginx or Caddy on the same host), or 0"
    )


def strict_transport_security(response: Response) -> Response:
    if current_app.config.get("HTTPS"):
        max_age = int(current_app.config["HSTS_MAX_AGE"])
        response.headers.setdefault(
            "Strict-Transport-Security", f"max-age={max_age}; includeSubDomains"
        )
    return response
