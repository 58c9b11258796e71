"""Work-queue helpers every service shares: a deadline's warning, an item, the queue's order and its cursor."""
from collections.abc import Mapping
from datetime import date

from contracts.work import Position, WorkItem, WorkKind, WorkLink, cursor_position, position_of
from services.kit.errors import FieldError, unprocessable

# Days ahead a kind warns when its service's settings do not name it.
DEFAULT_WARN_DAYS = 3


def urgency(deadline: date | None, today: date, warn_days: int) -> tuple[bool, bool]:
    """(due_soon, overdue) of a deadline: overdue once today is past it; due soon within warn_days before it."""
    if deadline is None:
        return False, False
    overdue = today > deadline
    return (not overdue and (deadline - today).days <= warn_days), overdue


def work_item(kind: WorkKind, link: WorkLink, title: str, expected: str, deadline: date | None,
              county_code: str | None, today: date, warn_days: int, period: str | None = None) -> WorkItem:
    """One item of a queue (待办事项), keyed `service:kind:id[:period]`, its warning judged on `today`."""
    key = f"{link.service}:{kind.value}:{link.id}" + (f":{period}" if period else "")
    due_soon, overdue = urgency(deadline, today, warn_days)
    return WorkItem(key=key, kind=kind, title=title, expected=expected, deadline=deadline, due_soon=due_soon,
                    overdue=overdue, county_code=county_code, link=link)


def warn_days_of(days: Mapping[str, int], kind: WorkKind) -> int:
    """How many days ahead `kind` warns, by a service's setting (DEFAULT_WARN_DAYS when it names none)."""
    return days.get(kind.value, DEFAULT_WARN_DAYS)


def order_key(item: WorkItem) -> Position:
    """Where an item stands in the queue: by deadline (undated last), then kind, id and period of its key."""
    return position_of(item.deadline, item.key)


def after_position(cursor: str | None) -> Position | None:
    """The position a cursor points after; 422 `request.invalid_cursor` when we did not make it."""
    if not cursor:
        return None
    try:
        return cursor_position(cursor)
    except (ValueError, TypeError):
        raise unprocessable("request.invalid_cursor", "分页游标无效", [FieldError("after", "分页游标无效")]) from None
