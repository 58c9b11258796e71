"""The ledger (资金台账): batches, allocations, spending, recoveries and transfers. Amounts are never edited."""
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from services.funds.terms import Money, SourceLevel, str_enum
from services.kit.db import Base, BigId, UTCDateTime, utcnow


class FundBatch(Base):
    """A fund document (资金文件) received for a county: its amount splits into allocated and unallocated."""

    __tablename__ = "fund_batches"
    __table_args__ = (
        UniqueConstraint("source_level", "year", "doc_number", name="uq_fund_batches_doc"),
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("allocated >= 0 AND unallocated >= 0", name="not_negative"),
        CheckConstraint("amount = allocated + unallocated", name="balanced"),
        Index("ix_fund_batches_county_id", "county_code", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    doc_number: Mapped[str] = mapped_column(String(80))
    source_level: Mapped[SourceLevel] = mapped_column(str_enum(SourceLevel))
    year: Mapped[int] = mapped_column(Integer)
    county_code: Mapped[str] = mapped_column(String(6))
    amount: Mapped[Decimal] = mapped_column(Money)
    allocated: Mapped[Decimal] = mapped_column(Money)  # net of recoveries
    unallocated: Mapped[Decimal] = mapped_column(Money)
    received_on: Mapped[date] = mapped_column(Date)
    purpose: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Allocation(Base):
    """Money of a batch assigned to a project (资金分配): amount = spent + recovered + balance."""

    __tablename__ = "allocations"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("spent >= 0 AND recovered >= 0 AND balance >= 0", name="not_negative"),
        CheckConstraint("amount = spent + recovered + balance", name="balanced"),
        Index("ix_allocations_county_id", "county_code", "id"),
        Index("ix_allocations_project_id", "project_id"),
        Index("ix_allocations_batch_id", "batch_id"),
        # When a balance last moved: the work queue's idle count finds the recently moved ones from it.
        Index("ix_allocations_balance_since", text("coalesce(last_spent_on, allocated_on)"),
              postgresql_where=text("balance > 0"), sqlite_where=text("balance > 0")),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("fund_batches.id"))
    project_id: Mapped[int] = mapped_column(BigId)
    # Copied from the batch so idle-fund sums group without a join.
    county_code: Mapped[str] = mapped_column(String(6))
    source_level: Mapped[SourceLevel] = mapped_column(str_enum(SourceLevel))
    year: Mapped[int] = mapped_column(Integer)
    amount: Mapped[Decimal] = mapped_column(Money)
    spent: Mapped[Decimal] = mapped_column(Money)
    recovered: Mapped[Decimal] = mapped_column(Money)
    balance: Mapped[Decimal] = mapped_column(Money)
    allocated_on: Mapped[date] = mapped_column(Date)
    last_spent_on: Mapped[date | None] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AllocationsWithBalance(Base):
    """How many allocations of a county hold a balance, kept by triggers on `allocations` (migration 2026_11_30_0003)
    in the same transaction as every write: the work queue's idle count starts from it."""

    __tablename__ = "allocations_with_balance"

    county_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    items: Mapped[int] = mapped_column(BigInteger)


class Spending(Base):
    """A reimbursement (报账) against an allocation, or a reversal (冲销) of an earlier one."""

    __tablename__ = "spendings"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("kind IN ('spend', 'reversal')", name="kind"),
        UniqueConstraint("voucher_no", name="uq_spendings_voucher_no"),
        UniqueConstraint("reverses_id", name="uq_spendings_reverses_id"),
        Index("ix_spendings_allocation_id", "allocation_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    allocation_id: Mapped[int] = mapped_column(ForeignKey("allocations.id"))
    kind: Mapped[str] = mapped_column(String(16), default="spend")
    amount: Mapped[Decimal] = mapped_column(Money)
    spent_on: Mapped[date] = mapped_column(Date)
    voucher_no: Mapped[str] = mapped_column(String(80))
    payee: Mapped[str] = mapped_column(String(200))
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("spendings.id"))
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Recorded in a closed month as a correction (关账后更正): why; None for an ordinary entry.
    correction_reason: Mapped[str | None] = mapped_column(Text)


class Recovery(Base):
    """Money taken back from an allocation into its batch's unallocated balance (收回)."""

    __tablename__ = "recoveries"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("reallocated >= 0 AND reallocated <= amount", name="reallocated_within"),
        Index("ix_recoveries_allocation_id", "allocation_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    allocation_id: Mapped[int] = mapped_column(ForeignKey("allocations.id"))
    batch_id: Mapped[int] = mapped_column(ForeignKey("fund_batches.id"))
    project_id: Mapped[int] = mapped_column(BigId)
    county_code: Mapped[str] = mapped_column(String(6))
    amount: Mapped[Decimal] = mapped_column(Money)
    reallocated: Mapped[Decimal] = mapped_column(Money)
    recovered_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Transfer(Base):
    """Recovered money placed on another project (另行安排): from, to, amount, date."""

    __tablename__ = "transfers"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),
                      Index("ix_transfers_recovery_id", "recovery_id"))

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    recovery_id: Mapped[int] = mapped_column(ForeignKey("recoveries.id"))
    from_allocation_id: Mapped[int] = mapped_column(ForeignKey("allocations.id"))
    to_allocation_id: Mapped[int] = mapped_column(ForeignKey("allocations.id"))
    from_project_id: Mapped[int] = mapped_column(BigId)
    to_project_id: Mapped[int] = mapped_column(BigId)
    county_code: Mapped[str] = mapped_column(String(6))
    amount: Mapped[Decimal] = mapped_column(Money)
    transferred_on: Mapped[date] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
