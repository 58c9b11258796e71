"""Village collective economy: yearly income by source, entries' expected income, 三变 shares; road gap indexes.

Revision ID: 2026_11_30_0003
Revises: 2026_11_30_0002
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

from services.kit.db import BigId, UTCDateTime

revision = "2026_11_30_0003"
down_revision = "2026_11_30_0002"
branch_labels = None
depends_on = None


def _money(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.BigInteger, nullable=False)  # whole fen


def upgrade() -> None:
    """Create the collective-economy tables and the index the road gap list walks."""
    op.create_table(
        "collective_incomes",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("village_id", BigId, sa.ForeignKey("administrative_villages.id"), nullable=False),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        _money("dividends"), _money("leasing"), _money("operating"), _money("other"), _money("total"),
        sa.Column("recorded_by", sa.String(120), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.UniqueConstraint("village_id", "year", name="uq_collective_incomes_village_id"),
        sa.CheckConstraint("dividends >= 0 AND leasing >= 0 AND operating >= 0 AND other >= 0",
                           name="ck_collective_incomes_sources"),
        sa.CheckConstraint("total = dividends + leasing + operating + other", name="ck_collective_incomes_total"),
    )
    op.create_index("ix_collective_incomes_county_year", "collective_incomes", ["county_code", "year", "village_id"])
    op.create_table(
        "collective_expected_incomes",
        sa.Column("project_id", BigId, sa.ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True),
        _money("amount"),
        sa.Column("recorded_by", sa.String(120), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.CheckConstraint("amount >= 0", name="ck_collective_expected_incomes_amount"),
    )
    op.create_table(
        "share_conversions",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("village_id", BigId, sa.ForeignKey("administrative_villages.id"), nullable=False),
        sa.Column("project_id", BigId, sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("members", sa.Integer, nullable=False),
        sa.Column("households", sa.Integer, nullable=False),
        sa.Column("shares", sa.Integer, nullable=False),
        _money("amount"),
        sa.Column("recorded_by", sa.String(120), nullable=False),
        sa.Column("recorded_at", UTCDateTime, nullable=False),
        sa.CheckConstraint("members > 0 AND households > 0 AND households <= members",
                           name="ck_share_conversions_members"),
        sa.CheckConstraint("shares > 0 AND amount > 0", name="ck_share_conversions_shares"),
    )
    op.create_index("ix_share_conversions_village_id", "share_conversions", ["village_id"])
    op.create_index("ix_share_conversions_project_id", "share_conversions", ["project_id"])
    op.create_index("ix_share_conversions_county_id", "share_conversions", ["county_code", "id"])


def downgrade() -> None:
    """Drop the collective-economy tables."""
    for table in ("share_conversions", "collective_expected_incomes", "collective_incomes"):
        op.drop_table(table)
