"""Migration steps every service shares: the audit and outbox tables, and the outbox's scope and versions."""
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic import op

from services.kit.db import BigId, UTCDateTime

_APPEND_ONLY = (
    """CREATE OR REPLACE FUNCTION audit_records_append_only() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION 'audit_records is append-only'; END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records
    FOR EACH ROW EXECUTE FUNCTION audit_records_append_only()""",
)


def create_kit_tables() -> None:
    """Create audit_records (append-only) and outbox_events."""
    op.create_table(
        "audit_records",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("actor", sa.String(120), nullable=False),
        sa.Column("actor_role", sa.String(32), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("entity_type", sa.String(64), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("before", sa.JSON),
        sa.Column("after", sa.JSON),
    )
    op.create_index("ix_audit_records_entity_id", "audit_records", ["entity_id"])
    op.create_table(
        "outbox_events",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("occurred_at", UTCDateTime, nullable=False),
        sa.Column("type", sa.String(64), nullable=False),
        sa.Column("aggregate_type", sa.String(64), nullable=False),
        sa.Column("aggregate_id", sa.String(64), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        for statement in _APPEND_ONLY:
            op.execute(statement)


def drop_kit_tables() -> None:
    """Reverse create_kit_tables."""
    op.drop_table("outbox_events")
    op.drop_table("audit_records")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS audit_records_append_only()")


_OUTBOX = sa.table("outbox_events", sa.column("id", sa.BigInteger), sa.column("type", sa.String),
                   sa.column("version", sa.Integer), sa.column("payload", sa.JSON),
                   sa.column("county_code", sa.String), sa.column("owner_org", sa.String))
# A legacy payload -> (v1 payload, county, owner unit); None leaves the row to city-wide readers as it was.
Upgrade = Callable[[str, dict[str, Any]], tuple[dict[str, Any], str | None, str | None] | None]


def scope_outbox(upgrade_legacy: Upgrade) -> None:
    """Give outbox_events a payload version and its scope (county, owner unit) with their keyset indexes, and
    rewrite the untyped events written before the contracts existed as version 1 payloads."""
    with op.batch_alter_table("outbox_events") as batch:
        batch.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="1"))
        batch.add_column(sa.Column("county_code", sa.String(6)))
        batch.add_column(sa.Column("owner_org", sa.String(120)))
    op.create_index("ix_outbox_events_county_id", "outbox_events", ["county_code", "id"])
    op.create_index("ix_outbox_events_county_org_id", "outbox_events", ["county_code", "owner_org", "id"])
    bind = op.get_bind()
    for row in bind.execute(sa.select(_OUTBOX.c.id, _OUTBOX.c.type, _OUTBOX.c.payload)).all():
        upgraded = upgrade_legacy(row.type, row.payload)
        if upgraded is not None:
            payload, county, org = upgraded
            bind.execute(sa.update(_OUTBOX).where(_OUTBOX.c.id == row.id)
                         .values(payload=payload, county_code=county, owner_org=org))


def unscope_outbox() -> None:
    """Reverse scope_outbox (the rewritten payloads stay in their version 1 shape)."""
    op.drop_index("ix_outbox_events_county_org_id", "outbox_events")
    op.drop_index("ix_outbox_events_county_id", "outbox_events")
    with op.batch_alter_table("outbox_events") as batch:
        batch.drop_column("owner_org")
        batch.drop_column("county_code")
        batch.drop_column("version")


def create_lease_table() -> None:
    """Create leases: which replica runs each background job (services/kit/leader.py)."""
    op.create_table(
        "leases",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("holder", sa.String(120), nullable=False),
        sa.Column("expires_ms", sa.BigInteger, nullable=False),
    )


def drop_lease_table() -> None:
    """Reverse create_lease_table."""
    op.drop_table("leases")


def create_work_warnings_table() -> None:
    """Create work_warnings: which work-queue item was warned in which state for which deadline (kit/warnings.py)."""
    op.create_table(
        "work_warnings",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("state", sa.String(16), primary_key=True),
        sa.Column("deadline", sa.Date, primary_key=True),
        sa.Column("warned_at", UTCDateTime, nullable=False),
    )


def drop_work_warnings_table() -> None:
    """Reverse create_work_warnings_table."""
    op.drop_table("work_warnings")


def create_period_tables() -> None:
    """Create closed_periods and period_corrections: closed reporting months and their corrections (kit/periods/)."""
    op.create_table(
        "closed_periods",
        sa.Column("county_code", sa.String(6), primary_key=True),
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("closed_at", UTCDateTime, nullable=False),
        sa.Column("closed_by", sa.String(120), nullable=False),
        sa.Column("closed_by_role", sa.String(32), nullable=False),
    )
    op.create_table(
        "period_corrections",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("entity_type", sa.String(64), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("actor", sa.String(120), nullable=False),
        sa.Column("actor_role", sa.String(32), nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
    )
    op.create_index("ix_period_corrections_county_month", "period_corrections", ["county_code", "month", "id"])


def drop_period_tables() -> None:
    """Reverse create_period_tables."""
    op.drop_index("ix_period_corrections_county_month", "period_corrections")
    op.drop_table("period_corrections")
    op.drop_table("closed_periods")
