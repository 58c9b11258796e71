"""Following the projects and funds event feeds (事件流): each event applied once, the cursor kept with it, so the
collaboration service's lists and money figures keep working while those services are down."""
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
from fastapi import FastAPI
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import State

from contracts.events import EventPayload, parse_payload
from contracts.events.projects import ProjectSnapshot
from services.collaboration.feeds.apply import apply_funds, apply_project
from services.collaboration.feeds.models import FeedPosition
from services.kit.auth import Role, ServiceToken
from services.kit.leader import Job

PAGE = 500
log = logging.getLogger("collaboration.feeds")


async def _project(session: AsyncSession, payload: EventPayload) -> bool:
    return isinstance(payload, ProjectSnapshot) and await apply_project(session, payload)


# Feed name → how one of its events is applied.
APPLY: dict[str, Callable[[AsyncSession, EventPayload], Awaitable[bool]]] = {
    "projects": _project, "funds": apply_funds}


def typed(feed: str, event: dict[str, Any]) -> EventPayload | None:
    """The event's payload parsed into its contract; None (with a log line) for a type or version this code does
    not know or a payload breaking its contract — skipped, never a crash."""
    try:
        payload = parse_payload(event.get("type", ""), event.get("version", 0), event.get("payload", {}))
    except ValidationError as exc:
        log.warning("%s feed: event %s breaks its contract, skipped: %s", feed, event.get("id"),
                    exc.errors(include_input=False, include_url=False)[:3])
        return None
    if payload is None:
        log.warning("%s feed: event %s of unknown type %s v%s skipped", feed, event.get("id"), event.get("type"),
                    event.get("version"))
    return payload


async def _locked_cursor(session: AsyncSession, feed: str) -> FeedPosition:
    """The feed's cursor row, locked until commit (PostgreSQL) so two rounds never apply the same events."""
    query = select(FeedPosition).where(FeedPosition.feed == feed).with_for_update()
    row = (await session.scalars(query.execution_options(populate_existing=True))).one_or_none()
    if row is None:
        row = FeedPosition(feed=feed, after=0)
        session.add(row)
        await session.flush()
    return row


async def catch_up(state: State, feed: str) -> int:
    """Apply every event of `feed` after the stored cursor, page by page; the number of events taken.

    Each page is fetched with no transaction open, then applied and the cursor moved in one short transaction;
    events at or below the cursor found there (another round got to them first) are skipped.
    """
    applied = 0
    while True:
        async with state.read_sessionmaker() as session:
            after = (await session.scalar(select(FeedPosition.after).where(FeedPosition.feed == feed))) or 0
        response = await state.upstreams[feed].get("/events", params={"after": after, "limit": PAGE})
        response.raise_for_status()
        page = response.json()
        if not page["events"]:
            return applied
        async with state.sessionmaker() as session, session.begin():
            cursor = await _locked_cursor(session, feed)
            for event in page["events"]:
                payload = typed(feed, event) if event["id"] > cursor.after else None
                if payload is not None:
                    applied += await APPLY[feed](session, payload)
            cursor.after = max(cursor.after, int(page["next_after"]))


def feed_jobs(seconds: float) -> list[Job]:
    """A follower per feed as kit jobs: on the one replica holding each lease, every `seconds` (0 = off)."""
    # The other service down or restarting is expected: our own views keep working on what we hold.
    expected = (httpx.HTTPError, ValueError, KeyError)
    return [Job(f"collaboration.{feed}_feed", seconds, _unit(feed), expected=expected) for feed in APPLY]


def _unit(feed: str) -> Callable[[Any], Awaitable[int]]:
    async def unit(app: FastAPI) -> int:
        return await catch_up(app.state, feed)

    return unit


def upstreams_background(transports: dict[str, httpx.AsyncBaseTransport] | None = None
                         ) -> Callable[[FastAPI], Any]:
    """The app's background: one client per service it reads (projects, funds, employment) on app.state, each
    sending a short-lived read-only token of its own (inspector: reads everything, changes nothing)."""

    @asynccontextmanager
    async def background(app: FastAPI) -> AsyncIterator[None]:
        settings = app.state.settings
        app.state.upstreams = {}
        for name in ("projects", "funds", "employment"):
            token = ServiceToken(settings.jwt_secret, "collaboration-service", Role.INSPECTOR,
                                 settings.service_token_ttl)
            app.state.upstreams[name] = httpx.AsyncClient(
                base_url=getattr(settings, f"{name}_url"), timeout=settings.upstream_timeout, auth=token,
                transport=(transports or {}).get(name))
        try:
            yield
        finally:
            for client in app.state.upstreams.values():
                await client.aclose()

    return background
