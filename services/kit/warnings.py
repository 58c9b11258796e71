"""Warnings before deadlines (临期、逾期预警): each work item is warned once per state and deadline on the feed.

A background sweep (a kit job: one replica at a time) looks at every dated item of the service's work queue; an item
that is due soon or overdue and has not been warned in that state for that deadline gets a `work.due_soon` or
`work.overdue` event, published in the same transaction as the row that remembers it. The row's primary key makes a
second warning impossible even when two sweeps overlap: the later one's insert fails and its transaction (events
included) rolls back. A deadline that moves (a new progress report) is a new deadline and warns again.
"""
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Column, Date, MetaData, String, Table, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events.work import WorkDueSoon, WorkOverdue
from contracts.work import WorkItem
from services.kit.db import NAMING_CONVENTION, UTCDateTime, utcnow
from services.kit.outbox import Scope, publish

# Not on the services' Base: a service with a work queue creates it in its migrations (create_work_warnings_table).
WORK_WARNINGS = Table(
    "work_warnings", MetaData(naming_convention=NAMING_CONVENTION),
    Column("key", String(200), primary_key=True),
    Column("state", String(16), primary_key=True),  # due_soon | overdue
    Column("deadline", Date, primary_key=True),
    Column("warned_at", UTCDateTime, nullable=False),
)
DUE_SOON, OVERDUE = "due_soon", "overdue"
_CHUNK = 500  # keys per lookup of what was already warned


@dataclass(frozen=True)
class Warnable:
    """A work item and who may read its warning on the feed (its county and, for an owner's item, the unit)."""

    item: WorkItem
    scope: Scope


def warning_state(item: WorkItem) -> str | None:
    """`overdue`, `due_soon`, or None when the item warns of nothing today."""
    return OVERDUE if item.overdue else DUE_SOON if item.due_soon else None


async def _already_warned(session: AsyncSession, wanted: list[tuple[str, str, date]]) -> set[tuple[str, str, date]]:
    seen: set[tuple[str, str, date]] = set()
    table = WORK_WARNINGS.c
    for start in range(0, len(wanted), _CHUNK):
        keys = {key for key, _, _ in wanted[start:start + _CHUNK]}
        rows = await session.execute(select(table.key, table.state, table.deadline).where(table.key.in_(keys)))
        seen.update((r.key, r.state, r.deadline) for r in rows)
    return seen


def _payload(item: WorkItem, state: str, today: date) -> WorkDueSoon | WorkOverdue:
    model = WorkOverdue if state == OVERDUE else WorkDueSoon
    assert item.deadline is not None  # only dated items warn
    return model(work_key=item.key, work_kind=item.kind, title=item.title, expected=item.expected,
                 deadline=item.deadline, county_code=item.county_code, service=item.link.service,
                 resource=item.link.resource, resource_id=item.link.id, path=item.link.path, warned_on=today)


async def sweep(session: AsyncSession, warnables: Iterable[Warnable], today: date) -> int:
    """Publish a warning for every item due soon or overdue not yet warned in that state for its deadline, and
    remember it, in the session's transaction; how many were published."""
    pending: dict[tuple[str, str, date], Warnable] = {}
    for one in warnables:
        state = warning_state(one.item)
        if state is not None and one.item.deadline is not None:
            pending.setdefault((one.item.key, state, one.item.deadline), one)
    seen = await _already_warned(session, list(pending))
    fresh = sorted(k for k in pending if k not in seen)
    if not fresh:
        return 0
    await session.execute(insert(WORK_WARNINGS), [{"key": key, "state": state, "deadline": deadline,
                                                   "warned_at": utcnow()} for key, state, deadline in fresh])
    for key, state, deadline in fresh:
        one = pending[key, state, deadline]
        await publish(session, _payload(one.item, state, today), one.scope)
    return len(fresh)

