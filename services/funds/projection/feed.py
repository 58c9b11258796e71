"""Following the projects event feed (事件流): apply each event once, keep the cursor, catch up after outages."""
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from fastapi import FastAPI
from pydantic import ValidationError

from contracts.events import parse_payload
from contracts.events.projects import ProjectSnapshot
from services.funds.projection.client import ProjectsService
from services.funds.projection.repository import FeedCursorRepository, ProjectStateRepository
from services.kit.leader import Job
from services.kit.service_app import Background

FEED = "projects"
PAGE = 500
log = logging.getLogger("funds.feed")


def project_state(event: dict[str, Any]) -> ProjectSnapshot | None:
    """The project state an event of the projects feed carries, parsed into its contract; None for events that
    carry none (plans), for a type or version this code does not know, and for a payload that breaks its
    contract — each skipped with a log line, never a crash."""
    event_type, version = event.get("type"), event.get("version")
    if not isinstance(event_type, str) or not isinstance(version, int):
        log.warning("projects feed: event %s of unknown type %s v%s skipped", event.get("id"), event_type, version)
        return None
    try:
        payload = parse_payload(event_type, version, event.get("payload") or {})
    except ValidationError as exc:
        log.warning("projects feed: event %s (%s v%s) breaks its contract, skipped: %s", event.get("id"),
                    event_type, version, exc.errors(include_input=False, include_url=False)[:3])
        return None
    if payload is None:
        log.warning("projects feed: event %s of unknown type %s v%s skipped", event.get("id"), event_type, version)
        return None
    return payload if isinstance(payload, ProjectSnapshot) else None


async def catch_up(app: FastAPI) -> int:
    """Apply every event after the stored cursor, page by page; the number of project states taken.

    Each page is fetched over HTTP with no transaction open, then applied and the cursor moved in one short
    transaction: a slow or dead projects service never holds a database connection or lock of ours.
    """
    applied = 0
    while True:
        async with app.state.read_sessionmaker() as session:
            after = await FeedCursorRepository(session).position(FEED)
        page = await app.state.projects.events(after, PAGE)
        if not page["events"]:
            return applied
        async with app.state.sessionmaker() as session, session.begin():
            states = ProjectStateRepository(session)
            for event in page["events"]:
                p = project_state(event)
                if p is not None:
                    applied += await states.apply(p.project_id, p.status, p.county_code, p.version, p.name,
                                                  p.started_on, p.owner_org)
            await FeedCursorRepository(session).move(FEED, page["next_after"])


def feed_job(seconds: float) -> Job:
    """The poller as a kit job: `catch_up` every `seconds` on the one replica holding its lease (0 = off)."""
    # The projects service down or restarting is expected: our own views keep working on what we hold.
    return Job("funds.projects_feed", seconds, catch_up, expected=(httpx.HTTPError, ValueError, KeyError))


def feed_background(transport: httpx.AsyncBaseTransport | None = None) -> Background:
    """The app's background: a projects client on app.state while the app lives (the poller is feed_job)."""

    @asynccontextmanager
    async def background(app: FastAPI) -> AsyncIterator[None]:
        settings = app.state.settings
        app.state.projects = ProjectsService(settings.projects_url, settings.jwt_secret, settings.projects_timeout,
                                             transport, settings.service_token_ttl)
        try:
            yield
        finally:
            await app.state.projects.close()

    return background
