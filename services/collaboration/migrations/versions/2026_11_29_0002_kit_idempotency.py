"""The plan lines' Idempotency-Keys move to the kit's idempotency_records (the same table funds uses).

Keys already used stay taken: each becomes a record under its old fingerprint, which no new request matches, so
a retry of a line planned before this revision is refused (422 idempotency.key_reused) and never plans twice.

Revision ID: 2026_11_29_0002
Revises: 2026_11_29_0001
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op

from services.kit.db import BigId, UTCDateTime

revision = "2026_11_29_0002"
down_revision = "2026_11_29_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "idempotency_records",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("actor", sa.String(120), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("status_code", sa.Integer, nullable=False),
        sa.Column("body", sa.JSON, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.UniqueConstraint("actor", "key", name="uq_idempotency_records_actor_key"),
    )
    op.execute("INSERT INTO idempotency_records (actor, key, fingerprint, status_code, body, created_at) "
               "SELECT created_by, idempotency_key, fingerprint, 201, '{}', created_at FROM plan_lines")
    with op.batch_alter_table("plan_lines") as batch:
        batch.drop_constraint("uq_plan_lines_created_by", type_="unique")
        batch.drop_column("idempotency_key")
        batch.drop_column("fingerprint")


def downgrade() -> None:
    """Revert this revision: each line gets a made-up key of its own (the records are dropped)."""
    with op.batch_alter_table("plan_lines") as batch:
        batch.add_column(sa.Column("idempotency_key", sa.String(200), nullable=True))
        batch.add_column(sa.Column("fingerprint", sa.String(64), nullable=True))
    op.execute("UPDATE plan_lines SET idempotency_key = 'line-' || CAST(id AS VARCHAR(20)), fingerprint = ''")
    with op.batch_alter_table("plan_lines") as batch:
        batch.alter_column("idempotency_key", existing_type=sa.String(200), nullable=False)
        batch.alter_column("fingerprint", existing_type=sa.String(64), nullable=False)
        batch.create_unique_constraint("uq_plan_lines_created_by", ["created_by", "idempotency_key"])
    op.drop_table("idempotency_records")
