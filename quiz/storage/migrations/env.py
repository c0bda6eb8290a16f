"""Alembic's entry point: runs migrations on the engine handed over by quiz.storage.migrate."""

from __future__ import annotations

from typing import Any

from alembic import context

from quiz.storage.models import Base


def run_migrations_online() -> None:
    engine = context.config.attributes["engine"]
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            # SQLite cannot ALTER most things; batch mode copies the table instead.
            render_as_batch=sqlite,
        )
        if sqlite:
            # Copying a table drops the old one, which foreign keys pointing at it forbid;
            # SQLite ignores this pragma inside a transaction, so it is set before one opens.
            _pragma(connection, "foreign_keys=OFF")
        try:
            with context.begin_transaction():
                context.run_migrations()
                if sqlite:
                    _check_foreign_keys(connection)
        finally:
            if sqlite:
                _pragma(connection, "foreign_keys=ON")


def _pragma(connection: Any, setting: str) -> None:
    # On the driver's connection: SQLAlchemy's would open a transaction first.
    connection.connection.dbapi_connection.execute(f"PRAGMA {setting}")


def _check_foreign_keys(connection: Any) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"the migration left rows whose foreign keys point nowhere: {broken}")


run_migrations_online()
