"""Request and response shapes of the ledger."""
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from services.funds.terms import SourceLevel
from services.kit.counties import is_liuzhou_county
from services.kit.inputs import FreeText, StrictInput
from services.kit.values import Day, Year, Yuan

Text = Annotated[str, Field(min_length=1, max_length=200)]
Note = Annotated[FreeText, Field(min_length=1, max_length=200)]  # reasons, measures, notes: may span lines


class BatchCreate(StrictInput):
    """A fund document as it arrives (资金文件)."""

    doc_number: Annotated[str, Field(min_length=1, max_length=80, description="文号，如 桂财农〔2018〕12号")]
    source_level: SourceLevel
    year: Year
    county_code: str
    amount: Yuan
    received_on: Day
    purpose: Annotated[FreeText, Field(min_length=1, max_length=2000)]

    @field_validator("county_code")
    @classmethod
    def _county(cls, value: str) -> str:
        if not is_liuzhou_county(value):
            raise ValueError("不是柳州市的县区代码")
        return value


class BatchRead(BaseModel):
    """A batch and how much of it is allocated (net of recoveries) and still unallocated."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    doc_number: str
    source_level: SourceLevel
    year: int
    county_code: str
    amount: Decimal
    allocated: Decimal
    unallocated: Decimal
    received_on: date
    purpose: str
    created_by: str
    created_at: datetime


class AllocationCreate(StrictInput):
    """Assign part of a batch to a fundable project (资金分配)."""

    project_id: int = Field(gt=0)
    amount: Yuan
    allocated_on: Day | None = Field(None, description="分配日期，默认今天")


class AllocationRead(BaseModel):
    """An allocation: amount = spent + recovered + balance."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    batch_id: int
    project_id: int
    county_code: str
    source_level: SourceLevel
    year: int
    amount: Decimal
    spent: Decimal
    recovered: Decimal
    balance: Decimal
    allocated_on: date
    last_spent_on: date | None
    created_by: str


class SpendingCreate(StrictInput):
    """A reimbursement against an allocation (报账)."""

    amount: Yuan
    spent_on: Day
    voucher_no: Annotated[str, Field(min_length=1, max_length=80, description="凭证号，全局唯一")]
    payee: Text


class ReversalCreate(StrictInput):
    """A compensating entry for a wrong reimbursement (冲销): the original stays, this one undoes it."""

    voucher_no: Annotated[str, Field(min_length=1, max_length=80)]
    on: Day
    reason: Note


class SpendingRead(BaseModel):
    """A spending or reversal entry."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    allocation_id: int
    kind: str
    amount: Decimal
    spent_on: date
    voucher_no: str
    payee: str
    reverses_id: int | None
    created_by: str


class RecoveryCreate(StrictInput):
    """Take money back from an allocation (收回), at most its balance."""

    amount: Yuan
    on: Day | None = None
    reason: Note


class RecoveryRead(BaseModel):
    """Recovered money, and how much of it has been placed on other projects since."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    allocation_id: int
    batch_id: int
    project_id: int
    county_code: str
    amount: Decimal
    reallocated: Decimal
    recovered_on: date
    reason: str


class ReallocationCreate(StrictInput):
    """Place recovered money on another fundable project (另行安排)."""

    project_id: int = Field(gt=0)
    amount: Yuan
    on: Day | None = None


class TransferRead(BaseModel):
    """A transfer record: from, to, amount, date, and how quickly the money moved on."""

    id: int
    recovery_id: int
    from_allocation_id: int
    to_allocation_id: int
    from_project_id: int
    to_project_id: int
    county_code: str
    amount: Decimal
    recovered_on: date
    transferred_on: date
    to_project_started_on: date | None
    days_recovery_to_reallocation: int = Field(description="收回到另行安排的天数")
    days_reallocation_to_start: int | None = Field(description="另行安排到新项目开工的天数；未开工为空")
