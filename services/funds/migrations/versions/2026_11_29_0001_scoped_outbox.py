"""Scoped, versioned outbox (the funds service publishes from now on) and the owner unit of projected projects.

Revision ID: 2026_11_29_0001
Revises: 2026_11_28_0002
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op

from services.kit.migration_ops import scope_outbox, unscope_outbox

revision = "2026_11_29_0001"
down_revision = "2026_11_28_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    scope_outbox(lambda _type, _payload: None)  # the funds service never published before
    # The owner unit scopes a project's money events to its owner; filled as the projects feed is read.
    with op.batch_alter_table("project_states") as batch:
        batch.add_column(sa.Column("owner_org", sa.String(120)))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("project_states") as batch:
        batch.drop_column("owner_org")
    unscope_outbox()
