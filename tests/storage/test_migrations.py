"""The migrations build exactly the schema the models describe, from an empty database."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from quiz.storage import Base, create_learner, make_engine, make_sessionmaker
from quiz.storage.migrate import alembic_config, upgrade


def test_upgrade_head_on_a_fresh_database_creates_every_table(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    upgrade(url)
    engine = make_engine(url)
    tables = set(inspect(engine).get_table_names())
    engine.dispose()
    assert tables == {
        "alembic_version",
        "learner",
        "quiz_run",
        "attempt",
        "card_state",
        "review_log",
        "flashcard_settings",
        "regrade",
        "rate_limit",
        "idempotency_key",
        "progress_day",
        "progress_question",
        "api_token",
    }


def test_upgrade_twice_is_harmless(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'twice.sqlite3'}"
    upgrade(url)
    engine = make_engine(url)
    with make_sessionmaker(engine)() as session:
        create_learner(session, "kept")
        session.commit()
    with engine.connect() as connection:
        first = connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    upgrade(url)  # at head already: must change nothing and lose nothing
    with engine.connect() as connection:
        second = connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
        names = connection.exec_driver_sql("SELECT username FROM learner").scalars().all()
    engine.dispose()
    assert first == second and len(first) == 1
    assert names == ["kept"]


def test_migrated_schema_matches_the_models(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_sqlite_connections_use_wal_and_foreign_keys(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'pragmas.sqlite3'}")
    with engine.connect() as connection:
        pragmas = [
            connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "busy_timeout")
        ]
    engine.dispose()
    assert pragmas == ["wal", 1, 5000]


def test_the_author_role_migration_goes_down_and_up_again(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'roles.sqlite3'}"
    upgrade(url)
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO learner (username, created_at, session_token)"
            " VALUES ('ada', '2026-01-01', 't')"
        )
    command.downgrade(alembic_config(engine), "0002")
    assert "is_author" not in {c["name"] for c in inspect(engine).get_columns("learner")}
    command.upgrade(alembic_config(engine), "heads")
    with engine.connect() as connection:  # the existing account is no author after upgrading
        assert connection.exec_driver_sql("SELECT is_author FROM learner").scalar() == 0
    engine.dispose()


def test_0003_keeps_learners_and_their_attempts_and_gives_each_a_token(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    upgrade(url, "0002")
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO learner (id, username, created_at) VALUES "
                "(1, 'ada', '2025-01-01'), (2, NULL, '2025-01-01')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO attempt (learner_id, bank_id, question_id, correct, score, verdict,"
                " answered_at) VALUES (2, 'b', 'q', 1, 1.0, '{}', '2025-01-01')"
            )
        )
    engine.dispose()
    upgrade(url)
    engine = make_engine(url)
    with engine.connect() as connection:
        learners = connection.execute(text("SELECT id, session_token FROM learner")).all()
        owners = connection.execute(text("SELECT learner_id FROM attempt")).scalars().all()
    engine.dispose()
    assert [row.id for row in learners] == [1, 2] and owners == [2]
    tokens = {row.session_token for row in learners}
    assert len(tokens) == 2 and all(len(token) >= 32 for token in tokens)


def test_a_deleted_learner_s_id_is_never_given_again(engine: Engine) -> None:
    with engine.begin() as connection:
        insert = text("INSERT INTO learner (created_at, session_token) VALUES (:at, :token)")
        connection.execute(insert, {"at": "2025-01-01", "token": "a"})
        first = connection.execute(text("SELECT max(id) FROM learner")).scalar_one()
        connection.execute(text("DELETE FROM learner WHERE id = :id"), {"id": first})
        connection.execute(insert, {"at": "2025-01-01", "token": "b"})
        second = connection.execute(text("SELECT max(id) FROM learner")).scalar_one()
    assert second > first
