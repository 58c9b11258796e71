"""Labourers, employers, group projects, workforce reports and placements.

Revision ID: 2026_11_28_0002
Revises: 2026_11_28_0001
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

from services.kit.db import BigId, UTCDateTime

revision = "2026_11_28_0002"
down_revision = "2026_11_28_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "labourers",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("id_number", sa.String(18), nullable=False, unique=True),
        sa.Column("id_masked", sa.String(18), nullable=False),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("birth_date", sa.Date, nullable=False),
        sa.Column("sex", sa.String(8), nullable=False),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("township", sa.String(60), nullable=False),
        sa.Column("village", sa.String(60), nullable=False),
        sa.Column("household_no", sa.String(40), nullable=False),
        sa.Column("registration", sa.String(32), nullable=False),
        sa.Column("relocated", sa.Boolean, nullable=False),
        sa.Column("skills", sa.JSON, nullable=False),
        sa.Column("created_by", sa.String(120), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
    )
    op.create_index("ix_labourers_county_id", "labourers", ["county_code", "id"])
    op.create_table(
        "employers",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("county_code", sa.String(6)),
        sa.Column("industry", sa.String(60)),
        sa.Column("province", sa.String(30)),
        sa.Column("created_at", UTCDateTime, nullable=False),
    )
    op.create_index("ix_employers_kind_id", "employers", ["kind", "id"])
    op.create_index("ix_employers_county_id", "employers", ["county_code", "id"])
    op.create_table(
        "group_projects",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("group_id", BigId, sa.ForeignKey("employers.id"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("starts_on", sa.Date, nullable=False),
        sa.Column("ends_on", sa.Date),
        sa.Column("created_at", UTCDateTime, nullable=False),
    )
    op.create_index("ix_group_projects_group_id", "group_projects", ["group_id", "id"])
    op.create_index("ix_group_projects_county_id", "group_projects", ["county_code", "id"])
    op.create_table(
        "workforce_reports",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("employer_id", BigId, sa.ForeignKey("employers.id")),
        sa.Column("project_id", BigId, sa.ForeignKey("group_projects.id")),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("month", sa.Integer, nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("current", sa.Boolean, nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("reported_by", sa.String(120), nullable=False),
        sa.Column("reported_at", UTCDateTime, nullable=False),
    )
    for subject in ("employer_id", "project_id"):
        where = sa.text(f"{subject} IS NOT NULL")
        op.create_index(f"ix_workforce_reports_{subject[:-3]}", "workforce_reports",
                        [subject, "year", "month", "revision"], unique=True, sqlite_where=where,
                        postgresql_where=where)
    op.create_table(
        "placements",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("labourer_id", BigId, sa.ForeignKey("labourers.id"), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("employer_id", BigId, sa.ForeignKey("employers.id")),
        sa.Column("project_id", BigId, sa.ForeignKey("group_projects.id")),
        sa.Column("site", sa.String(200)),
        sa.Column("starts_on", sa.Date, nullable=False),
        sa.Column("ends_on", sa.Date),
        sa.Column("leader", sa.String(60)),
        sa.Column("created_by", sa.String(120), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
    )
    op.create_index("ix_placements_employer_start", "placements", ["employer_id", "starts_on"])
    op.create_index("ix_placements_project_start", "placements", ["project_id", "starts_on"])
    op.create_index("ix_placements_labourer_id", "placements", ["labourer_id", "id"])


def downgrade() -> None:
    """Revert this revision."""
    for table in ("placements", "workforce_reports", "group_projects", "employers", "labourers"):
        op.drop_table(table)
