"""Training courses (就业技能培训、创业培训、两后生中期职业培训) and their participants."""
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from contracts.enums import CourseKind, Outcome
from services.employment.labourers.models import Labourer
from services.employment.terms import str_enum
from services.kit.db import Base, BigId, UTCDateTime, utcnow

__all__ = ["CourseKind", "Outcome", "Course", "Participant"]


class Course(Base):
    """One training course held in a county."""

    __tablename__ = "courses"
    __table_args__ = (Index("ix_courses_county_id", "county_code", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    kind: Mapped[CourseKind] = mapped_column(str_enum(CourseKind))
    name: Mapped[str] = mapped_column(String(200))
    county_code: Mapped[str] = mapped_column(String(6))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Participant(Base):
    """A labourer on a course and the outcome; one row per labourer and course."""

    __tablename__ = "course_participants"
    __table_args__ = (UniqueConstraint("course_id", "labourer_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id"), index=True)
    labourer_id: Mapped[int] = mapped_column(ForeignKey("labourers.id"), index=True)
    outcome: Mapped[Outcome] = mapped_column(str_enum(Outcome))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    # A course shows each participant's name and ID: the repository loads the labourer in the same statement.
    labourer: Mapped[Labourer] = relationship(lazy="raise")
