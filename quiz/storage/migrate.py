"""Bringing a database's schema up to date with the Alembic migrations shipped in the package."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

from quiz.storage.engine import make_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    """An Alembic config with no ini file: the scripts sit in the package, so wheels have them."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # Passed as an object, not as the `sqlalchemy.url` option, which would need '%' escaped.
    config.attributes["engine"] = engine
    return config


# "heads", not "head": migrations written side by side on separate branches may each start
# from the same parent until they are chained; every head is applied.
def upgrade_engine(engine: Engine, revision: str = "heads") -> None:
    command.upgrade(alembic_config(engine), revision)


def upgrade(url: str, revision: str = "heads") -> None:
    """Apply every migration up to `revision` on the database at `url` (`quiz db upgrade`)."""
    engine = make_engine(url)
    try:
        upgrade_engine(engine, revision)
    finally:
        engine.dispose()
