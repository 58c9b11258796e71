"""Collaboration service: kit tables (audit, scoped outbox, leases), pairings, agreements, key tasks, progress,
what it keeps of the projects and funds feeds, collaboration projects, the fund-use plan, enterprises and talent.

Revision ID: 2026_11_29_0001
Revises:
Create Date: 2026-11-29
"""
from typing import Any

import sqlalchemy as sa
from alembic import op

from services.kit.db import BigId, UTCDateTime
from services.kit.migration_ops import (
    create_kit_tables,
    create_lease_table,
    drop_kit_tables,
    drop_lease_table,
    scope_outbox,
    unscope_outbox,
)

revision = "2026_11_29_0001"
down_revision = None
branch_labels = None
depends_on = None


def _audit_columns() -> list[sa.Column[Any]]:
    return [sa.Column("version", sa.Integer, nullable=False),
            sa.Column("created_by", sa.String(120), nullable=False),
            sa.Column("created_at", UTCDateTime, nullable=False)]


def upgrade() -> None:
    """Create every table of the service."""
    create_kit_tables()
    scope_outbox(lambda event_type, payload: None)  # a new service: no legacy events
    create_lease_table()
    op.create_table(
        "pairings",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("level", sa.String(32), nullable=False),
        sa.Column("county_code", sa.String(6)),
        sa.Column("local_name", sa.String(100), nullable=False),
        sa.Column("partner_name", sa.String(100), nullable=False),
        sa.Column("parent_id", BigId, sa.ForeignKey("pairings.id")),
        sa.Column("start_year", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("demo", sa.Boolean, nullable=False),
        *_audit_columns(),
        sa.UniqueConstraint("level", "local_name", "partner_name"),
    )
    op.create_index("ix_pairings_county_id", "pairings", ["county_code", "id"])
    op.create_index("ix_pairings_parent_id", "pairings", ["parent_id", "id"])
    op.create_table(
        "agreements",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("pairing_id", BigId, sa.ForeignKey("pairings.id"), nullable=False),
        sa.Column("county_code", sa.String(6)),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("signed_on", sa.Date, nullable=False),
        sa.Column("guangdong_committed", sa.BigInteger, nullable=False),
        *_audit_columns(),
        sa.UniqueConstraint("pairing_id", "year"),
        sa.CheckConstraint("guangdong_committed >= 0", name="committed_not_negative"),
    )
    op.create_index("ix_agreements_county_year", "agreements", ["county_code", "year"])
    op.create_table(
        "key_tasks",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("agreement_id", BigId, sa.ForeignKey("agreements.id"), nullable=False),
        sa.Column("county_code", sa.String(6)),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("area", sa.String(32), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("unit_guangdong", sa.String(100), nullable=False),
        sa.Column("unit_liuzhou", sa.String(100), nullable=False),
        sa.Column("deadline", sa.Date, nullable=False),
        sa.Column("indicator", sa.String(100), nullable=False),
        sa.Column("unit", sa.String(20), nullable=False),
        sa.Column("target_value", sa.BigInteger, nullable=False),
        sa.Column("reached_value", sa.BigInteger, nullable=False),
        sa.Column("done", sa.Boolean, nullable=False),
        sa.Column("done_on", sa.Date),
        *_audit_columns(),
        sa.CheckConstraint("target_value > 0", name="target_positive"),
        sa.CheckConstraint("reached_value >= 0", name="reached_not_negative"),
    )
    op.create_index("ix_key_tasks_agreement_id", "key_tasks", ["agreement_id", "id"])
    op.create_index("ix_key_tasks_county_year", "key_tasks", ["county_code", "year", "area"])
    op.create_index("ix_key_tasks_done_deadline", "key_tasks", ["done", "deadline"])
    op.create_table(
        "progress_reports",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("task_id", BigId, sa.ForeignKey("key_tasks.id"), nullable=False),
        sa.Column("value_reached", sa.BigInteger, nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("evidence", sa.String(200)),
        sa.Column("reported_on", sa.Date, nullable=False),
        sa.Column("reported_by", sa.String(120), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
    )
    op.create_index("ix_progress_reports_task_id", "progress_reports", ["task_id", "id"])
    _feeds()
    _projects_and_plan()
    _cooperation()


def _feeds() -> None:
    cursors = op.create_table("feed_positions", sa.Column("feed", sa.String(32), primary_key=True),
                              sa.Column("after", sa.BigInteger, nullable=False))
    op.bulk_insert(cursors, [{"feed": "projects", "after": 0}, {"feed": "funds", "after": 0}])
    op.create_table(
        "library_entries",
        sa.Column("project_id", BigId, primary_key=True, autoincrement=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("owner_org", sa.String(120), nullable=False),
        sa.Column("library_code", sa.String(40)),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
    )
    op.create_table(
        "guangdong_batches",
        sa.Column("batch_id", BigId, primary_key=True, autoincrement=False),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("doc_number", sa.String(100), nullable=False),
        sa.Column("amount", sa.BigInteger, nullable=False),
        sa.Column("received_on", sa.Date, nullable=False),
    )
    op.create_index("ix_guangdong_batches_county_year", "guangdong_batches", ["county_code", "year"])
    op.create_table(
        "guangdong_allocations",
        sa.Column("allocation_id", BigId, primary_key=True, autoincrement=False),
        sa.Column("batch_id", sa.BigInteger, nullable=False),
        sa.Column("project_id", sa.BigInteger, nullable=False),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("amount", sa.BigInteger, nullable=False),
        sa.Column("spent", sa.BigInteger, nullable=False),
        sa.Column("balance", sa.BigInteger, nullable=False),
        sa.Column("allocated_on", sa.Date, nullable=False),
        sa.Column("first_spent_on", sa.Date),
    )
    op.create_index("ix_guangdong_allocations_county_year", "guangdong_allocations", ["county_code", "year"])
    op.create_index("ix_guangdong_allocations_project", "guangdong_allocations", ["project_id"])


def _projects_and_plan() -> None:
    op.create_table(
        "collaboration_projects",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("project_id", BigId, nullable=False, unique=True),
        sa.Column("pairing_id", BigId, sa.ForeignKey("pairings.id"), nullable=False),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("guangdong_share", sa.BigInteger, nullable=False),
        sa.Column("mechanism", sa.String(32), nullable=False),
        sa.Column("households_promised", sa.Integer, nullable=False),
        sa.Column("households_delivered", sa.Integer, nullable=False),
        *_audit_columns(),
        sa.CheckConstraint("guangdong_share > 0", name="share_positive"),
        sa.CheckConstraint("households_promised > 0", name="promised_positive"),
        sa.CheckConstraint("households_delivered >= 0", name="delivered_not_negative"),
    )
    op.create_index("ix_collaboration_projects_county_id", "collaboration_projects", ["county_code", "id"])
    op.create_index("ix_collaboration_projects_pairing_id", "collaboration_projects", ["pairing_id", "id"])
    op.create_table(
        "plan_lines",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("collaboration_project_id", BigId, sa.ForeignKey("collaboration_projects.id"), nullable=False),
        sa.Column("project_id", BigId, nullable=False),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("amount", sa.BigInteger, nullable=False),
        sa.Column("purpose", sa.Text, nullable=False),
        sa.Column("idempotency_key", sa.String(200), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("created_by", sa.String(120), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.UniqueConstraint("created_by", "idempotency_key"),
        sa.CheckConstraint("amount > 0", name="amount_positive"),
    )
    op.create_index("ix_plan_lines_county_year", "plan_lines", ["county_code", "year"])
    op.create_index("ix_plan_lines_collaboration_project", "plan_lines", ["collaboration_project_id"])


def _cooperation() -> None:
    op.create_table(
        "enterprises",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("origin", sa.String(100), nullable=False),
        sa.Column("industry", sa.String(60), nullable=False),
        sa.Column("investment", sa.BigInteger, nullable=False),
        sa.Column("poor_people_driven", sa.Integer, nullable=False),
        sa.Column("created_by", sa.String(120), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.CheckConstraint("investment >= 0", name="investment_not_negative"),
        sa.CheckConstraint("poor_people_driven >= 0", name="driven_not_negative"),
    )
    op.create_index("ix_enterprises_county_year", "enterprises", ["county_code", "year"])
    op.create_table(
        "talent_exchanges",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("direction", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("field", sa.String(16), nullable=False),
        sa.Column("person_name", sa.String(60), nullable=False),
        sa.Column("unit", sa.String(100), nullable=False),
        sa.Column("starts_on", sa.Date, nullable=False),
        sa.Column("ends_on", sa.Date, nullable=False),
        sa.Column("created_by", sa.String(120), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.CheckConstraint("ends_on >= starts_on", name="ends_after_start"),
    )
    op.create_index("ix_talent_exchanges_county_start", "talent_exchanges", ["county_code", "starts_on"])


def downgrade() -> None:
    """Drop every table of the service."""
    for table in ("talent_exchanges", "enterprises", "plan_lines", "collaboration_projects",
                  "guangdong_allocations", "guangdong_batches", "library_entries", "feed_positions",
                  "progress_reports", "key_tasks", "agreements", "pairings"):
        op.drop_table(table)
    drop_lease_table()
    unscope_outbox()
    drop_kit_tables()
