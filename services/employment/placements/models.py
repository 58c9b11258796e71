"""Placements (就业安置): a labourer at an employer, a group project or a local post, over a period."""
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from services.employment.labourers.models import Labourer
from services.employment.terms import PlacementKind, str_enum
from services.kit.db import Base, BigId, UTCDateTime, utcnow


class Placement(Base):
    """One spell of work; `ends_on` is null while it lasts."""

    __tablename__ = "placements"
    __table_args__ = (
        # The quota aggregates start from the employer or project and the period.
        Index("ix_placements_employer_start", "employer_id", "starts_on"),
        Index("ix_placements_project_start", "project_id", "starts_on"),
        Index("ix_placements_labourer_id", "labourer_id", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    labourer_id: Mapped[int] = mapped_column(ForeignKey("labourers.id"))
    kind: Mapped[PlacementKind] = mapped_column(str_enum(PlacementKind))
    employer_id: Mapped[int | None] = mapped_column(ForeignKey("employers.id"))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("group_projects.id"))
    # 公益岗位 / 微车间: the post or workshop, named since they are not tracked employers.
    site: Mapped[str | None] = mapped_column(String(200))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    leader: Mapped[str | None] = mapped_column(String(60))  # 劳务带头人
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    # Every read shows the labourer's name and ID: the repository loads it in the same statement.
    labourer: Mapped[Labourer] = relationship(lazy="raise")
