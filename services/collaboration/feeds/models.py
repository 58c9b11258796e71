"""What the collaboration service keeps of other services' feeds: library entries (项目库) and the Guangdong
money of the funds ledger (粤桂协作资金的批次与分配). Never typed by hand: only the feed followers write here."""
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, Date, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from services.collaboration.terms import Scaled
from services.kit.db import Base, BigId, UTCDateTime, utcnow


class FeedPosition(Base):
    """How far a feed has been applied (its last event id), moved in the transaction that applied the events."""

    __tablename__ = "feed_positions"

    feed: Mapped[str] = mapped_column(String(32), primary_key=True)
    after: Mapped[int] = mapped_column(BigInteger, default=0)


class LibraryEntry(Base):
    """The latest known state of a library entry; an event applies only when its version is newer."""

    __tablename__ = "library_entries"

    project_id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(200))
    county_code: Mapped[str] = mapped_column(String(6))
    status: Mapped[str] = mapped_column(String(32))
    owner_org: Mapped[str] = mapped_column(String(120))
    library_code: Mapped[str | None] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class GuangdongBatch(Base):
    """A fund batch of source `guangdong` as the funds service received it (资金到位)."""

    __tablename__ = "guangdong_batches"
    __table_args__ = (Index("ix_guangdong_batches_county_year", "county_code", "year"),)

    batch_id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=False)
    county_code: Mapped[str] = mapped_column(String(6))
    year: Mapped[int] = mapped_column(Integer)
    doc_number: Mapped[str] = mapped_column(String(100))
    amount: Mapped[Decimal] = mapped_column(Scaled(2))
    received_on: Mapped[date] = mapped_column(Date)


class GuangdongAllocation(Base):
    """An allocation of Guangdong money to a project, as the funds ledger last reported it.

    amount = spent + recovered + balance, as in the funds service; `first_spent_on` is the day of its first
    reimbursement (报账), for the days from arrival to first spending.
    """

    __tablename__ = "guangdong_allocations"
    __table_args__ = (
        Index("ix_guangdong_allocations_county_year", "county_code", "year"),
        Index("ix_guangdong_allocations_project", "project_id"),
    )

    allocation_id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=False)
    batch_id: Mapped[int] = mapped_column(BigInteger)
    project_id: Mapped[int] = mapped_column(BigInteger)
    county_code: Mapped[str] = mapped_column(String(6))
    year: Mapped[int] = mapped_column(Integer)
    amount: Mapped[Decimal] = mapped_column(Scaled(2))
    spent: Mapped[Decimal] = mapped_column(Scaled(2))
    balance: Mapped[Decimal] = mapped_column(Scaled(2))
    allocated_on: Mapped[date] = mapped_column(Date)
    first_spent_on: Mapped[date | None] = mapped_column(Date)
