"""Making an engine: SQLite gets WAL, foreign keys and a busy timeout on every connection."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 5000


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite connections are tuned as they open."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _tune_sqlite)
        event.listen(engine, "begin", _begin_sqlite)
    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: views render objects after committing without reloading them.
    return sessionmaker(engine, expire_on_commit=False)


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # Python 3.11's sqlite3 opens transactions lazily, only before DML, which breaks SAVEPOINT
    # (record_attempt relies on one) and transactional DDL; SQLAlchemy's documented fix is to
    # turn that off and emit BEGIN ourselves (see _begin_sqlite).
    dbapi_connection.isolation_level = None
    # WAL lets readers carry on while a worker writes; busy_timeout makes concurrent writers
    # wait instead of failing at once; SQLite ignores foreign keys unless asked per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def _begin_sqlite(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")
