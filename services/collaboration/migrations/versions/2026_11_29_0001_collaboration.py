"""Collaboration service: kit tables (audit, scoped outbox, leases), pairings, agreements, key tasks, progress.

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


def downgrade() -> None:
    for table in ("progress_reports", "key_tasks", "agreements", "pairings"):
        op.drop_table(table)
    drop_lease_table()
    unscope_outbox()
    drop_kit_tables()
