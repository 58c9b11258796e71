"""Work-queue helpers every service shares: a deadline's warning, the queue's order and its cursor."""
from datetime import date
from typing import Any

from contracts.page import encode_key, parse_key
from contracts.work import WorkItem

# Undated items sort after every dated one.
_NO_DEADLINE = "9999-12-31"


def urgency(deadline: date | None, today: date, warn_days: int) -> tuple[bool, bool]:
    """(due_soon, overdue) of a deadline: overdue once today is past it; due soon within warn_days before it."""
    if deadline is None:
        return False, False
    overdue = today > deadline
    return (not overdue and (deadline - today).days <= warn_days), overdue


def order_key(item: WorkItem) -> tuple[str, str]:
    """Where an item stands in the queue: by deadline (undated last), then by its stable key."""
    return (item.deadline.isoformat() if item.deadline else _NO_DEADLINE, item.key)


def work_cursor(item: WorkItem) -> str:
    """The opaque cursor pointing after this item."""
    deadline, key = order_key(item)
    return encode_key({"d": deadline, "k": key})


def after_position(cursor: str | None) -> tuple[str, str] | None:
    """The (deadline, key) position a cursor points after; ValueError when it is not a work cursor."""
    if cursor is None:
        return None
    raw: dict[str, Any] = parse_key(cursor)
    deadline, key = raw.get("d"), raw.get("k")
    if not isinstance(deadline, str) or not isinstance(key, str) or len(deadline) != 10 or len(key) > 200:
        raise ValueError("not a work cursor")
    return deadline, key
