"""SQLite writers queue on an OS file lock beside the database, held from BEGIN IMMEDIATE to the
end of the transaction, so a waiting writer wakes as soon as the lock is free."""

from __future__ import annotations

import fcntl
import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from quiz.storage import create_learner, make_engine, make_sessionmaker
from quiz.storage.engine import begin_write, write_lock_path
from quiz.storage.migrate import upgrade_engine


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'quiz.sqlite3'}")
    upgrade_engine(engine)
    yield engine
    engine.dispose()


def write_one(engine: Engine, name: str, commit: bool = True) -> None:
    with make_sessionmaker(engine)() as session:
        begin_write(session)
        create_learner(session, name)
        session.commit() if commit else session.rollback()


def lock_is_free(path: Path) -> bool:
    fd = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)  # closing also drops the lock we may have taken
    return True


def test_the_lock_file_sits_beside_the_database_readable_by_its_owner_only(
    sqlite_engine: Engine, tmp_path: Path
) -> None:
    write_one(sqlite_engine, "ada")
    path = tmp_path / "quiz.sqlite3.write-lock"
    assert write_lock_path(str(sqlite_engine.url)) == path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_no_lock_file_for_an_in_memory_database() -> None:
    assert write_lock_path("sqlite://") is None
    assert write_lock_path("sqlite:///:memory:") is None


@pytest.mark.parametrize("commit", [True, False], ids=["commit", "rollback"])
def test_the_lock_is_released_when_the_transaction_ends(
    sqlite_engine: Engine, tmp_path: Path, commit: bool
) -> None:
    write_one(sqlite_engine, "ada", commit=commit)
    assert lock_is_free(tmp_path / "quiz.sqlite3.write-lock")


def test_a_writer_waits_for_the_lock_and_goes_on_once_it_is_free(
    sqlite_engine: Engine, tmp_path: Path
) -> None:
    write_one(sqlite_engine, "first")  # makes the lock file
    holder = os.open(tmp_path / "quiz.sqlite3.write-lock", os.O_RDWR)
    fcntl.flock(holder, fcntl.LOCK_EX)  # as another process mid-transaction would
    done = threading.Event()
    writer = threading.Thread(target=lambda: (write_one(sqlite_engine, "second"), done.set()))
    writer.start()
    try:
        assert not done.wait(0.5), "the writer went ahead while another held the lock"
    finally:
        os.close(holder)  # releases the lock
    writer.join(timeout=10)
    assert done.is_set()
