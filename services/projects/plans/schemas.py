"""Shapes of annual plans as changed; as read they are contracts.projects.PlanRead and PlanMembership."""
from pydantic import Field

from services.kit.inputs import FreeText, StrictInput


class AdjustmentIn(StrictInput):
    """A fourth-quarter adjustment (第四季度调整) of an open plan."""

    add: list[int] = Field(default_factory=list, max_length=200)
    remove: list[int] = Field(default_factory=list, max_length=200)
    reason: FreeText = Field(min_length=1, max_length=2000)
