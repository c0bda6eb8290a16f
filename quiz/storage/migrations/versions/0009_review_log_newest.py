"""A learner's ratings indexed newest first: (learner_id, id) instead of learner_id alone.

The progress fingerprint asks for a learner's newest rating and newest rating still counted
(`ORDER BY id DESC LIMIT 1`). SQLite's index on learner_id already ends in the rowid, so it
walks a few entries; PostgreSQL's orders equal keys by their place on disk, so it sorted every
rating the learner ever made, on every progress view. The two-column index serves both, and
everything the one-column index served.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_review_log_learner_newest", "review_log", ["learner_id", "id"])
    op.drop_index("ix_review_log_learner_id", table_name="review_log")


def downgrade() -> None:
    op.create_index("ix_review_log_learner_id", "review_log", ["learner_id"])
    op.drop_index("ix_review_log_learner_newest", table_name="review_log")
