"""Making an engine: SQLite gets WAL, foreign keys and a busy timeout on every connection, and
its write transactions queue on an OS file lock across processes."""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 5000
# FULL: a commit survives a power cut. NORMAL (under WAL) survives a crashed process but may
# lose the last commits on a power cut, for faster commits; an operator's choice, never ours.
SQLITE_SYNCHRONOUS = ("FULL", "NORMAL")
WRITE_OPTION = "quiz_write"
LOCK_FD, LOCK_HELD = "quiz_write_lock_fd", "quiz_write_lock_held"


def make_engine(url: str, *, synchronous: str = "FULL", write_lock: bool = True) -> Engine:
    """An engine for `url`; SQLite connections are tuned as they open.

    `synchronous` is SQLite's durability (see SQLITE_SYNCHRONOUS); `write_lock` False leaves
    writers to SQLite's busy handler alone (only for measuring what the lock buys)."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        _create_private_file(url)
        pragma = _synchronous_pragma(synchronous)
        lock_path = write_lock_path(url) if write_lock else None
        event.listen(engine, "connect", lambda dbapi, _record: _tune_sqlite(dbapi, pragma))
        event.listen(engine, "begin", lambda connection: _begin_sqlite(connection, lock_path))
        event.listen(engine, "commit", _release_write_lock)
        event.listen(engine, "rollback", _release_write_lock)
        event.listen(engine.pool, "close", _close_write_lock)
        event.listen(engine.pool, "invalidate", _close_write_lock_on_invalidate)
    return engine


def write_lock_path(url: str) -> Path | None:
    """The lock file beside a SQLite database file (none for an in-memory database)."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).with_name(Path(database).name + ".write-lock")


def _create_private_file(url: str) -> None:
    """Create a new SQLite file readable by its owner alone (SQLite would use the umask's
    0644, and learners' password hashes are inside); its -wal and -shm files follow suit."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    if not path.exists() and path.parent.is_dir():
        with contextlib.suppress(FileExistsError):  # another process made it first
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def dialect_insert_for(dialect: str, table: Any) -> Any:
    """The backend's own INSERT for `table`, which has ON CONFLICT (SQLite and PostgreSQL)."""
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: views render objects after committing without reloading them.
    return sessionmaker(engine, expire_on_commit=False)


def _synchronous_pragma(synchronous: str) -> str:
    level = str(synchronous).strip().upper()
    if level not in SQLITE_SYNCHRONOUS:
        raise ValueError(f"SQLITE_SYNCHRONOUS is {synchronous!r}: use FULL (the default) or NORMAL")
    return f"PRAGMA synchronous={level}"


def _tune_sqlite(dbapi_connection: Any, synchronous_pragma: str) -> None:
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
    cursor.execute(synchronous_pragma)
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


def _begin_sqlite(connection: Any, lock_path: Path | None) -> None:
    immediate = connection.get_execution_options().get(WRITE_OPTION)
    if immediate and lock_path is not None:
        _take_write_lock(connection.info, lock_path)
    try:
        # Straight to the driver: SQLAlchemy's own execution path costs more than the BEGIN
        # itself (~10 µs), on every request that touches the database.
        connection.connection.dbapi_connection.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
    except BaseException:
        _release_write_lock(connection)
        raise


def _take_write_lock(info: dict[str, Any], lock_path: Path) -> None:
    """Wait for the other processes' write transactions on an OS lock, held until COMMIT.

    Without it a second writer waits in SQLite's busy handler, which sleeps in growing steps
    (1, 2, 5 … 100 ms) instead of waking when the lock frees: that sleeping, not the work, set
    the answer route's p99 (PERFORMANCE-NOTES). flock wakes the next writer at once, and the
    kernel releases it if the holder dies. One descriptor per connection: flock excludes
    descriptors, so threads of one process queue too. The busy timeout stays as the fallback
    for writers that don't come through here (a plain BEGIN that writes later).
    """
    fd = info.get(LOCK_FD)
    if fd is None:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        info[LOCK_FD] = fd
    fcntl.flock(fd, fcntl.LOCK_EX)
    info[LOCK_HELD] = True


def _release_write_lock(connection: Any) -> None:
    info = connection.info
    if info.pop(LOCK_HELD, False):
        fcntl.flock(info[LOCK_FD], fcntl.LOCK_UN)


def _close_write_lock(_dbapi_connection: Any, record: Any) -> None:
    """The pool closed a connection: close its lock descriptor too (which also unlocks it)."""
    fd = record.info.pop(LOCK_FD, None)
    record.info.pop(LOCK_HELD, None)
    if fd is not None:
        os.close(fd)


def _close_write_lock_on_invalidate(dbapi_connection: Any, record: Any, _error: Any) -> None:
    _close_write_lock(dbapi_connection, record)
