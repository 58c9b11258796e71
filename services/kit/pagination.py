"""Keyset (cursor) pagination: a page costs the same on the first page and the ten-thousandth."""
import base64
import json
from typing import Generic, TypeVar

from pydantic import BaseModel, Field

from services.kit.errors import FieldError, unprocessable

T = TypeVar("T")
MAX_PAGE = 200


class Page(BaseModel, Generic[T]):
    """One page of a list and the opaque cursor of the next, null on the last page."""

    items: list[T]
    next_cursor: str | None = Field(None, description="传入 after 以取下一页；为空表示已是最后一页")


def encode_cursor(last_id: int) -> str:
    """An opaque cursor pointing after the row with this id."""
    return base64.urlsafe_b64encode(json.dumps({"id": last_id}).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int | None:
    """The id a cursor points after; 422 when the cursor was not made by us."""
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded))["id"]
        if not isinstance(value, int):
            raise ValueError
        return value
    except (ValueError, KeyError, TypeError):
        raise unprocessable("request.invalid_cursor", "分页游标无效", [FieldError("after", "分页游标无效")]) from None


def page_of(rows: list[T], limit: int, id_of) -> Page[T]:
    """Build a page from limit+1 fetched rows: the extra row only says whether there is more."""
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(items=rows, next_cursor=encode_cursor(id_of(rows[-1])) if more and rows else None)
