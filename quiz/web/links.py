"""The fixed URLs every page draws (stylesheets, scripts, the navigation), built once.

Flask's url_for walks the URL map on every call (3–7 µs each); the layout asks for the same
dozen URLs on every page view. A URL with no variable part changes only with the request's
script root (set by the server or a proxy), so it is kept per script root; the store is
bounded, so no stream of odd requests can grow it.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, request, url_for

EXTENSION_KEY = "quiz.links"
MOST_KEPT = 512


def init_app(app: Flask) -> None:
    app.extensions[EXTENSION_KEY] = {}
    app.jinja_env.globals["fixed_url"] = fixed_url


def fixed_url(endpoint: str, **values: Any) -> str:
    """`url_for(endpoint, **values)` for a URL that never changes while the app runs: an
    absolute endpoint name and constant values (a static file's name), never a record's id."""
    kept: dict[tuple[str, ...], str] = current_app.extensions[EXTENSION_KEY]
    key = (request.script_root, endpoint, *(f"{k}={v}" for k, v in sorted(values.items())))
    url = kept.get(key)
    if url is None:
        url = url_for(endpoint, **values)
        if len(kept) < MOST_KEPT:
            kept[key] = url
    return url
