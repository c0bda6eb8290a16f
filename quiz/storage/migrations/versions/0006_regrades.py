"""Regrades: the audit of past answers an author's newly accepted answer graded again.

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "regrade",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("author_id", sa.Integer(), sa.ForeignKey("learner.id"), nullable=True),
        sa.Column("author", sa.String(100), nullable=False),
        sa.Column("bank_id", sa.String(200), nullable=False),
        sa.Column("question_id", sa.String(200), nullable=False),
        sa.Column("response", sa.String(400), nullable=False),
        sa.Column("attempts_changed", sa.Integer(), nullable=False),
        sa.Column("learners_changed", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("regrade")
