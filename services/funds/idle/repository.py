"""Idle funds (闲置资金) found and classified in one SQL statement: no Python loop over allocations."""
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Date,
    RowMapping,
    Select,
    String,
    and_,
    case,
    func,
    literal,
    null,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql import Subquery

from services.funds.idle.models import IdleOverride
from services.funds.idle.schemas import IdleFilter
from services.funds.ledger.models import Allocation, FundBatch
from services.funds.projection.models import ProjectState
from services.funds.terms import CENT, ENDED, AgeBucket, IdleClass
from services.kit.auth import Principal
from services.kit.pagination import Key
from services.kit.repository import Repository

SQLExpression = ColumnElement[Any] | InstrumentedAttribute[Any]


@dataclass(frozen=True)
class IdleRules:
    """When money counts as idle: today's date and the configured days."""

    today: date
    unallocated_idle_days: int
    idle_days: int


def _derived_class(status: SQLExpression) -> ColumnElement[Any]:
    return case((status.in_(sorted(ENDED | {"settled"})), IdleClass.RECOVER.value),
                (status == "started", IdleClass.ACCELERATE.value),
                (status.in_(("completed", "accepted")), IdleClass.ACCEPT_AND_SETTLE.value),
                else_=IdleClass.START.value)


def _bucket(since: SQLExpression, today: date) -> ColumnElement[Any]:
    return case((since > today - timedelta(days=90), AgeBucket.M0_3.value),
                (since > today - timedelta(days=180), AgeBucket.M3_6.value),
                (since > today - timedelta(days=365), AgeBucket.M6_12.value), else_=AgeBucket.M12.value)


def allocation_since() -> ColumnElement[Any]:
    """Since when an allocation's balance has lain still: its last spending, else the day it was allocated."""
    # type_coerce, not CAST: SQLite would turn CAST('2016-06-02' AS DATE) into the number 2016.
    return type_coerce(func.coalesce(Allocation.last_spent_on, Allocation.allocated_on), Date)


def batch_idle(rules: IdleRules) -> ColumnElement[bool]:
    """A batch whose unallocated balance has waited unallocated_idle_days since it was received (未分配闲置)."""
    return and_(FundBatch.unallocated > 0,
                FundBatch.received_on <= rules.today - timedelta(days=rules.unallocated_idle_days))


def allocation_quiet(rules: IdleRules) -> ColumnElement[bool]:
    """An allocation without spending for idle_days (whatever its project's state)."""
    return allocation_since() <= rules.today - timedelta(days=rules.idle_days)


def allocation_idle(rules: IdleRules, ended: ColumnElement[bool]) -> ColumnElement[bool]:
    """An allocation whose balance is idle: after idle_days quiet, or at once when `ended` (its project was cleared
    or cancelled)."""
    return and_(Allocation.balance > 0, or_(allocation_quiet(rules), ended))


def idle_parts(rules: IdleRules) -> tuple[Select[*tuple[Any, ...]], ...]:
    """The idle items of each kind, one statement each: unallocated batch balances, allocation balances."""
    batch_override = IdleOverride.__table__.alias("bo")
    alloc_override = IdleOverride.__table__.alias("ao")
    unallocated = (
        select(literal("batch", String(16)).label("kind"), FundBatch.id.label("item_id"),
               FundBatch.id.label("batch_id"), null().cast(BigInteger).label("project_id"),
               FundBatch.county_code, FundBatch.source_level, FundBatch.year,
               FundBatch.unallocated.label("amount"), FundBatch.received_on.label("since"),
               null().cast(String(32)).label("project_status"), null().cast(String(200)).label("project_name"),
               func.coalesce(batch_override.c.idle_class, IdleClass.ASSIGN.value).label("idle_class"),
               (batch_override.c.id.is_not(None)).label("overridden"),
               _bucket(FundBatch.received_on, rules.today).label("age_bucket"))
        .outerjoin(batch_override, and_(batch_override.c.item_kind == "batch",
                                        batch_override.c.item_id == FundBatch.id))
        .where(batch_idle(rules)))
    since = allocation_since()
    status = ProjectState.status
    balances = (
        select(literal("allocation", String(16)).label("kind"), Allocation.id.label("item_id"),
               Allocation.batch_id, Allocation.project_id, Allocation.county_code, Allocation.source_level,
               Allocation.year, Allocation.balance.label("amount"), since.label("since"),
               status.label("project_status"), ProjectState.name.label("project_name"),
               func.coalesce(alloc_override.c.idle_class, _derived_class(status)).label("idle_class"),
               (alloc_override.c.id.is_not(None)).label("overridden"),
               _bucket(since, rules.today).label("age_bucket"))
        .outerjoin(ProjectState, ProjectState.project_id == Allocation.project_id)
        .outerjoin(alloc_override, and_(alloc_override.c.item_kind == "allocation",
                                        alloc_override.c.item_id == Allocation.id))
        .where(allocation_idle(rules, status.in_(sorted(ENDED)))))
    return unallocated, balances


