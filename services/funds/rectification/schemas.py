"""Request shapes of rectification cases (整改台账); cases and the weekly notice as read are in contracts/funds.py."""
from typing import Literal

from pydantic import Field, model_validator

from services.funds.ledger.schemas import Note, Text
from services.kit.inputs import FreeText, StrictInput
from services.kit.values import Day


class CaseCreate(StrictInput):
    """Open a case for an idle item, or for an audit or inspection finding on a batch or project."""

    origin: Literal["idle", "audit", "inspection"] = "idle"
    batch_id: int | None = Field(None, description="未分配闲置、或针对资金批次的发现")
    allocation_id: int | None = Field(None, description="已分配未支出的闲置")
    project_id: int | None = Field(None, description="针对项目的审计、督查发现")
    finding: FreeText | None = Field(None, max_length=4000, description="审计、督查发现的问题")
    measure: Note = Field(description="整改措施")
    responsible_unit: Text = Field(description="责任单位")
    deadline: Day | None = Field(None, description="整改期限；默认按分类取 FUNDS_RECTIFY_DAYS")

    @model_validator(mode="after")
    def _target(self) -> "CaseCreate":
        targets = [x for x in (self.batch_id, self.allocation_id, self.project_id) if x is not None]
        if len(targets) != 1:
            raise ValueError("须且只能指定 batch_id、allocation_id、project_id 之一")
        if self.origin == "idle" and self.project_id is not None:
            raise ValueError("闲置资金整改须指定资金批次或资金分配")
        if self.origin != "idle" and not self.finding:
            raise ValueError("审计、督查发现须写明问题")
        return self


class CaseClose(StrictInput):
    """Close a case (销号) with a note."""

    note: Note
