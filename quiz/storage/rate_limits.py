"""Rate-limit counters in the app's own database, for Flask-Limiter (through the `limits`
library's storage interface, fixed windows): every app server sees the same counts, with
nothing to run beside the database. `quizdb://` selects it; Redis stays an option.
"""

from __future__ import annotations

import time
from typing import Any

from limits.storage import Storage
from sqlalchemy import Engine, Table, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from quiz.storage.models import RateLimitCounter

SCHEME = "quizdb"
TABLE: Table = RateLimitCounter.__table__  # type: ignore[assignment]


class DatabaseStorage(Storage):
    """Counters as rows of `rate_limit` (key, count, expires_at), one atomic upsert per hit."""

    STORAGE_SCHEME = [SCHEME]

    def __init__(
        self, uri: str | None = None, wrap_exceptions: bool = False, **options: Any
    ) -> None:
        engine = options.get("engine")
        if not isinstance(engine, Engine):
            raise ValueError(f"{SCHEME}:// needs the app's engine in the storage options")
        self.engine = engine
        super().__init__(uri, wrap_exceptions=wrap_exceptions)

    @property
    def base_exceptions(self) -> type[Exception]:
        return SQLAlchemyError

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        """Add `amount` to the key's count, starting a new window of `expiry` s if it lapsed."""
        now = time.time()
        with self.engine.begin() as connection:
            # Expired rows go first (every key's, so the table stays small): a lapsed window
            # then restarts at `amount` through the insert below.
            connection.execute(delete(TABLE).where(TABLE.c.expires_at <= now))
            insert = _dialect_insert(self.engine).values(
                key=key, count=amount, expires_at=now + expiry
            )
            upsert = insert.on_conflict_do_update(
                index_elements=[TABLE.c.key], set_={"count": TABLE.c.count + amount}
            ).returning(TABLE.c.count)
            return int(connection.execute(upsert).scalar_one())

    def get(self, key: str) -> int:
        row = self._row(key)
        return int(row.count) if row is not None else 0

    def get_expiry(self, key: str) -> float:
        row = self._row(key)
        return float(row.expires_at) if row is not None else time.time()

    def check(self) -> bool:
        try:
            with self.engine.connect() as connection:
                connection.execute(select(1))
        except SQLAlchemyError:
            return False
        return True

    def reset(self) -> int | None:
        with self.engine.begin() as connection:
            return connection.execute(delete(TABLE)).rowcount

    def clear(self, key: str) -> None:
        with self.engine.begin() as connection:
            connection.execute(delete(TABLE).where(TABLE.c.key == key))

    def _row(self, key: str) -> Any:
        query = select(TABLE.c.count, TABLE.c.expires_at).where(
            TABLE.c.key == key, TABLE.c.expires_at > time.time()
        )
        with self.engine.connect() as connection:
            return connection.execute(query).first()


def _dialect_insert(engine: Engine) -> Any:
    # INSERT ... ON CONFLICT is spelt the same on both, but SQLAlchemy keeps it per dialect.
    if engine.dialect.name == "postgresql":
        return postgresql.insert(TABLE)
    if engine.dialect.name == "sqlite":
        return sqlite.insert(TABLE)
    raise ValueError(f"{SCHEME}:// supports SQLite and PostgreSQL, not {engine.dialect.name}")
