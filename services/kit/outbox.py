"""Transactional outbox and the ordered event feed other services consume (GET /events?after=)."""
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel
from sqlalchemy import JSON, String, select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from services.kit.auth import READ_ROLES, Principal, allow
from services.kit.db import Base, BigId, Session, UTCDateTime, utcnow
from services.kit.ids import MAX_ID

# Any fixed number: PostgreSQL advisory lock that makes outbox ids commit in id order.
_OUTBOX_LOCK = 4502_0001


class OutboxEvent(Base):
    """An event written in the same transaction as the change it announces."""

    __tablename__ = "outbox_events"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    type: Mapped[str] = mapped_column(String(64))
    aggregate_type: Mapped[str] = mapped_column(String(64))
    aggregate_id: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)


async def publish(session: AsyncSession, type_: str, aggregate_type: str, aggregate_id: Any,
                  payload: dict[str, Any]) -> None:
    """Append an event to the outbox in the current transaction.

    On PostgreSQL a transaction-scoped advisory lock serialises event writers, so an event with a
    smaller id is always committed before one with a larger id and a consumer reading `after=<id>`
    never skips an event that commits late. SQLite serialises writers by itself.
    """
    if session.bind.dialect.name == "postgresql":
        await session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _OUTBOX_LOCK})
    session.add(OutboxEvent(type=type_, aggregate_type=aggregate_type, aggregate_id=str(aggregate_id),
                            payload=payload))
    await session.flush()


class EventRead(BaseModel):
    """One event of the feed; `id` is the cursor to pass as `after`."""

    id: int
    occurred_at: datetime
    type: str
    aggregate_type: str
    aggregate_id: str
    payload: dict[str, Any]


class EventFeed(BaseModel):
    """Events in commit order after the given cursor, and the cursor to continue from."""

    events: list[EventRead]
    next_after: int


events_router = APIRouter(tags=["events"])


@events_router.get("/events", response_model=EventFeed, summary="Ordered event feed (事件流)")
async def read_events(
    session: Session,
    _: Annotated[Principal, Depends(allow(*READ_ROLES))],
    after: Annotated[int, Query(ge=0, le=MAX_ID, description="上次读到的最后一个事件 id")] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> EventFeed:
    """Events with id greater than `after`, oldest first."""
    rows = (await session.scalars(
        select(OutboxEvent).where(OutboxEvent.id > after).order_by(OutboxEvent.id).limit(limit))).all()
    events = [EventRead.model_validate(r, from_attributes=True) for r in rows]
    return EventFeed(events=events, next_after=events[-1].id if events else after)
