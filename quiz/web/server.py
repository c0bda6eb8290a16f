"""Running the app: Flask's development server, or gunicorn for production."""

from __future__ import annotations

import gc
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication


class GunicornServer(BaseApplication):  # type: ignore[misc]
    """Gunicorn driven from Python (its documented custom-application API), no subprocess."""

    def __init__(self, app: Flask, options: dict[str, Any]) -> None:
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return self.application


def gunicorn_options(host: str, port: int, workers: int) -> dict[str, Any]:
    # Sync workers with --preload measured best here: gthread spread keep-alive connections
    # unevenly and pushed SQLite's p99 past 100 ms.
    return {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "sync",
        "preload_app": True,
        # gunicorn's control socket defaults to one path per user ($XDG_RUNTIME_DIR or
        # ~/.gunicorn/gunicorn.ctl): two servers on one host would fight over it. We don't use
        # gunicornc, so the socket is off.
        "control_socket_disable": True,
    }


def serve(
    host: str = "127.0.0.1",
    port: int = 5000,
    production: bool = False,
    workers: int = 2,
    debug: bool = False,
) -> None:
    """Serve the app until interrupted."""
    from quiz.factory import create_app  # the factory loads banks and migrates: only when serving

    # Both pick up edited banks without a restart: development on every request, production
    # at most once a second per worker (BANKS_CHECK_SECONDS).
    app = create_app({"RELOAD_BANKS": not production})
    if production:
        freeze_loaded_objects()
        GunicornServer(app, gunicorn_options(host, port, workers)).run()
    else:
        app.run(host=host, port=port, debug=debug, use_reloader=debug)


def freeze_loaded_objects() -> None:
    """Move everything loaded so far (the app, pint's registry, the validated banks: hundreds
    of thousands of objects that live as long as the process) out of the cyclic collector's
    reach, before gunicorn forks its workers. The collector then never rescans them, and its
    passes no longer write to the pages the workers share with the master (copy-on-write).
    This is what the `gc.freeze` documentation recommends for pre-fork servers."""
    gc.collect()
    gc.freeze()
