"""Shapes of annual plans as read and changed."""
from datetime import date

from pydantic import BaseModel, Field

from services.kit.inputs import FreeText, StrictInput


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
