"""The reporting service's tables: audit and scoped outbox (the kit's), leases, and issued bulletin editions.

Revision ID: 2026_11_29_0001
Revises:
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op

from services.kit.db import BigId, UTCDateTime
from services.kit.migration_ops import (
    create_kit_tables,
    create_lease_table,
    drop_kit_tables,
    drop_lease_table,
    scope_outbox,
    unscope_outbox,
)

revision = "2026_11_29_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_kit_tables()
    scope_outbox(lambda event_type, payload: None)  # a new service: no event was ever written untyped
    create_lease_table()
    op.create_table(
        "bulletin_editions",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("edition", sa.Integer, nullable=False),
        sa.Column("issued_at", UTCDateTime, nullable=False),
        sa.Column("issued_by", sa.String(120), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("body", sa.JSON, nullable=False),
        sa.UniqueConstraint("month", "edition", name="uq_bulletin_editions_month"),
    )


def downgrade() -> None:
    op.drop_table("bulletin_editions")
    drop_lease_table()
    unscope_outbox()
    drop_kit_tables()
