"""Project library entries, budget lines, audit and outbox.

Revision ID: 2026_11_28_0001
Revises:
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

from services.kit.db import BigId, UTCDateTime
from services.kit.migration_ops import create_kit_tables, drop_kit_tables

revision = "2026_11_28_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the library's entries and budget lines."""
    create_kit_tables()
    op.create_table(
        "projects",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("township", sa.String(60), nullable=False),
        sa.Column("village", sa.String(60), nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("owner_org", sa.String(120), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("uses_fiscal_funds", sa.Boolean, nullable=False),
        sa.Column("total_budget", sa.Numeric(18, 2), nullable=False),
        sa.Column("poor_households", sa.Integer, nullable=False),
        sa.Column("poor_people", sa.Integer, nullable=False),
        sa.Column("poor_villages", sa.JSON, nullable=False),
        sa.Column("mechanism", sa.Text, nullable=False),
        sa.Column("targets", sa.JSON, nullable=False),
        sa.Column("planned_start_year", sa.Integer, nullable=False),
        sa.Column("planned_end_year", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("submitted_by", sa.String(120), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
    )
    op.create_index("ix_projects_county_id", "projects", ["county_code", "id"])
    op.create_index("ix_projects_status_id", "projects", ["status", "id"])
    op.create_index("ix_projects_owner_id", "projects", ["owner_org", "id"])
    op.create_index("ix_projects_category_id", "projects", ["category", "id"])
    op.create_table(
        "project_budget_lines",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("project_id", BigId, sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("amount", sa.Numeric(18, 2), nullable=False),
    )
    op.create_index("ix_project_budget_lines_project_id", "project_budget_lines", ["project_id"])


def downgrade() -> None:
    """Drop them."""
    op.drop_table("project_budget_lines")
    op.drop_table("projects")
    drop_kit_tables()
