"""The class override of an idle item (idle items and their sums as read are in contracts/funds.py)."""
from services.funds.ledger.schemas import Note
from services.funds.terms import IdleClass
from services.kit.inputs import StrictInput


class ClassOverride(StrictInput):
    """Finance sets an item's class by hand, with the reason (人工调整分类)."""

    idle_class: IdleClass
    reason: Note
