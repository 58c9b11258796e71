"""The repository recipe: one class per model owns every SQL statement about it, starting from what the caller
may read (polar's `get_readable_statement`).

A subclass names its model and says how a caller's scope narrows it, once, in `readable(principal)`; `get`,
`get_many` and `page` all start from that statement, so no read can forget the scope. County-scoped models only
set `county_column`; models with another rule (an owner's organisation, say) override `readable`.
"""
from collections.abc import Sequence
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from services.kit.auth import Principal
from services.kit.db import Base
from services.kit.errors import not_found

M = TypeVar("M", bound=Base)


class Repository(Generic[M]):
    """Reads and writes of one model within the request's transaction; repositories `flush()`, never `commit()`."""

    model: ClassVar[type[Any]]
    # The county a row belongs to; None when the model is not county-scoped (then override `readable`).
    county_column: ClassVar[str | None] = "county_code"

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @property
    def id_column(self) -> InstrumentedAttribute[Any]:
        """The model's primary key column."""
        return self.model.id  # type: ignore[no-any-return]

    def scope(self, principal: Principal) -> list[ColumnElement[bool]]:
        """Conditions limiting rows to the caller's scope: its county, for county roles; none city-wide."""
        if principal.county is None or self.county_column is None:
            return []
        return [getattr(self.model, self.county_column) == principal.county]

    def readable(self, principal: Principal) -> Select[M]:
        """Every row the caller may read; every read of this repository starts here."""
        return select(self.model).where(*self.scope(principal))

    async def add(self, row: M) -> M:
        """Stage a new row and give it an id."""
        self.session.add(row)
        await self.session.flush()
        return row

    async def get(self, row_id: int, principal: Principal, *options: Any) -> M | None:
        """One row, if it exists and the caller may read it (see get_or_404 for the usual answer when not)."""
        query = self.readable(principal).where(self.id_column == row_id).options(*options)
        return (await self.session.scalars(query)).unique().one_or_none()

    async def get_or_404(self, row_id: int, principal: Principal, code: str, detail: str) -> M:
        """The row the caller may read; 404 `code` otherwise, the same answer whether it exists elsewhere or not."""
        row = await self.get(row_id, principal)
        if row is None:
            raise not_found(code, detail)
        return row

    async def get_many(self, ids: Sequence[int], principal: Principal, *options: Any) -> list[M]:
        """The readable rows among ids, in the order asked (missing and out-of-scope ids are left out)."""
        if not ids:
            return []
        query = self.readable(principal).where(self.id_column.in_(ids)).options(*options)
        rows: Sequence[Any] = (await self.session.scalars(query)).unique().all()
        found = {row.id: row for row in rows}
        return [found[i] for i in ids if i in found]

    async def page(self, query: Select[M], after: int | None, limit: int, *,
                   newest_first: bool = True) -> list[M]:
        """Up to limit+1 rows of a statement (built on `readable`), keyset-paginated by id after the cursor id."""
        if after is not None:
            query = query.where(self.id_column < after if newest_first else self.id_column > after)
        order = self.id_column.desc() if newest_first else self.id_column.asc()
        return list((await self.session.scalars(query.order_by(order).limit(limit + 1))).unique().all())
