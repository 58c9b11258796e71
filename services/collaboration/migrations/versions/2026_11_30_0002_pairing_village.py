"""Village-enterprise pairings name their registry village (村屯名录行政村 id); legacy pairs keep their typed name.

Revision ID: 2026_11_30_0002
Revises: 2026_11_30_0001
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

revision = "2026_11_30_0002"
down_revision = "2026_11_30_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("pairings") as batch:
        batch.add_column(sa.Column("village_id", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("pairings") as batch:
        batch.drop_column("village_id")
