"""A service's work queue (待办事项) from its duties: GET /work for the caller, the warning sweep, the gauges.

A service declares its duties: one per kind of item, the roles whose queue it fills, and a `listing` giving the
items in the caller's scope as one SQL statement (county roles their county, owners their unit). The kit pages,
counts and warns over those statements the same way for every service, so a page costs `limit` rows per duty and
the counts one aggregate per duty, whatever the size of the queue.

A listing's statement labels `work_id` (the id in the item's key), `work_due` (the date its deadline counts from,
NULL for undated duties), `work_county` and, for items per period, `work_period`; the deadline is `work_due` +
`shift` days. Items come out in the queue's order: (deadline, "service:kind", id, period). How many days ahead a
kind warns is the service setting `work_warn_days` (kind → days; DEFAULT_WARN_DAYS for a kind it does not name).
A service wires it with `work_router(DUTIES)`, `warning_job(name, settings.work_sweep_seconds, DUTIES)`,
`work_gauges(service, lambda: app.state, DUTIES)` and one migration calling `create_work_warnings_table()` (plus
`create_lease_table()` if it has no background job yet).
"""
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query
from prometheus_client import CollectorRegistry, Gauge
from sqlalchemy import ColumnElement, Row, Select, Subquery, and_, false, func, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import State

from contracts.work import NO_DEADLINE, Position, WorkCount, WorkItem, WorkKind, WorkPage, work_cursor
from services.kit.auth import READ_ROLES, Principal, Role
from services.kit.context import RequestContext, context
from services.kit.leader import Job
from services.kit.metrics import DomainGauges
from services.kit.pagination import MAX_PAGE
from services.kit.warnings import Warnable, sweep
from services.kit.work import after_position, order_key, warn_days_of

# Who looks at every duty at once (the sweep, the gauges): city-wide, every kind, audited under no person's name.
SYSTEM = Principal(sub="system:work-queue", role=Role.ADMIN)


@dataclass(frozen=True)
class Listing:
    """One duty's items in the caller's scope: the statement, how a row becomes an item, the deadline's shift.

    A listing too large to count or page as one statement may add `total`, a cheaper statement of how many rows
    `query` gives (undated duties), and `parts`, statements whose rows together are `query`'s, each of which pages in
    the queue's order from an index (the page reads each and merges them).
    """

    query: Select[Any]
    warnable: Callable[[Row[Any]], Warnable]
    shift: int = 0
    total: Select[Any] | None = None
    parts: tuple[Select[Any], ...] = ()


@dataclass(frozen=True)
class Duty:
    """One kind of item a service puts in queues: for which roles, and its listing in a caller's scope.

    `dated` says the items have deadlines, so the warning sweep and the gauges look at them.
    """

    service: str
    kind: WorkKind
    roles: frozenset[Role]
    listing: Callable[[RequestContext[Any]], Listing]
    dated: bool = True

    @property
    def prefix(self) -> str:
        """The `service:kind` every key of this duty starts with."""
        return f"{self.service}:{self.kind.value}"


def _warn_days(ctx: RequestContext[Any], duty: Duty) -> int:
    return warn_days_of(getattr(ctx.settings, "work_warn_days", {}), duty.kind)


def _urgent(sub: Subquery, today: date, warn: int, shift: int) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """(due soon, overdue) as conditions on work_due."""
    due = sub.c.work_due
    return (and_(due >= today - timedelta(days=shift), due <= today + timedelta(days=warn - shift)),
            due < today - timedelta(days=shift))


def _after(sub: Subquery, duty: Duty, shift: int, position: Position) -> ColumnElement[bool]:
    """The rows of this duty after a queue position."""
    deadline, prefix, ident, period = position
    if prefix != duty.prefix:
        key_after: ColumnElement[bool] = true() if duty.prefix > prefix else false()
    elif "work_period" in sub.c:
        # `work_id >= ident` first: a range the index seeks to, whatever the plan makes of the period's tie-break.
        key_after = and_(sub.c.work_id >= ident,
                         or_(sub.c.work_id > ident, and_(sub.c.work_id == ident, sub.c.work_period > period)))
    else:
        key_after = sub.c.work_id > ident
    if not duty.dated:
        return true() if deadline < NO_DEADLINE else key_after
    if deadline == NO_DEADLINE:
        return false()
    due = date.fromisoformat(deadline) - timedelta(days=shift)
    return or_(sub.c.work_due > due, and_(sub.c.work_due == due, key_after))


def _order(sub: Subquery, duty: Duty) -> list[Any]:
    keys = [sub.c.work_id] + ([sub.c.work_period] if "work_period" in sub.c else [])
    return [sub.c.work_due, *keys] if duty.dated else keys


async def _page(ctx: RequestContext[Any], duty: Duty, position: Position | None, limit: int) -> list[WorkItem]:
    listing = duty.listing(ctx)
    items = []
    for statement in listing.parts or (listing.query,):
        sub = statement.subquery("work")
        query = select(sub).order_by(*_order(sub, duty)).limit(limit)
        if position is not None:
            query = query.where(_after(sub, duty, listing.shift, position))
        items += [listing.warnable(row).item for row in (await ctx.session.execute(query)).all()]
    return items


