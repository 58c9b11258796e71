"""Keyset (cursor) pagination: a page costs the same on the first page and the ten-thousandth."""
from collections.abc import Callable
from typing import Any, TypeVar

from contracts.page import Key, Page, encode_cursor, encode_key, parse_key
from services.kit.errors import FieldError, unprocessable

__all__ = ["MAX_PAGE", "Key", "Page", "encode_key", "encode_cursor", "decode_key", "decode_cursor", "page_of"]
T = TypeVar("T")
MAX_PAGE = 200


def _field(value: object, kind: Callable[[object], Any]) -> Any:
    if kind in (int, str):
        if not isinstance(value, kind) or isinstance(value, bool):
            raise ValueError
        return value
    return kind(value)  # a parser of the service's own: ValueError, TypeError or ArithmeticError when bad


def decode_key(cursor: str | None, fields: dict[str, Callable[[Any], Any]]) -> dict[str, Any] | None:
    """The sort key a cursor points after; each field is `int`, `str` or a parser that raises on a bad value.

    422 `request.invalid_cursor` when the cursor was not made by us, so a forged one never reaches SQL.
    """
    if not cursor:
        return None
    try:
        raw = parse_key(cursor)
        if set(raw) != set(fields):
            raise ValueError
        return {name: _field(raw[name], kind) for name, kind in fields.items()}
    except (ValueError, TypeError, ArithmeticError):
        raise unprocessable("request.invalid_cursor", "分页游标无效", [FieldError("after", "分页游标无效")]) from None


def decode_cursor(cursor: str | None) -> int | None:
    """The id a cursor points after; 422 when the cursor was not made by us."""
    key = decode_key(cursor, {"id": int})
    return None if key is None else int(key["id"])


def _row_id(row: Any) -> int:
    return int(row.id)


def page_of(rows: list[Any], limit: int, read: Callable[[Any], T] | None = None, *,
            key: Callable[[Any], int | Key] = _row_id) -> Page[T]:
    """Build a page from limit+1 fetched rows: the extra row only says whether there is more.

    `read` turns each kept row into what the API shows; `key` gives a row's place in the order for the next
    cursor: its id (the default), or its whole sort key when the order is not by id alone.
    """
    more = len(rows) > limit
    rows = rows[:limit]
    items = [read(r) for r in rows] if read else rows
    if not (more and rows):
        return Page(items=items, next_cursor=None)
    last = key(rows[-1])
    return Page(items=items, next_cursor=encode_key(last if isinstance(last, dict) else {"id": last}))
