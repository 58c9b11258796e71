"""One page of a list in GraphQL: its items and the opaque cursor of the next page (REST's keyset pages).

Resolvers answer the service's page (contracts.page.Page) as it came: the GraphQL type reads the same fields.
"""
from typing import Generic, TypeVar

import strawberry

T = TypeVar("T")
MAX_FIRST = 200


@strawberry.type(description="一页结果与下一页游标：把 nextCursor 作为 after 传回取下一页，为空表示最后一页")
class Page(Generic[T]):
    """The GraphQL shape of contracts.page.Page."""

    items: list[T] = strawberry.field(description="本页的项")
    next_cursor: str | None = strawberry.field(description="下一页的游标：作为 after 传回；为空表示已是最后一页")


def page_size(first: int) -> int:
    """How many items a page asks the service for: `first`, kept within 1 to MAX_FIRST."""
    return max(1, min(first, MAX_FIRST))
