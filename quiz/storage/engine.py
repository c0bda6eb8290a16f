"""Making an engine: SQLite gets WAL, foreign keys and a busy timeout on every connection."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 5000
WRITE_OPTION = "quiz_write"


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


def begin_write(session: Session) -> None:
    """Start the session's next transaction as a writer.

    On SQLite a transaction that read first and writes later fails at once when another
    connection wrote in between (the busy timeout doesn't apply to that upgrade); starting
    with BEGIN IMMEDIATE takes the write lock up front, so a second writer waits its turn
    (up to the busy timeout) instead. Ends any read transaction the request had open.
    """
    if session.in_transaction():
        session.commit()
    session.connection(execution_options={WRITE_OPTION: True})


def _begin_sqlite(connection: Any) -> None:
    immediate = connection.get_execution_options().get(WRITE_OPTION)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
