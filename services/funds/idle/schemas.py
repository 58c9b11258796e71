"""The class override and the filters of idle items (idle items and their sums as read are in contracts/funds.py)."""
from dataclasses import dataclass

from services.funds.ledger.schemas import Note
from services.funds.terms import IdleClass
from services.kit.inputs import StrictInput


class ClassOverride(StrictInput):
    """Finance sets an item's class by hand, with the reason (人工调整分类)."""

    idle_class: IdleClass
    reason: Note


@dataclass(frozen=True)
class IdleFilter:
    """Filters of the idle list and sums; None means any."""

    county: str | None = None
    source_level: str | None = None
    year: int | None = None
    idle_class: str | None = None
    age_bucket: str | None = None
    project_ids: tuple[int, ...] | None = None
