"""The funds service's own view of project states (项目状态投影), fed from the projects event feed."""
from datetime import date, datetime

from sqlalchemy import BigInteger, Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from services.kit.db import Base, BigId, UTCDateTime, utcnow


class ProjectState(Base):
    """The latest known state of one project; an event only applies when its version is newer."""

    __tablename__ = "project_states"

    project_id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=False)
    status: Mapped[str] = mapped_column(String(32))
    county_code: Mapped[str] = mapped_column(String(6))
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str | None] = mapped_column(String(200))
    owner_org: Mapped[str | None] = mapped_column(String(120))  # scopes the project's money events to its owner
    started_on: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class FeedCursor(Base):
    """How far an event feed has been applied (the last event id), committed with the changes it caused."""

    __tablename__ = "feed_cursors"

    feed: Mapped[str] = mapped_column(String(32), primary_key=True)
    after: Mapped[int] = mapped_column(BigInteger, default=0)
