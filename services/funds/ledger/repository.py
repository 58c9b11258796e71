"""All SQL of the ledger, one repository per model. Every movement is one conditional UPDATE, so two requests can
never overdraw."""
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, select, type_coerce, update
from sqlalchemy.engine import CursorResult

from services.funds.ledger.models import Allocation, FundBatch, Recovery, Spending, Transfer
from services.funds.projection.models import ProjectState
from services.funds.terms import Money
from services.kit.auth import Principal
from services.kit.repository import M, Repository


def _where_equal(query: Select[Any], pairs: Sequence[tuple[Any, Any]]) -> Select[Any]:
    """The query narrowed to each column equal to its value, where a value is given (None: any)."""
    return query.where(*(column == value for column, value in pairs if value is not None))


def _moved(result: Any) -> bool:
    """Whether a conditional UPDATE found its row (its condition held)."""
    return isinstance(result, CursorResult) and result.rowcount == 1


class LedgerRepository(Repository[M]):
    """The ledger's common ground: a row read again after a conditional UPDATE."""

    async def fresh(self, row_id: int) -> M:
        """The row as the database has it now, whatever the caller's scope (used after a movement or a check)."""
        # After a Core UPDATE the identity map may hold the old amounts; read the row again.
        row = await self.session.get(self.model, row_id, populate_existing=True)
        assert row is not None, f"{self.model.__name__} {row_id} vanished inside its own transaction"
        return row  # type: ignore[no-any-return]

    async def sums(self, county: str | None, source: str | None, year: int | None,
                   *amounts: str) -> list[tuple[Any, ...]]:
        """(group, *sums of the named amounts) per county, source level and year, narrowed where given; of every
        county (spending progress scopes the caller through `county`)."""
        keys = (self.model.county_code, self.model.source_level, self.model.year)
        query = _where_equal(select(*keys, *(func.sum(getattr(self.model, name)) for name in amounts)),
                             tuple(zip(keys, (county, source, year), strict=True)))
        rows = await self.session.execute(query.group_by(*keys))
        return [((c, str(s), y), *sums) for c, s, y, *sums in rows.all()]

    async def _update(self, *where: ColumnElement[bool], **values: Any) -> bool:
        result = await self.session.execute(update(self.model).where(*where)
                                            .values(**values).execution_options(synchronize_session=False))
        return _moved(result)


class BatchRepository(LedgerRepository[FundBatch]):
    """Fund batches (资金批次) of the caller's county; city-wide callers read all."""

    model = FundBatch

    def filtered(self, principal: Principal, county: str | None = None, source: str | None = None,
                 year: int | None = None) -> Select[FundBatch]:
        """Readable batches, narrowed by county, source level and year where given."""
        b = FundBatch
        return _where_equal(self.readable(principal), ((b.county_code, county), (b.source_level, source),
                                                       (b.year, year)))

    async def find_document(self, source_level: str, year: int, doc_number: str) -> FundBatch | None:
        """The batch with this document number for the source level and year, in any county (numbers are unique
        city-wide, so this check ignores the caller's scope)."""
        query = select(FundBatch).where(FundBatch.source_level == source_level, FundBatch.year == year,
                                        FundBatch.doc_number == doc_number)
        return (await self.session.scalars(query)).one_or_none()

    async def take(self, batch_id: int, amount: Decimal) -> bool:
        """Move amount from unallocated to allocated, only if that much is unallocated."""
        b = FundBatch
        return await self._update(b.id == batch_id, b.unallocated >= amount,
                                  allocated=b.allocated + amount, unallocated=b.unallocated - amount)

    async def give_back(self, batch_id: int, amount: Decimal) -> bool:
        """Move recovered money back from allocated to unallocated."""
        b = FundBatch
        return await self._update(b.id == batch_id, b.allocated >= amount,
                                  allocated=b.allocated - amount, unallocated=b.unallocated + amount)


