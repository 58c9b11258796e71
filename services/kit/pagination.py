"""Keyset (cursor) pagination: a page costs the same on the first page and the ten-thousandth."""
import base64
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Generic, TypeVar

from pydantic import BaseModel, Field

from services.kit.errors import FieldError, unprocessable

T = TypeVar("T")
MAX_PAGE = 200


class Page(BaseModel, Generic[T]):
    """One page of a list and the opaque cursor of the next, null on the last page."""

    items: list[T]
    next_cursor: str | None = Field(None, description="传入 after 以取下一页；为空表示已是最后一页")


Key = dict[str, int | str]


def encode_key(key: Key) -> str:
    """An opaque cursor pointing after the row with this sort key (its id, or several columns)."""
    return base64.urlsafe_b64encode(json.dumps(key, sort_keys=True).encode()).decode().rstrip("=")


def encode_cursor(last_id: int) -> str:
    """An opaque cursor pointing after the row with this id."""
    return encode_key({"id": last_id})


def _valid(value: object, kind: type) -> bool:
    if kind is Decimal:
        return isinstance(value, str) and Decimal(value).is_finite()
    return isinstance(value, kind) and not isinstance(value, bool)


def decode_key(cursor: str | None, fields: dict[str, type]) -> dict | None:
    """The sort key a cursor points after, each field of its type (int, str or Decimal); 422 when not ours."""
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        raw = json.loads(base64.urlsafe_b64decode(padded))
        if not isinstance(raw, dict) or set(raw) != set(fields) or not all(
                _valid(raw[name], kind) for name, kind in fields.items()):
            raise ValueError
        return {name: Decimal(raw[name]) if kind is Decimal else raw[name] for name, kind in fields.items()}
    except (ValueError, TypeError, ArithmeticError):
        raise unprocessable("request.invalid_cursor", "分页游标无效", [FieldError("after", "分页游标无效")]) from None


def decode_cursor(cursor: str | None) -> int | None:
    """The id a cursor points after; 422 when the cursor was not made by us."""
    key = decode_key(cursor, {"id": int})
    return None if key is None else key["id"]


def page_of(rows: list[T], limit: int, key_of: Callable[[T], int | Key]) -> Page[T]:
    """Build a page from limit+1 fetched rows: the extra row only says whether there is more.

    `key_of` gives the last row's id, or its whole sort key when the order is not by id alone.
    """
    more = len(rows) > limit
    rows = rows[:limit]
    if not (more and rows):
        return Page(items=rows, next_cursor=None)
    key = key_of(rows[-1])
    return Page(items=rows, next_cursor=encode_key(key if isinstance(key, dict) else {"id": key}))
