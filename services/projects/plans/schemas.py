"""Shapes of annual plans as read and changed."""
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from services.kit.inputs import FreeText, StrictInput


class PlanEntryRead(BaseModel):
    """An entry's membership of a plan."""

    model_config = ConfigDict(from_attributes=True)

    project_id: int
    project_name: str
    project_status: str
    added_on: date
    added_by: str
    added_via: str = Field(description="schedule 列入 | rollover 滚动转入 | adjustment 调整 | import 导入")
    added_reason: str | None
    removed_on: date | None
    removed_by: str | None
    removed_reason: str | None


class PlanRead(BaseModel):
    """A county's annual implementation plan."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    county_code: str
    year: int
    status: str = Field(description="open 执行中 | closed 已关闭（只读）")
    version: int
    created_at: datetime
    closed_at: datetime | None
    entries: list[PlanEntryRead] = Field(default_factory=list)


class AdjustmentIn(StrictInput):
    """A fourth-quarter adjustment (第四季度调整) of an open plan."""

    add: list[int] = Field(default_factory=list, max_length=200)
    remove: list[int] = Field(default_factory=list, max_length=200)
    reason: FreeText = Field(min_length=1, max_length=2000)


class PlanMembership(BaseModel):
    """One plan an entry has been in."""

    year: int
    plan_status: str
    added_via: str
    added_on: date
    removed_on: date | None
    removed_reason: str | None
