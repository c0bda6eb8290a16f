"""The app factory: settings in order of precedence, then the database and the web layer."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

from quiz.config import default_settings, persistent_secret_key
from quiz.resources import resource_dir


def create_app(
    test_config: Mapping[str, Any] | None = None, instance_path: str | None = None
) -> Flask:
    """The app: defaults, then `instance/config.py`, then `test_config`, then `QUIZ_*` variables.

    The instance folder (secret key, SQLite file, config.py) is `instance_path`, else
    QUIZ_INSTANCE_PATH, else Flask's default beside the code; only its owner may open it."""
    app = Flask(
        "quiz",
        instance_path=instance_path or os.environ.get("QUIZ_INSTANCE_PATH") or None,
        instance_relative_config=True,
        template_folder=str(resource_dir("templates")),
        static_folder=str(resource_dir("static")),
    )
    instance = Path(app.instance_path)
    instance.mkdir(mode=0o700, parents=True, exist_ok=True)
    app.config.from_mapping(default_settings(instance, Path.cwd()))
    app.config.from_pyfile("config.py", silent=True)
    if test_config is not None:
        app.config.from_mapping(test_config)
    app.config.from_prefixed_env("QUIZ")
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = persistent_secret_key(instance)
    _warm_up(instance)
    _init_extensions(app)
    return app


def _warm_up(instance: Path) -> None:
    """Build the unit registry and make dateparser's slow first call now, at start-up, so the
    first learner's answer doesn't pay for them (~0.3 s together, measured)."""
    from quiz.core.parsing import dates, quantities, text

    quantities.warm_up(cache_folder=instance / "pint-cache")
    dates.warm_up()
    text.warm_up()


def _init_extensions(app: Flask) -> None:
    from quiz import web
    from quiz.web import database

    database.init_app(app)
    web.init_app(app)
