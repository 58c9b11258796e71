"""Closed reporting months (关账) and the corrections made to them afterwards (services/kit/periods/).

Revision ID: 2026_11_30_0002
Revises: 2026_11_30_0001
Create Date: 2026-11-30
"""
from services.kit.migration_ops import create_period_tables, drop_period_tables

revision = "2026_11_30_0002"
down_revision = "2026_11_30_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    create_period_tables()


def downgrade() -> None:
    """Revert this revision."""
    drop_period_tables()
