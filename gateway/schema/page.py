"""One page of a list in GraphQL: its items, the opaque cursor of the next page (REST's keyset pages) and whether
there is one.

Resolvers answer the service's page (contracts.page.Page) as it came: the GraphQL type reads the same fields, and
`hasNextPage` is derived from the cursor. Every list but `projects` (a Relay connection, whose `pageInfo` carries the
same two facts) has this one shape: adding `hasNextPage` breaks no client, where turning fifteen lists into
connections would have changed every query that reads them and built an edge and a cursor per item.
"""
from typing import Generic, TypeVar

import strawberry

T = TypeVar("T")
MAX_FIRST = 200


@strawberry.type(description="一页结果与下一页游标：把 nextCursor 作为 after 传回取下一页，直到 hasNextPage 为假")
class Page(Generic[T]):
    """The GraphQL shape of contracts.page.Page."""

    items: list[T] = strawberry.field(description="本页的项")
    next_cursor: str | None = strawberry.field(description="下一页的游标：作为 after 传回；为空表示已是最后一页")

    @strawberry.field(description="其后是否还有一页（nextCursor 不为空）")
    def has_next_page(self) -> bool:
        """Whether a next page exists: the service gives a cursor exactly then."""
        return self.next_cursor is not None


def page_size(first: int) -> int:
    """How many items a page asks the service for: `first`, kept within 1 to MAX_FIRST."""
    return max(1, min(first, MAX_FIRST))
