"""Village collective economy (村级集体经济): yearly income by source, entries' expected income, 三变 shares."""
from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

import services.projects.library.models  # noqa: F401  (the entries and villages these rows point at)
from services.kit.db import Base, BigId, UTCDateTime, utcnow
from services.kit.money import Fen


class CollectiveIncome(Base):
    """One administrative village's collective income (村级集体经济收入) for one year, by source, in yuan."""

    __tablename__ = "collective_incomes"
    __table_args__ = (
        UniqueConstraint("village_id", "year", name="village_year"),
        Index("ix_collective_incomes_county_year", "county_code", "year", "village_id"),
        CheckConstraint("dividends >= 0 AND leasing >= 0 AND operating >= 0 AND other >= 0", name="sources"),
        CheckConstraint("total = dividends + leasing + operating + other", name="total"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("administrative_villages.id"))
    county_code: Mapped[str] = mapped_column(String(6))  # the village's, so scope filters need no join
    year: Mapped[int] = mapped_column(Integer)
    dividends: Mapped[Decimal] = mapped_column(Fen)  # 入股分红
    leasing: Mapped[Decimal] = mapped_column(Fen)  # 资源发包租赁
    operating: Mapped[Decimal] = mapped_column(Fen)  # 经营收入
    other: Mapped[Decimal] = mapped_column(Fen)  # 其他
    total: Mapped[Decimal] = mapped_column(Fen)  # the sum, kept so the below-target list is one indexed filter
    recorded_by: Mapped[str] = mapped_column(String(120))
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    __mapper_args__ = {"version_id_col": version}


class ExpectedIncome(Base):
    """The collective income a collective-economy entry (村级集体经济项目) is expected to bring its village a year."""

    __tablename__ = "collective_expected_incomes"
    __table_args__ = (CheckConstraint("amount >= 0", name="amount"),)

    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True)
    amount: Mapped[Decimal] = mapped_column(Fen)
    recorded_by: Mapped[str] = mapped_column(String(120))
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    __mapper_args__ = {"version_id_col": version}


class ShareConversion(Base):
    """三变 (资源变资产、资金变股金、农民变股东): an entry turning funds into a village's shares held by its members."""

    __tablename__ = "share_conversions"
    __table_args__ = (
        Index("ix_share_conversions_county_id", "county_code", "id"),
        CheckConstraint("members > 0 AND households > 0 AND households <= members", name="members"),
        CheckConstraint("shares > 0 AND amount > 0", name="shares"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("administrative_villages.id"), index=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    county_code: Mapped[str] = mapped_column(String(6))
    year: Mapped[int] = mapped_column(Integer)
    members: Mapped[int] = mapped_column(Integer)  # 成员数
    households: Mapped[int] = mapped_column(Integer)  # 户数
    shares: Mapped[int] = mapped_column(Integer)  # 股数
    amount: Mapped[Decimal] = mapped_column(Fen)  # 折股金额
    recorded_by: Mapped[str] = mapped_column(String(120))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