async def _count(ctx: RequestContext[Any], duty: Duty) -> WorkCount:
    listing = duty.listing(ctx)
    sub = listing.query.subquery("work")
    if not duty.dated:
        total = await ctx.session.scalar(select(func.count()).select_from(sub) if listing.total is None
                                         else listing.total)
        return WorkCount(kind=duty.kind, total=total or 0, due_soon=0, overdue=0)
    soon, late = _urgent(sub, ctx.clock.today(), _warn_days(ctx, duty), listing.shift)
    row = (await ctx.session.execute(select(func.count(), func.count().filter(soon), func.count().filter(late))
                                     .select_from(sub))).one()
    return WorkCount(kind=duty.kind, total=row[0], due_soon=row[1], overdue=row[2])


def duties_of(principal: Principal, duties: Sequence[Duty]) -> list[Duty]:
    """The duties whose items await this caller's role (admin: all)."""
    return [d for d in duties if principal.role == Role.ADMIN or principal.role in d.roles]


async def caller_page(ctx: RequestContext[Any], duties: Sequence[Duty], after: str | None, limit: int,
                      kind: WorkKind | None = None) -> WorkPage:
    """One page of the caller's queue after the cursor, with the counts by kind over the whole queue (every kind,
    whatever `kind` filters); 422 `request.invalid_cursor` for a cursor we did not make."""
    position = after_position(after)
    counts, items = [], []
    for duty in duties_of(ctx.principal, duties):
        count = await _count(ctx, duty)
        if count.total:
            counts.append(count)
            if kind is None or duty.kind == kind:
                items += await _page(ctx, duty, position, limit + 1)
    items.sort(key=order_key)
    page = items[:limit]
    order = list(WorkKind)
    return WorkPage(items=page, next_cursor=work_cursor(page[-1]) if len(items) > limit else None,
                    counts=sorted(counts, key=lambda c: order.index(c.kind)))


async def warnings_due(ctx: RequestContext[Any], duties: Sequence[Duty]) -> list[Warnable]:
    """Every dated item in the context's scope that is due soon or overdue today (what the sweep warns of)."""
    found: list[Warnable] = []
    today = ctx.clock.today()
    for duty in duties:
        if duty.dated:
            listing = duty.listing(ctx)
            sub = listing.query.subquery("work")
            reach = today + timedelta(days=_warn_days(ctx, duty) - listing.shift)
            rows = (await ctx.session.execute(select(sub).where(sub.c.work_due <= reach))).all()
            found += [listing.warnable(row) for row in rows]
    return found


def _system_context(session: AsyncSession, state: State) -> RequestContext[Any]:
    return RequestContext(session, SYSTEM, state.clock, state.settings, state)


def work_router(duties: Sequence[Duty]) -> APIRouter:
    """GET /work: one page of the caller's queue in (deadline, key) order with the counts by kind."""
    router = APIRouter(tags=["work queue"])
    reader = context(*READ_ROLES)

    @router.get("/work", response_model=WorkPage, summary="What awaits the caller (待办事项), by deadline")
    async def my_work(ctx: reader,  # type: ignore[valid-type]
                      after: Annotated[str | None, Query(max_length=400, description="上一页的 next_cursor")] = None,
                      limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
                      kind: Annotated[WorkKind | None, Query(description="只看一个类别")] = None) -> WorkPage:
        """Items awaiting the caller's role within its scope, soonest deadline first (undated last); each says what
        is expected, by when, whether it is due soon or overdue (warning days per kind are settings) and links the
        thing itself. `counts` covers the whole queue, every kind."""
        return await caller_page(ctx, duties, after, limit, kind)

    return router


def warning_job(name: str, every: float, duties: Sequence[Duty]) -> Job:
    """The warning sweep every `every` seconds (0 = off) on the replica holding the job's lease."""

    async def unit(app: Any) -> int:
        async with app.state.sessionmaker() as session, session.begin():
            ctx = _system_context(session, app.state)
            return await sweep(session, await warnings_due(ctx, duties), ctx.clock.today())

    return Job(name, every, unit)


def work_gauges(service: str, state_of: Callable[[], State], duties: Sequence[Duty]
                ) -> Callable[[CollectorRegistry], DomainGauges]:
    """A gauge factory: `<service>_work_due_soon` and `<service>_work_overdue` items by county and kind."""

    def factory(registry: CollectorRegistry) -> DomainGauges:
        due_soon = Gauge(f"{service}_work_due_soon", "Work-queue items due soon by county and kind",
                         ["county", "kind"], registry=registry)
        overdue = Gauge(f"{service}_work_overdue", "Work-queue items past their deadline by county and kind",
                        ["county", "kind"], registry=registry)

        async def refresh(session: AsyncSession) -> None:
            ctx = _system_context(session, state_of())
            due_soon.clear()
            overdue.clear()
            for duty in duties:
                if not duty.dated:
                    continue
                listing = duty.listing(ctx)
                sub = listing.query.subquery("work")
                soon, late = _urgent(sub, ctx.clock.today(), _warn_days(ctx, duty), listing.shift)
                query = select(sub.c.work_county, func.count().filter(soon), func.count().filter(late))
                for county, n_soon, n_late in (await session.execute(query.group_by(sub.c.work_county))).all():
                    due_soon.labels(county or "city", duty.kind.value).set(n_soon)
                    overdue.labels(county or "city", duty.kind.value).set(n_late)

        return refresh

    return factory

