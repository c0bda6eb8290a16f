"""Flashcards: each learner's card states, every review log, and per-learner scheduling settings.

Revision ID: 0002
Revises: 0001
Create Date: 2025-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "card_state",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("learner_id", sa.Integer(), sa.ForeignKey("learner.id"), nullable=False),
        sa.Column("bank_id", sa.String(200), nullable=False),
        sa.Column("question_id", sa.String(200), nullable=False),
        sa.Column("card", sa.JSON(), nullable=False),
        sa.Column("due", sa.DateTime(timezone=True), nullable=False),
        sa.Column("preview", sa.JSON(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("learner_id", "bank_id", "question_id", name="uq_card_state_question"),
    )
    op.create_index("ix_card_state_learner_id", "card_state", ["learner_id"])
    op.create_index("ix_card_state_due", "card_state", ["due"])
    op.create_table(
        "review_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("learner_id", sa.Integer(), sa.ForeignKey("learner.id"), nullable=False),
        sa.Column("bank_id", sa.String(200), nullable=False),
        sa.Column("question_id", sa.String(200), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("was_new", sa.Boolean(), nullable=False),
        sa.Column("card_before", sa.JSON(), nullable=False),
        sa.Column("card_after", sa.JSON(), nullable=False),
        sa.Column("undone", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_review_log_learner_id", "review_log", ["learner_id"])
    op.create_index(
        "ix_review_log_learner_question", "review_log", ["learner_id", "bank_id", "question_id"]
    )
    op.create_table(
        "flashcard_settings",
        sa.Column("learner_id", sa.Integer(), sa.ForeignKey("learner.id"), primary_key=True),
        sa.Column("desired_retention", sa.Float(), nullable=True),
        sa.Column("parameters", sa.JSON(), nullable=True),
        sa.Column("optimized_at", sa.DateTime(timezone=True), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("flashcard_settings")
    op.drop_table("review_log")
    op.drop_table("card_state")
