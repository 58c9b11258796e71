"""Work queue warnings: which key tasks were warned (work.due_soon / work.overdue).

Revision ID: 2026_11_30_0001
Revises: 2026_11_29_0002
Create Date: 2026-11-30
"""
from services.kit.migration_ops import create_work_warnings_table, drop_work_warnings_table

revision = "2026_11_30_0001"
down_revision = "2026_11_29_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    create_work_warnings_table()


def downgrade() -> None:
    """Revert this revision."""
    drop_work_warnings_table()
