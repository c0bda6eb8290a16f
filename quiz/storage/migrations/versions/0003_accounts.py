"""Accounts: a session token per learner (so sessions can be revoked), learner ids never reused,
and a table of rate-limit counters shared by every app server.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("learner") as batch:
        batch.add_column(sa.Column("session_token", sa.String(64), nullable=True))
    _give_every_learner_a_token()
    sqlite = op.get_bind().dialect.name == "sqlite"
    # SQLite only takes AUTOINCREMENT when the table is made, so the table is rebuilt there.
    with op.batch_alter_table(
        "learner",
        recreate="always" if sqlite else "auto",
        table_kwargs={"sqlite_autoincrement": True},
    ) as batch:
        batch.alter_column("session_token", existing_type=sa.String(64), nullable=False)
    op.create_table(
        "rate_limit",
        sa.Column("key", sa.String(255), primary_key=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
    )
    op.create_index("ix_rate_limit_expires_at", "rate_limit", ["expires_at"])


def _give_every_learner_a_token() -> None:
    learner = sa.table("learner", sa.column("id", sa.Integer), sa.column("session_token"))
    connection = op.get_bind()
    for (learner_id,) in connection.execute(sa.select(learner.c.id)).all():
        token = secrets.token_urlsafe(32)
        connection.execute(
            learner.update().where(learner.c.id == learner_id).values(session_token=token)
        )


def downgrade() -> None:
    op.drop_table("rate_limit")
    with op.batch_alter_table("learner") as batch:
        batch.drop_column("session_token")
