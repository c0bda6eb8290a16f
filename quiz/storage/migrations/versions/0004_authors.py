"""Authors: an account can hold the author role (granted from the CLI).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# A rebuilt SQLite table keeps AUTOINCREMENT (0003) only when told again: ids are never reused.
KEEP_AUTOINCREMENT = {"sqlite_autoincrement": True}


def upgrade() -> None:
    # batch mode: SQLite cannot drop a column in place, and downgrade must work there too.
    with op.batch_alter_table("learner", table_kwargs=KEEP_AUTOINCREMENT) as batch:
        batch.add_column(
            sa.Column("is_author", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("learner", table_kwargs=KEEP_AUTOINCREMENT) as batch:
        batch.drop_column("is_author")
