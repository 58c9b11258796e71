"""Closed reporting months (关账) and the corrections made to them afterwards (services/kit/periods/); a spending
entry keeps the reason when it was recorded as a correction.

Revision ID: 2026_11_30_0002
Revises: 2026_11_30_0001
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

from services.kit.migration_ops import create_period_tables, drop_period_tables

revision = "2026_11_30_0002"
down_revision = "2026_11_30_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    create_period_tables()
    with op.batch_alter_table("spendings") as batch:
        batch.add_column(sa.Column("correction_reason", sa.Text))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("spendings") as batch:
        batch.drop_column("correction_reason")
    drop_period_tables()
