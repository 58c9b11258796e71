"""Audit and outbox tables of the funds service.

Revision ID: 2026_11_28_0001
Revises:
Create Date: 2026-11-28
"""
from services.kit.migration_ops import create_kit_tables, drop_kit_tables

revision = "2026_11_28_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    create_kit_tables()


def downgrade() -> None:
    """Revert this revision."""
    drop_kit_tables()
