"""Per-request database sessions for the Flask app (flaskr's db.py, with SQLAlchemy).

It belongs to the web layer (it reads Flask's `g` and `current_app`), which keeps
`quiz.storage` free of Flask.
"""

from __future__ import annotations

from flask import Flask, current_app, g
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from quiz.storage.engine import make_engine, make_sessionmaker
from quiz.storage.migrate import upgrade_engine

EXTENSION_KEY = "quiz.storage"


def init_app(app: Flask) -> None:
    """One engine per app; schema brought to the latest migration before the first request."""
    engine = make_engine(
        app.config["DATABASE_URL"],
        synchronous=app.config["SQLITE_SYNCHRONOUS"],
        write_lock=app.config["SQLITE_WRITE_LOCK"],
    )
    app.extensions[EXTENSION_KEY] = make_sessionmaker(engine)
    if app.config["MIGRATE_ON_START"]:
        upgrade_engine(engine)
        # Drop the migration's pooled connections: gunicorn forks workers after this
        # (--preload), and a connection must never be shared across processes.
        engine.dispose()
    app.teardown_appcontext(close_session)


def get_engine(app: Flask | None = None) -> Engine:
    factory: sessionmaker[Session] = (app or current_app).extensions[EXTENSION_KEY]
    engine = factory.kw["bind"]
    assert isinstance(engine, Engine)
    return engine


def get_session() -> Session:
    """This request's session, opened on first use."""
    if "db_session" not in g:
        g.db_session = current_app.extensions[EXTENSION_KEY]()
    session: Session = g.db_session
    return session


def close_session(_error: BaseException | None = None) -> None:
    session: Session | None = g.pop("db_session", None)
    if session is not None:
        session.close()
