"""Work-queue helpers every service shares: a deadline's warning, an item, the queue's order, cursor and page."""
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from contracts.page import encode_key, parse_key
from contracts.work import WorkCount, WorkItem, WorkKind, WorkLink, WorkPage
from services.kit.errors import FieldError, unprocessable

# Undated items sort after every dated one.
_NO_DEADLINE = "9999-12-31"
# Days ahead a kind warns when its service's settings do not name it.
DEFAULT_WARN_DAYS = 3


def urgency(deadline: date | None, today: date, warn_days: int) -> tuple[bool, bool]:
    """(due_soon, overdue) of a deadline: overdue once today is past it; due soon within warn_days before it."""
    if deadline is None:
        return False, False
    overdue = today > deadline
    return (not overdue and (deadline - today).days <= warn_days), overdue


def work_item(kind: WorkKind, link: WorkLink, title: str, expected: str, deadline: date | None,
              county_code: str | None, today: date, warn_days: Mapping[str, int], period: str | None = None
              ) -> WorkItem:
    """One item of a queue (待办事项), keyed `service:kind:id[:period]`, its warning judged on `today`."""
    key = f"{link.service}:{kind.value}:{link.id}" + (f":{period}" if period else "")
    due_soon, overdue = urgency(deadline, today, warn_days.get(kind.value, DEFAULT_WARN_DAYS))
    return WorkItem(key=key, kind=kind, title=title, expected=expected, deadline=deadline, due_soon=due_soon,
                    overdue=overdue, county_code=county_code, link=link)


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


def counts_of(items: Iterable[WorkItem]) -> list[WorkCount]:
    """How many items of each kind, and how many of them are due soon or overdue, in WorkKind order."""
    counts: dict[WorkKind, WorkCount] = {}
    for item in items:
        count = counts.setdefault(item.kind, WorkCount(kind=item.kind, total=0, due_soon=0, overdue=0))
        count.total += 1
        count.due_soon += item.due_soon
        count.overdue += item.overdue
    return [counts[kind] for kind in WorkKind if kind in counts]


def work_page(items: Iterable[WorkItem], after: str | None, limit: int, kind: WorkKind | None = None) -> WorkPage:
    """One page of a caller's queue after the cursor, in (deadline, key) order, with counts over the whole queue
    (every kind, whatever `kind` filters); 422 `request.invalid_cursor` for a cursor we did not make."""
    try:
        position = after_position(after or None)
    except (ValueError, TypeError):
        raise unprocessable("request.invalid_cursor", "分页游标无效", [FieldError("after", "分页游标无效")]) from None
    queue = list(items)
    chosen = sorted((i for i in queue if kind is None or i.kind == kind), key=order_key)
    if position is not None:
        chosen = [i for i in chosen if order_key(i) > position]
    page = chosen[:limit]
    more = len(chosen) > limit
    return WorkPage(items=page, next_cursor=work_cursor(page[-1]) if more and page else None,
                    counts=counts_of(queue))
