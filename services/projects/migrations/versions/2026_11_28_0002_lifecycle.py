"""Lifecycle: review, notice, plans, execution, clear-out.

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

_DATES = ("notice_starts_on", "notice_ends_on", "admitted_on", "started_on", "last_progress_on", "completed_on",
          "accepted_on", "settled_on", "ended_on")


def upgrade() -> None:
    """Add the entries' life: history, objections, library codes, annual plans."""
    with op.batch_alter_table("projects") as batch:
        batch.add_column(sa.Column("returned_from", sa.String(32)))
        for name in _DATES:
            batch.add_column(sa.Column(name, sa.Date))
        batch.add_column(sa.Column("library_code", sa.String(20)))
        batch.add_column(sa.Column("plan_year", sa.Integer))
        batch.add_column(sa.Column("progress_percent", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("actual_households", sa.Integer))
        batch.add_column(sa.Column("actual_people", sa.Integer))
        batch.add_column(sa.Column("end_reason", sa.Text))
        batch.add_column(sa.Column("breach_rules", sa.String(120), nullable=False, server_default=""))
        batch.create_unique_constraint("uq_projects_library_code", ["library_code"])
    op.create_index("ix_projects_owner_name_village", "projects", ["owner_org", "name", "village"])
    op.create_table(
        "project_history",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("project_id", BigId, sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("actor", sa.String(120), nullable=False),
        sa.Column("actor_role", sa.String(32), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("from_status", sa.String(32)),
        sa.Column("to_status", sa.String(32)),
        sa.Column("note", sa.Text),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_project_history_project_id", "project_history", ["project_id"])
    op.create_table(
        "project_objections",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("project_id", BigId, sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("lodged_by", sa.String(120), nullable=False),
        sa.Column("lodged_role", sa.String(32), nullable=False),
        sa.Column("lodged_at", UTCDateTime, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("resolved_by", sa.String(120)),
        sa.Column("resolved_at", UTCDateTime),
        sa.Column("resolution", sa.Text),
    )
    op.create_index("ix_project_objections_project_id", "project_objections", ["project_id"])
    op.create_table(
        "library_code_counters",
        sa.Column("county_code", sa.String(6), primary_key=True),
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("last_seq", sa.Integer, nullable=False),
    )
    op.create_table(
        "annual_plans",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("closed_at", UTCDateTime),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.UniqueConstraint("county_code", "year", name="uq_annual_plans_county_year"),
    )
    op.create_table(
        "plan_entries",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("plan_id", BigId, sa.ForeignKey("annual_plans.id", ondelete="CASCADE"), nullable=False),
        sa.Column("project_id", BigId, sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("added_on", sa.Date, nullable=False),
        sa.Column("added_by", sa.String(120), nullable=False),
        sa.Column("added_via", sa.String(16), nullable=False),
        sa.Column("added_reason", sa.Text),
        sa.Column("removed_on", sa.Date),
        sa.Column("removed_by", sa.String(120)),
        sa.Column("removed_reason", sa.Text),
        sa.UniqueConstraint("plan_id", "project_id", name="uq_plan_entries_plan_project"),
    )
    op.create_index("ix_plan_entries_plan_id", "plan_entries", ["plan_id"])
    op.create_index("ix_plan_entries_project_id", "plan_entries", ["project_id"])


def downgrade() -> None:
    """Drop the life tables and columns."""
    for table in ("plan_entries", "annual_plans", "library_code_counters", "project_objections", "project_history"):
        op.drop_table(table)
    op.drop_index("ix_projects_owner_name_village", "projects")
    with op.batch_alter_table("projects") as batch:
        batch.drop_constraint("uq_projects_library_code", type_="unique")
        for name in ("returned_from", *_DATES, "library_code", "plan_year", "progress_percent", "actual_households",
                     "actual_people", "end_reason", "breach_rules"):
            batch.drop_column(name)
