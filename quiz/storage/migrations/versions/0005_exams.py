"""Exams and exactly-once API answers: sealed attempts, numbered exam runs, idempotency keys.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "attempt", sa.Column("sealed", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column("quiz_run", sa.Column("seat", sa.Integer(), nullable=True))
    op.create_index("uq_quiz_run_seat", "quiz_run", ["learner_id", "bank_id", "seat"], unique=True)
    op.create_table(
        "idempotency_key",
        sa.Column("learner_id", sa.Integer(), sa.ForeignKey("learner.id"), primary_key=True),
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("idempotency_key")
    op.drop_index("uq_quiz_run_seat", table_name="quiz_run")
    with op.batch_alter_table("quiz_run") as batch:
        batch.drop_column("seat")
    with op.batch_alter_table("attempt") as batch:
        batch.drop_column("sealed")
