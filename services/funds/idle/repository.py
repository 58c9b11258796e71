"""Idle funds (闲置资金) found and classified in one SQL statement: no Python loop over allocations."""
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import BigInteger, Date, String, and_, case, func, literal, null, or_, select, type_coerce, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import Subquery

from services.funds.idle.models import IdleOverride
from services.funds.ledger.models import Allocation, FundBatch
from services.funds.projection.models import ProjectState
from services.funds.terms import CENT, ENDED, IdleClass

BUCKETS = ("0-3", "3-6", "6-12", "12+")  # months idle
GROUPS = ("county_code", "source_level", "year", "idle_class", "age_bucket")


@dataclass(frozen=True)
class IdleRules:
    """When money counts as idle: today's date and the configured days."""

    today: date
    unallocated_idle_days: int
    idle_days: int


@dataclass(frozen=True)
class IdleFilter:
    """Filters of the idle list and sums; None means any."""

    county: str | None = None
    source_level: str | None = None
    year: int | None = None
    idle_class: str | None = None
    age_bucket: str | None = None
    project_ids: tuple[int, ...] | None = None


def _derived_class(status):
    return case((status.in_(sorted(ENDED | {"settled"})), IdleClass.RECOVER.value),
                (status == "started", IdleClass.ACCELERATE.value),
                (status.in_(("completed", "accepted")), IdleClass.ACCEPT_AND_SETTLE.value),
                else_=IdleClass.START.value)


def _bucket(since, today: date):
    return case((since > today - timedelta(days=90), BUCKETS[0]), (since > today - timedelta(days=180), BUCKETS[1]),
                (since > today - timedelta(days=365), BUCKETS[2]), else_=BUCKETS[3])


def idle_items(rules: IdleRules) -> Subquery:
    """Every idle item: unallocated batch balances and allocation balances, with class and age bucket."""
    batch_override = IdleOverride.__table__.alias("bo")
    alloc_override = IdleOverride.__table__.alias("ao")
    unallocated = (
        select(literal("batch", String(16)).label("kind"), FundBatch.id.label("item_id"),
               FundBatch.id.label("batch_id"), null().cast(BigInteger).label("project_id"),
               FundBatch.county_code, FundBatch.source_level, FundBatch.year,
               FundBatch.unallocated.label("amount"), FundBatch.received_on.label("since"),
               null().cast(String(32)).label("project_status"),
               func.coalesce(batch_override.c.idle_class, IdleClass.ASSIGN.value).label("idle_class"),
               (batch_override.c.id.is_not(None)).label("overridden"),
               _bucket(FundBatch.received_on, rules.today).label("age_bucket"))
        .outerjoin(batch_override, and_(batch_override.c.item_kind == "batch",
                                        batch_override.c.item_id == FundBatch.id))
        .where(FundBatch.unallocated > 0,
               FundBatch.received_on <= rules.today - timedelta(days=rules.unallocated_idle_days)))
    # type_coerce, not CAST: SQLite would turn CAST('2016-06-02' AS DATE) into the number 2016.
    since = type_coerce(func.coalesce(Allocation.last_spent_on, Allocation.allocated_on), Date)
    status = ProjectState.status
    balances = (
        select(literal("allocation", String(16)).label("kind"), Allocation.id.label("item_id"),
               Allocation.batch_id, Allocation.project_id, Allocation.county_code, Allocation.source_level,
               Allocation.year, Allocation.balance.label("amount"), since.label("since"),
               status.label("project_status"),
               func.coalesce(alloc_override.c.idle_class, _derived_class(status)).label("idle_class"),
               (alloc_override.c.id.is_not(None)).label("overridden"),
               _bucket(since, rules.today).label("age_bucket"))
        .outerjoin(ProjectState, ProjectState.project_id == Allocation.project_id)
        .outerjoin(alloc_override, and_(alloc_override.c.item_kind == "allocation",
                                        alloc_override.c.item_id == Allocation.id))
        # Money on a cleared or cancelled project is idle at once; any other balance after idle_days quiet.
        .where(Allocation.balance > 0,
               or_(status.in_(sorted(ENDED)), since <= rules.today - timedelta(days=rules.idle_days))))
    return union_all(unallocated, balances).subquery("idle")


def _where(items: Subquery, f: IdleFilter, scope_county: str | None) -> list:
    conditions = []
    for column, value in (("county_code", scope_county), ("county_code", f.county),
                          ("source_level", f.source_level), ("year", f.year), ("idle_class", f.idle_class),
                          ("age_bucket", f.age_bucket)):
        if value is not None:
            conditions.append(items.c[column] == value)
    if f.project_ids is not None:
        conditions.append(items.c.project_id.in_(f.project_ids))
    return conditions


MAX_CURSOR_YUAN = Decimal(10) ** 14  # BIGINT fen holds up to about 9.2 × 10^14 yuan


def _cursor_amount(raw: object) -> Decimal:
    """An amount from a list cursor: whole fen within what the ledger can hold, else ValueError."""
    value = Decimal(raw) if isinstance(raw, str) else Decimal("NaN")
    if not value.is_finite() or value != value.quantize(CENT) or not 0 <= value < MAX_CURSOR_YUAN:
        raise ValueError(raw)
    return value


LIST_KEY = {"amount": _cursor_amount, "kind": str, "item_id": int}  # the list's order, largest first


def list_key(row) -> dict:
    """Where a row sits in the list's order, for the next page's cursor."""
    return {"amount": str(row["amount"]), "kind": row["kind"], "item_id": row["item_id"]}


async def list_items(session: AsyncSession, rules: IdleRules, f: IdleFilter, scope_county: str | None,
                     limit: int, after: dict | None = None) -> list:
    """Idle items in scope, largest first; with `after` (a list_key) the ones that follow it."""
    items = idle_items(rules)
    query = select(items).where(*_where(items, f, scope_county))
    if after is not None:
        amount, kind, item_id = items.c.amount, items.c.kind, items.c.item_id
        query = query.where(or_(amount < after["amount"], and_(amount == after["amount"], or_(
            kind > after["kind"], and_(kind == after["kind"], item_id > after["item_id"])))))
    query = query.order_by(items.c.amount.desc(), items.c.kind, items.c.item_id).limit(limit)
    return list((await session.execute(query)).mappings().all())


async def sums(session: AsyncSession, rules: IdleRules, f: IdleFilter, scope_county: str | None,
               by: list[str]) -> list:
    """Idle yuan and item counts grouped by the chosen dimensions."""
    items = idle_items(rules)
    columns = [items.c[name] for name in by]
    query = (select(*columns, func.sum(items.c.amount).label("amount"), func.count().label("items"))
             .where(*_where(items, f, scope_county)).group_by(*columns).order_by(*columns))
    return list((await session.execute(query)).mappings().all())


async def one_item(session: AsyncSession, rules: IdleRules, kind: str, item_id: int) -> dict | None:
    """One idle item, if it is idle now."""
    items = idle_items(rules)
    query = select(items).where(items.c.kind == kind, items.c.item_id == item_id)
    row = (await session.execute(query)).mappings().one_or_none()
    return dict(row) if row else None


async def get_override(session: AsyncSession, kind: str, item_id: int) -> IdleOverride | None:
    """Finance's class for an item, if set."""
    query = select(IdleOverride).where(IdleOverride.item_kind == kind, IdleOverride.item_id == item_id)
    return (await session.scalars(query)).one_or_none()


async def add_override(session: AsyncSession, row: IdleOverride) -> None:
    """Stage an override."""
    session.add(row)
    await session.flush()

