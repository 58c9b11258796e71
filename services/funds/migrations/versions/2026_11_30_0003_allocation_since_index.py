"""An index on when each allocation with a balance last moved (its last spending, else its allocation day): the
work queue counts the allocations not yet quiet on an ended project from it, not from every allocation.

Revision ID: 2026_11_30_0003
Revises: 2026_11_30_0002
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

revision = "2026_11_30_0003"
down_revision = "2026_11_30_0002"
branch_labels = None
depends_on = None

WITH_BALANCE = sa.text("balance > 0")


def upgrade() -> None:
    """Apply this revision."""
    op.create_index("ix_allocations_balance_since", "allocations", [sa.text("coalesce(last_spent_on, allocated_on)")],
                    postgresql_where=WITH_BALANCE, sqlite_where=WITH_BALANCE)


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index("ix_allocations_balance_since", "allocations")
