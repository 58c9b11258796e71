"""Training courses and participants.

Revision ID: 2026_11_28_0003
Revises: 2026_11_28_0002
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

from services.kit.db import BigId, UTCDateTime

revision = "2026_11_28_0003"
down_revision = "2026_11_28_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "courses",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("starts_on", sa.Date, nullable=False),
        sa.Column("ends_on", sa.Date),
        sa.Column("created_at", UTCDateTime, nullable=False),
    )
    op.create_index("ix_courses_county_id", "courses", ["county_code", "id"])
    op.create_table(
        "course_participants",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("course_id", BigId, sa.ForeignKey("courses.id"), nullable=False),
        sa.Column("labourer_id", BigId, sa.ForeignKey("labourers.id"), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.UniqueConstraint("course_id", "labourer_id", name="uq_course_participants_course_id"),
    )
    op.create_index("ix_course_participants_course_id", "course_participants", ["course_id"])
    op.create_index("ix_course_participants_labourer_id", "course_participants", ["labourer_id"])


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("course_participants")
    op.drop_table("courses")