def idle_items(rules: IdleRules) -> Subquery:
    """Every idle item: unallocated batch balances and allocation balances, with class and age bucket."""
    return union_all(*idle_parts(rules)).subquery("idle")


MAX_CURSOR_YUAN = Decimal(10) ** 14  # BIGINT fen holds up to about 9.2 × 10^14 yuan


def _cursor_amount(raw: object) -> Decimal:
    """An amount from a list cursor: whole fen within what the ledger can hold, else ValueError."""
    value = Decimal(raw) if isinstance(raw, str) else Decimal("NaN")
    if not value.is_finite() or value != value.quantize(CENT) or not 0 <= value < MAX_CURSOR_YUAN:
        raise ValueError(raw)
    return value


# The list's order, largest first: the fields of its cursor and how each is read back.
LIST_KEY: dict[str, Callable[[Any], Any]] = {"amount": _cursor_amount, "kind": str, "item_id": int}


def list_key(row: RowMapping) -> Key:
    """Where a row sits in the list's order, for the next page's cursor."""
    return {"amount": str(row["amount"]), "kind": row["kind"], "item_id": row["item_id"]}


class IdleItemRepository:
    """Idle items (闲置资金): a view over batches and allocations computed in SQL, never a loop in Python.

    Not a table, so not on the kit base; `readable(principal)` applies the scope the same way: county roles
    their county, city roles every county.
    """

    def __init__(self, session: AsyncSession, rules: IdleRules) -> None:
        self.session = session
        self.items = idle_items(rules)

    def readable(self, principal: Principal, f: IdleFilter = IdleFilter()) -> Select[Any]:
        """Every idle item the caller may read, narrowed by the filter."""
        c = self.items.c
        conditions = [c[column] == value for column, value in (
            ("county_code", principal.county), ("county_code", f.county), ("source_level", f.source_level),
            ("year", f.year), ("idle_class", f.idle_class), ("age_bucket", f.age_bucket)) if value is not None]
        if f.project_ids is not None:
            conditions.append(c.project_id.in_(f.project_ids))
        return select(self.items).where(*conditions)

    async def page(self, principal: Principal, f: IdleFilter, limit: int,
                   after: dict[str, Any] | None = None) -> list[RowMapping]:
        """Up to `limit` idle items in scope, largest first; with `after` (a list_key) the ones that follow it."""
        query = self.readable(principal, f)
        c = self.items.c
        if after is not None:
            query = query.where(or_(c.amount < after["amount"], and_(c.amount == after["amount"], or_(
                c.kind > after["kind"], and_(c.kind == after["kind"], c.item_id > after["item_id"])))))
        query = query.order_by(c.amount.desc(), c.kind, c.item_id).limit(limit)
        return list((await self.session.execute(query)).mappings().all())

    async def sums(self, principal: Principal, f: IdleFilter, by: Sequence[str]) -> list[RowMapping]:
        """Idle yuan and item counts in scope, grouped by the chosen dimensions (names from IDLE_GROUPS)."""
        readable = self.readable(principal, f).subquery("readable")
        columns = [readable.c[name] for name in by]
        query = (select(*columns, func.sum(readable.c.amount).label("amount"), func.count().label("items"))
                 .group_by(*columns).order_by(*columns))
        return list((await self.session.execute(query)).mappings().all())

    async def one(self, kind: str, item_id: int) -> RowMapping | None:
        """One item, if it is idle now, in any county (the service answers 404 when the caller may not see it)."""
        c = self.items.c
        query = select(self.items).where(c.kind == kind, c.item_id == item_id)
        return (await self.session.execute(query)).mappings().one_or_none()


class IdleOverrideRepository(Repository[IdleOverride]):
    """Finance's class overrides (人工调整分类); read only through their idle item, whose scope the service checks."""

    model = IdleOverride
    county_column = None

    async def of_item(self, kind: str, item_id: int) -> IdleOverride | None:
        """The override of an item, if set."""
        query = select(IdleOverride).where(IdleOverride.item_kind == kind, IdleOverride.item_id == item_id)
        return (await self.session.scalars(query)).one_or_none()
