"""One page of a list in GraphQL: its items and the opaque cursor of the next page (REST's keyset pages)."""
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import strawberry

T = TypeVar("T")
MAX_FIRST = 200


@strawberry.type(description="一页结果与下一页游标：把 nextCursor 作为 after 传回取下一页，为空表示最后一页")
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None


def page_size(first: int) -> int:
    """How many items a page asks the service for: `first`, kept within 1 to MAX_FIRST."""
    return max(1, min(first, MAX_FIRST))


def page_of(page: dict[str, Any], make: Callable[[dict[str, Any]], T]) -> Page[T]:
    """A GraphQL page from a REST page, each item built by `make`."""
    return Page(items=[make(x) for x in page["items"]], next_cursor=page["next_cursor"])
