"""A service's work queue (待办事项) from its duties: GET /work for the caller, the warning sweep, the gauges.

A service declares its duties: one per kind of item, the roles whose queue it fills, and a `find` that gives the
items inside the caller's scope (county roles their county, owners their unit). The kit does the rest the same way
for every service: the caller's page (`work_router`), the warning sweep on one replica (`warning_job`, see
warnings.py) and the gauges of items due soon and overdue per county and kind (`work_gauges`).
"""
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Query
from prometheus_client import CollectorRegistry, Gauge
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import State

from contracts.work import WorkKind, WorkPage
from services.kit.auth import READ_ROLES, Principal, Role
from services.kit.context import RequestContext, context
from services.kit.leader import Job
from services.kit.metrics import DomainGauges
from services.kit.pagination import MAX_PAGE
from services.kit.warnings import Warnable, sweep
from services.kit.work import work_page

Find = Callable[[RequestContext[Any]], Awaitable[list[Warnable]]]
# Who looks at every duty at once (the sweep, the gauges): city-wide, every kind, audited under no person's name.
SYSTEM = Principal(sub="system:work-queue", role=Role.ADMIN)


@dataclass(frozen=True)
class Duty:
    """One kind of item a service puts in queues: for which roles, and how to find them in the caller's scope.

    `dated` says the items have deadlines, so the warning sweep and the gauges look at them.
    """

    kind: WorkKind
    roles: frozenset[Role]
    find: Find
    dated: bool = True


async def queue_of(ctx: RequestContext[Any], duties: Sequence[Duty]) -> list[Warnable]:
    """Every item awaiting the caller: the duties of its role (admin: all), each in the caller's scope."""
    role = ctx.principal.role
    found: list[Warnable] = []
    for duty in duties:
        if role == Role.ADMIN or role in duty.roles:
            found.extend(await duty.find(ctx))
    return found


async def dated_items(ctx: RequestContext[Any], duties: Sequence[Duty]) -> list[Warnable]:
    """Every dated item of every duty in the context's scope (the sweep's and the gauges' view)."""
    found: list[Warnable] = []
    for duty in duties:
        if duty.dated:
            found.extend(await duty.find(ctx))
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
        items = [w.item for w in await queue_of(ctx, duties)]
        return work_page(items, after, limit, kind)

    return router


def warning_job(name: str, every: float, duties: Sequence[Duty]) -> Job:
    """The warning sweep every `every` seconds (0 = off) on the replica holding the job's lease."""

    async def unit(app: Any) -> int:
        async with app.state.sessionmaker() as session, session.begin():
            ctx = _system_context(session, app.state)
            return await sweep(session, await dated_items(ctx, duties), ctx.clock.today())

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
            counts: dict[tuple[str, str], list[int]] = {}
            for one in await dated_items(_system_context(session, state_of()), duties):
                item = one.item
                pair = counts.setdefault((item.county_code or "city", item.kind.value), [0, 0])
                pair[0] += item.due_soon
                pair[1] += item.overdue
            due_soon.clear()
            overdue.clear()
            for (county, kind), (soon, late) in counts.items():
                due_soon.labels(county, kind).set(soon)
                overdue.labels(county, kind).set(late)

        return refresh

    return factory


def both(*factories: Callable[[CollectorRegistry], DomainGauges]) -> Callable[[CollectorRegistry], DomainGauges]:
    """One gauge factory refreshing several: a service's own gauges and its work-queue gauges."""

    def factory(registry: CollectorRegistry) -> DomainGauges:
        refreshes = [make(registry) for make in factories]

        async def refresh(session: AsyncSession) -> None:
            for one in refreshes:
                await one(session)

        return refresh

    return factory
