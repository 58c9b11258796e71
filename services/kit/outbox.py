"""Transactional outbox and the ordered, scoped event feed other services and systems read (GET /events?after=).

Every event is a typed, versioned payload from `contracts.events`, written in the same transaction as the change
it announces, with the scope it belongs to (county, owner unit) in indexed columns. A reader gets only the events
of its scope, filtered in SQL, and labourers' personal data masked unless it is hr or admin.
"""
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Literal, Union

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Discriminator, Tag, create_model
from sqlalchemy import JSON, ColumnElement, Index, Integer, String, and_, select, text, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from contracts.enums import FeedName
from contracts.events import FEEDS, EventPayload, payload_model
from contracts.events.feed import EventBase
from services.kit.auth import READ_ROLES, Principal, Role, allow
from services.kit.db import Base, BigId, ReadSession, UTCDateTime, utcnow
from services.kit.errors import DomainError
from services.kit.ids import MAX_ID

# Any fixed number: PostgreSQL advisory lock that makes outbox ids commit in id order.
_OUTBOX_LOCK = 4502_0001
MAX_EVENTS = 1000
log = logging.getLogger("kit.outbox")


@dataclass(frozen=True)
class Scope:
    """Who may read an event: readers of `county` (None: city-wide readers only) and, for project owners,
    only events of their own unit `org` (None: no owner reads it)."""

    county: str | None
    org: str | None = None


class OutboxEvent(Base):
    """An event written in the same transaction as the change it announces."""

    __tablename__ = "outbox_events"
    __table_args__ = (
        # Keyset reads of one county, and of one owner unit in its county, cost the same on any page.
        Index("ix_outbox_events_county_id", "county_code", "id"),
        Index("ix_outbox_events_county_org_id", "county_code", "owner_org", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    type: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    aggregate_type: Mapped[str] = mapped_column(String(64))
    aggregate_id: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    county_code: Mapped[str | None] = mapped_column(String(6))
    owner_org: Mapped[str | None] = mapped_column(String(120))


async def publish(session: AsyncSession, event: EventPayload, scope: Scope) -> None:
    """Append a typed event to the outbox in the current transaction, readable within `scope`.

    On PostgreSQL a transaction-scoped advisory lock serialises event writers, so an event with a
    smaller id is always committed before one with a larger id and a consumer reading `after=<id>`
    never skips an event that commits late. SQLite serialises writers by itself.
    """
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _OUTBOX_LOCK})
    session.add(OutboxEvent(type=event.event_type, version=event.event_version,
                            aggregate_type=event.aggregate_type, aggregate_id=event.aggregate_id(),
                            payload=event.model_dump(mode="json"), county_code=scope.county, owner_org=scope.org))
    await session.flush()


def readable(principal: Principal) -> ColumnElement[bool]:
    """The events this reader may see: owners their unit's in their county, county roles their county, city-wide
    roles (and external systems without a county claim) everything."""
    if principal.role == Role.PROJECT_OWNER:
        return and_(OutboxEvent.county_code == principal.county, OutboxEvent.owner_org == principal.org)
    if principal.county is not None:
        return OutboxEvent.county_code == principal.county
    return true()


async def read_feed(session: AsyncSession, principal: Principal, after: int, limit: int
                    ) -> tuple[list[dict[str, Any]], int]:
    """Up to `limit` events of the reader's scope after the cursor, oldest first, personal data masked as due;
    and the cursor to continue from.

    A row of a type or version this code does not know (written by a newer release, then rolled back) cannot be
    shown typed: it is left out with a log line, and the cursor still moves past it.
    """
    rows = (await session.scalars(select(OutboxEvent).where(readable(principal), OutboxEvent.id > after)
                                  .order_by(OutboxEvent.id).limit(limit))).all()
    whole = principal.sees_personal_data
    events = []
    for row in rows:
        model = payload_model(row.type, row.version)
        if model is None:
            log.warning("outbox event %s of unknown type %s v%s left out of the feed", row.id, row.type, row.version)
            continue
        events.append({"id": row.id, "occurred_at": row.occurred_at, "type": row.type, "version": row.version,
                       "aggregate_type": row.aggregate_type, "aggregate_id": row.aggregate_id,
                       "payload": row.payload if whole else model.mask(row.payload)})
    return events, rows[-1].id if rows else after


def _tag(value: Any) -> str:
    if isinstance(value, dict):
        return f"{value.get('type')}@{value.get('version')}"
    return f"{value.type}@{value.version}"


def _envelope(model: type[EventPayload]) -> Any:
    """`<Payload>V<n>Event`: the envelope of one payload type and version, tagged for the discriminated union."""
    # The tags are values known only at run time, so these are dynamic types a static checker cannot follow.
    type_tag: Any = Literal[model.event_type]
    version_tag: Any = Literal[model.event_version]
    cls = create_model(f"{model.__name__}V{model.event_version}Event", __base__=EventBase, __doc__=model.__doc__,
                       type=(type_tag, ...), version=(version_tag, ...), payload=(model, ...))
    return Annotated[cls, Tag(f"{model.event_type}@{model.event_version}")]


def feed_model(feed: FeedName) -> type[BaseModel]:
    """The typed answer of one service's feed: its events (a union over its payload types) and the next cursor."""
    # A union built at run time from the feed's payload types: dynamic, like the envelopes.
    event: Any = Annotated[Union[tuple(_envelope(m) for m in FEEDS[feed])], Discriminator(_tag)]  # noqa: UP007
    events: Any = list[event]
    name = f"{feed.value.capitalize()}EventFeed"
    return create_model(name, __doc__="事件流的一页：按提交顺序，next_after 供下次读取",
                        events=(events, ...), next_after=(int, ...))


def events_router(feed: FeedName) -> APIRouter:
    """GET /events of one service, answering its own payload types."""
    router = APIRouter(tags=["events"])
    answer = feed_model(feed)

    @router.get("/events", response_model=answer, summary="Ordered event feed of the caller's scope (事件流)")
    async def read_events(
        session: ReadSession,
        principal: Annotated[Principal, Depends(allow(*READ_ROLES))],
        after: Annotated[int, Query(ge=0, le=MAX_ID, description="上次读到的最后一个事件 id")] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_EVENTS)] = 100,
    ) -> dict[str, Any]:
        """Events of the caller's scope with id greater than `after`, oldest first; personal data masked except
        for hr and admin. A token whose `feeds` claim leaves this feed out is refused (403)."""
        if principal.feeds is not None and feed not in principal.feeds:
            raise DomainError(403, "auth.feed_not_granted", f"当前凭证无权读取 {feed} 事件流",
                              extra={"granted_feeds": sorted(principal.feeds)})
        events, next_after = await read_feed(session, principal, after, limit)
        return {"events": events, "next_after": next_after}

    return router
