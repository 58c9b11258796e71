"""One page of a list (keyset pagination) and the cursor format: every service answers lists this way.

The cursor is opaque to callers; its encoding is here because the gateway builds a cursor per Relay edge that the
service must accept back as `after`.
"""
import base64
import json
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")
Key = dict[str, int | str]


class Page(BaseModel, Generic[T]):
    """One page of a list and the opaque cursor of the next, null on the last page."""

    items: list[T]
    next_cursor: str | None = Field(None, description="传入 after 以取下一页；为空表示已是最后一页")


def encode_key(key: Key) -> str:
    """An opaque cursor pointing after the row with this sort key (its id, or several columns)."""
    return base64.urlsafe_b64encode(json.dumps(key, sort_keys=True).encode()).decode().rstrip("=")


def encode_cursor(last_id: int) -> str:
    """An opaque cursor pointing after the row with this id."""
    return encode_key({"id": last_id})


def parse_key(cursor: str) -> dict[str, Any]:
    """The sort key inside a cursor, unchecked; ValueError when it is not one this format made."""
    raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    if not isinstance(raw, dict):
        raise ValueError("not a cursor")
    return raw
