"""Leases: the funds service's background jobs (projects feed, idle-fund sweep) run on one replica at a time.

Revision ID: 2026_11_29_0002
Revises: 2026_11_29_0001
Create Date: 2026-11-29
"""
from services.kit.migration_ops import create_lease_table, drop_lease_table

revision = "2026_11_29_0002"
down_revision = "2026_11_29_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    create_lease_table()


def downgrade() -> None:
    """Revert this revision."""
    drop_lease_table()
