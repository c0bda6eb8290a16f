"""Progress figures: each learner's counted answers per bank and UTC day, and per question,
filled from the answers already saved.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Counted answers: all but an unfinished exam run's (sealed). The streak of right answers
# is how many of the newest come before the newest wrong one (all of them if none is wrong).
FILL_QUESTIONS = """
INSERT INTO progress_question
    (learner_id, bank_id, question_id, attempts, correct, right_streak)
SELECT learner_id, bank_id, question_id, COUNT(*),
       SUM(CASE WHEN correct THEN 1 ELSE 0 END),
       COALESCE(MIN(CASE WHEN NOT correct THEN rank END) - 1, COUNT(*))
FROM (
    SELECT learner_id, bank_id, question_id, correct,
           ROW_NUMBER() OVER (PARTITION BY learner_id, bank_id, question_id
                              ORDER BY answered_at DESC, id DESC) AS rank
    FROM attempt WHERE NOT sealed
) AS ranked
GROUP BY learner_id, bank_id, question_id
"""
FILL_DAYS = """
INSERT INTO progress_day (learner_id, bank_id, day, attempts, correct, partly, last_at)
SELECT learner_id, bank_id, {day}, COUNT(*), SUM(CASE WHEN correct THEN 1 ELSE 0 END),
       SUM(CASE WHEN score > 0 AND NOT correct THEN 1 ELSE 0 END), MAX(answered_at)
FROM attempt WHERE NOT sealed
GROUP BY learner_id, bank_id, {day}
"""
UTC_DAY = {
    "postgresql": "CAST(timezone('UTC', answered_at) AS DATE)",
    "sqlite": "date(answered_at)",  # SQLite keeps the UTC time as text
}


def upgrade() -> None:
    op.create_table(
        "progress_day",
        sa.Column("learner_id", sa.Integer(), sa.ForeignKey("learner.id"), primary_key=True),
        sa.Column("bank_id", sa.String(200), primary_key=True),
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("correct", sa.Integer(), nullable=False),
        sa.Column("partly", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "progress_question",
        sa.Column("learner_id", sa.Integer(), sa.ForeignKey("learner.id"), primary_key=True),
        sa.Column("bank_id", sa.String(200), primary_key=True),
        sa.Column("question_id", sa.String(200), primary_key=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("correct", sa.Integer(), nullable=False),
        sa.Column("right_streak", sa.Integer(), nullable=False),
    )
    day = UTC_DAY[op.get_bind().dialect.name]
    op.execute(FILL_DAYS.format(day=day))
    op.execute(FILL_QUESTIONS)


def downgrade() -> None:
    op.drop_table("progress_question")
    op.drop_table("progress_day")
