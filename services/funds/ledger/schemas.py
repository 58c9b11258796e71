"""Request shapes of the ledger (the ledger as read is in contracts/funds.py)."""
from typing import Annotated

from pydantic import Field, field_validator

from services.funds.terms import SourceLevel
from services.kit.counties import is_liuzhou_county
from services.kit.inputs import FreeText, StrictInput
from services.kit.periods.guard import CorrectionReason
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


class AllocationCreate(StrictInput):
    """Assign part of a batch to a fundable project (资金分配)."""

    project_id: int = Field(gt=0)
    amount: Yuan
    allocated_on: Day | None = Field(None, description="分配日期，默认今天")


class SpendingCreate(StrictInput):
    """A reimbursement against an allocation (报账)."""

    amount: Yuan
    spent_on: Day
    voucher_no: Annotated[str, Field(min_length=1, max_length=80, description="凭证号，全局唯一")]
    payee: Text
    correction_reason: CorrectionReason = None


class ReversalCreate(StrictInput):
    """A compensating entry for a wrong reimbursement (冲销): the original stays, this one undoes it."""

    voucher_no: Annotated[str, Field(min_length=1, max_length=80)]
    on: Day
    reason: Note
    correction_reason: CorrectionReason = None


class RecoveryCreate(StrictInput):
    """Take money back from an allocation (收回), at most its balance."""

    amount: Yuan
    on: Day | None = None
    reason: Note


class ReallocationCreate(StrictInput):
    """Place recovered money on another fundable project (另行安排)."""

    project_id: int = Field(gt=0)
    amount: Yuan
    on: Day | None = None
