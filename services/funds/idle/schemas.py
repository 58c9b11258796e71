"""Shapes of idle items, their sums and the class override."""
from datetime import date
from decimal import Decimal

from pydantic import BaseModel, Field

from services.funds.ledger.schemas import Note
from services.funds.terms import IdleClass
from services.kit.inputs import StrictInput


class IdleItem(BaseModel):
    """One idle item (闲置资金): an unallocated batch balance or an allocation's balance."""

    kind: str = Field(description="batch（未分配）或 allocation（已分配未支出）")
    item_id: int
    batch_id: int
    project_id: int | None
    project_status: str | None
    county_code: str
    source_level: str
    year: int
    amount: Decimal
    since: date = Field(description="资金最后一次变动（到位、分配或支出）的日期")
    age_days: int
    age_bucket: str = Field(description="闲置月数区间：0-3、3-6、6-12、12+")
    idle_class: IdleClass
    idle_class_label: str
    overridden: bool = Field(description="分类是否经财政部门人工调整")


class IdleSum(BaseModel):
    """Idle yuan and items for one group; absent dimensions were not grouped by."""

    county_code: str | None = None
    source_level: str | None = None
    year: int | None = None
    idle_class: str | None = None
    age_bucket: str | None = None
    amount: Decimal
    items: int


class ClassOverride(StrictInput):
    """Finance sets an item's class by hand, with the reason (人工调整分类)."""

    idle_class: IdleClass
    reason: Note
