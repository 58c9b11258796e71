"""Migration steps every service's first revision shares: the audit and outbox tables."""
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