class AllocationRepository(LedgerRepository[Allocation]):
    """Allocations (资金分配) of the caller's county; city-wide callers read all."""

    model = Allocation

    def of(self, principal: Principal, project_ids: Sequence[int] | None = None,
           batch_id: int | None = None) -> Select[Allocation]:
        """Readable allocations of some projects and/or of one batch."""
        query = _where_equal(self.readable(principal), ((Allocation.batch_id, batch_id),))
        return query if project_ids is None else query.where(Allocation.project_id.in_(project_ids))

    async def every(self, query: Select[Allocation], limit: int) -> list[Allocation]:
        """Up to `limit` allocations of a statement built on `readable`, oldest first."""
        return list((await self.session.scalars(query.order_by(Allocation.id).limit(limit))).all())

    async def net_allocated(self, project_id: int, source_level: str) -> Decimal:
        """What a project holds from a source level, allocations net of recoveries, in any county (the budget
        check is the project's, not the caller's)."""
        a = Allocation
        query = select(func.coalesce(func.sum(a.amount), 0), func.coalesce(func.sum(a.recovered), 0)) \
            .where(a.project_id == project_id, a.source_level == source_level)
        amount, recovered = (await self.session.execute(query)).one()
        return Decimal(amount) - Decimal(recovered)

    async def spend(self, allocation_id: int, amount: Decimal, on: date) -> Allocation | None:
        """Spend from the balance, only if the balance covers it; the fresh row, or None when it does not."""
        a = Allocation
        latest = case((and_(a.last_spent_on.is_not(None), a.last_spent_on > on), a.last_spent_on), else_=on)
        moved = await self._update(a.id == allocation_id, a.balance >= amount,
                                   spent=a.spent + amount, balance=a.balance - amount, last_spent_on=latest)
        return await self.fresh(allocation_id) if moved else None

    async def unspend(self, allocation_id: int, amount: Decimal) -> Allocation | None:
        """Put a reversed spending back on the balance; the fresh row, or None when less was spent."""
        a = Allocation
        moved = await self._update(a.id == allocation_id, a.spent >= amount,
                                   spent=a.spent - amount, balance=a.balance + amount)
        return await self.fresh(allocation_id) if moved else None

    async def recover(self, allocation_id: int, amount: Decimal) -> Allocation | None:
        """Take amount off the balance as recovered; the fresh row, or None when the balance does not cover it."""
        a = Allocation
        moved = await self._update(a.id == allocation_id, a.balance >= amount,
                                   recovered=a.recovered + amount, balance=a.balance - amount)
        return await self.fresh(allocation_id) if moved else None

    async def unmoved(self, allocation_id: int | None, project_id: int | None) -> tuple[Decimal, Decimal]:
        """(balance left, recovered money not yet reallocated) of one allocation, or of every allocation of a
        project; a rectification case's check, in any county."""
        where = Allocation.id == allocation_id if allocation_id is not None else Allocation.project_id == project_id
        balance = await self.session.scalar(select(func.coalesce(func.sum(Allocation.balance), 0)).where(where))
        left = type_coerce(func.coalesce(func.sum(Recovery.amount - Recovery.reallocated), 0), Money())
        waiting = await self.session.scalar(
            select(left).join(Allocation, Allocation.id == Recovery.allocation_id).where(where))
        return Decimal(balance or 0), Decimal(waiting or 0)


class SpendingRepository(Repository[Spending]):
    """Spending and reversal entries (报账、冲销); an entry is the caller's when its allocation is."""

    model = Spending
    county_column = None

    def scope(self, principal: Principal) -> list[ColumnElement[bool]]:
        """Entries of allocations in the caller's county (all for city-wide callers)."""
        if principal.county is None:
            return []
        return [Spending.allocation_id.in_(select(Allocation.id).where(Allocation.county_code == principal.county))]

    async def unscoped(self, spending_id: int) -> Spending | None:
        """One entry whatever the caller's scope: the caller's scope is checked on its allocation next, which
        names the 404 (funds.allocation_not_found)."""
        return await self.session.get(Spending, spending_id)

    async def voucher_taken(self, voucher_no: str) -> bool:
        """Whether a voucher number is already recorded, in any county (voucher numbers are unique)."""
        return bool(await self.session.scalar(select(func.count()).where(Spending.voucher_no == voucher_no)))

    async def reversal_of(self, spending_id: int) -> Spending | None:
        """The reversal of an entry, if any."""
        return (await self.session.scalars(select(Spending).where(Spending.reverses_id == spending_id))).one_or_none()

    def of_allocation(self, principal: Principal, allocation_id: int) -> Select[Spending]:
        """The readable entries of one allocation."""
        return self.readable(principal).where(Spending.allocation_id == allocation_id)


class RecoveryRepository(LedgerRepository[Recovery]):
    """Recoveries (收回) of the caller's county; city-wide callers read all."""

    model = Recovery

    async def use(self, recovery_id: int, amount: Decimal) -> bool:
        """Mark amount of a recovery as placed elsewhere, never more than was recovered."""
        r = Recovery
        return await self._update(r.id == recovery_id, r.reallocated + amount <= r.amount,
                                  reallocated=r.reallocated + amount)


class TransferRepository(Repository[Transfer]):
    """Reallocations (另行安排) of the caller's county; city-wide callers read all."""

    model = Transfer

    async def page_dated(self, principal: Principal, county: str | None, after: int | None,
                         limit: int) -> list[tuple[Transfer, date, date | None]]:
        """Up to limit+1 transfers in scope, newest first, with the recovery date and the new project's start."""
        query = (select(Transfer, Recovery.recovered_on, ProjectState.started_on)
                 .join(Recovery, Recovery.id == Transfer.recovery_id)
                 .outerjoin(ProjectState, ProjectState.project_id == Transfer.to_project_id)
                 .where(*self.scope(principal)).order_by(Transfer.id.desc()).limit(limit + 1))
        if county:
            query = query.where(Transfer.county_code == county)
        if after is not None:
            query = query.where(Transfer.id < after)
        return [(t, r, s) for t, r, s in (await self.session.execute(query)).all()]

