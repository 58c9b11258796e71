"""The village registry (townships, administrative villages with yearly figures, natural villages); entries' places.

Revision ID: 2026_11_29_0002
Revises: 2026_11_29_0001
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op

from services.kit.db import BigId, UTCDateTime

revision = "2026_11_29_0002"
down_revision = "2026_11_29_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the registry tables."""
    op.create_table(
        "townships",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("demo", sa.Boolean, nullable=False),
        sa.UniqueConstraint("county_code", "name", name="uq_townships_county_name"),
    )
    op.create_table(
        "administrative_villages",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("township_id", BigId, sa.ForeignKey("townships.id"), nullable=False),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("poor_village", sa.Boolean, nullable=False),
        sa.Column("deep_poverty", sa.Boolean, nullable=False),
        sa.Column("exited_year", sa.Integer),
        sa.Column("demo", sa.Boolean, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.UniqueConstraint("township_id", "name", name="uq_administrative_villages_township_name"),
        sa.CheckConstraint("NOT deep_poverty OR poor_village", name="ck_administrative_villages_deep_is_poor"),
    )
    op.create_index("ix_administrative_villages_township_id", "administrative_villages", ["township_id"])
    op.create_index("ix_administrative_villages_county_id", "administrative_villages", ["county_code", "id"])
    op.create_table(
        "village_years",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("village_id", BigId, sa.ForeignKey("administrative_villages.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("households", sa.Integer, nullable=False),
        sa.Column("poor_households", sa.Integer, nullable=False),
        sa.Column("poverty_incidence", sa.Numeric(5, 2), nullable=False),
        sa.UniqueConstraint("village_id", "year", name="uq_village_years_village_year"),
        sa.CheckConstraint("households >= 0 AND poor_households >= 0 AND poor_households <= households",
                           name="ck_village_years_households"),
        sa.CheckConstraint("poverty_incidence >= 0 AND poverty_incidence <= 100", name="ck_village_years_incidence"),
    )
    op.create_table(
        "natural_villages",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("village_id", BigId, sa.ForeignKey("administrative_villages.id"), nullable=False),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("households", sa.Integer, nullable=False),
        sa.Column("hardened_road", sa.Boolean, nullable=False),
        sa.Column("road_hardened_on", sa.Date),
        sa.Column("demo", sa.Boolean, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.UniqueConstraint("village_id", "name", name="uq_natural_villages_village_name"),
        sa.CheckConstraint("households >= 0", name="ck_natural_villages_households"),
        sa.CheckConstraint("NOT hardened_road OR road_hardened_on IS NOT NULL", name="ck_natural_villages_road_date"),
    )
    op.create_index("ix_natural_villages_village_id", "natural_villages", ["village_id"])
    op.create_index("ix_natural_villages_county_id", "natural_villages", ["county_code", "id"])
    with op.batch_alter_table("projects") as batch:
        batch.add_column(sa.Column("village_id", BigId))
        batch.create_foreign_key("fk_projects_village_id_administrative_villages", "administrative_villages",
                                 ["village_id"], ["id"])
    op.create_index("ix_projects_village_id", "projects", ["village_id"])
    op.create_table(
        "project_natural_villages",
        sa.Column("project_id", BigId, sa.ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("natural_village_id", BigId, sa.ForeignKey("natural_villages.id"), primary_key=True),
    )
    op.create_index("ix_project_natural_villages_natural_village_id", "project_natural_villages",
                    ["natural_village_id"])


def downgrade() -> None:
    """Drop the registry tables."""
    op.drop_table("project_natural_villages")
    op.drop_index("ix_projects_village_id", "projects")
    with op.batch_alter_table("projects") as batch:
        batch.drop_constraint("fk_projects_village_id_administrative_villages", type_="foreignkey")
        batch.drop_column("village_id")
    for table in ("natural_villages", "village_years", "administrative_villages", "townships"):
        op.drop_table(table)
