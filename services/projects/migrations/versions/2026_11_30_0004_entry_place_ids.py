"""Entries keep the registry ids of the poor villages and natural villages they serve (read without a join).

Revision ID: 2026_11_30_0004
Revises: 2026_11_30_0003
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

revision = "2026_11_30_0004"
down_revision = "2026_11_30_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add projects.poor_village_ids and projects.natural_village_ids (empty lists for existing entries)."""
    with op.batch_alter_table("projects") as batch:
        batch.add_column(sa.Column("poor_village_ids", sa.JSON, nullable=False, server_default=sa.text("'[]'")))
        batch.add_column(sa.Column("natural_village_ids", sa.JSON, nullable=False, server_default=sa.text("'[]'")))


def downgrade() -> None:
    """Drop the two id lists."""
    with op.batch_alter_table("projects") as batch:
        batch.drop_column("natural_village_ids")
        batch.drop_column("poor_village_ids")
