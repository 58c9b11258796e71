"""Following the projects event feed (事件流): apply each event once, keep the cursor, catch up after outages."""
import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date

import httpx
from fastapi import FastAPI

from services.funds.projection import repository
from services.funds.projection.client import ProjectsService

FEED = "projects"
PAGE = 500
PROJECT_EVENTS = frozenset({"project.submitted", "project.status_changed", "project.imported"})
log = logging.getLogger("funds.feed")


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


async def catch_up(app: FastAPI) -> int:
    """Apply every event after the stored cursor, one transaction per page; the number applied."""
    applied = 0
    while True:
        async with app.state.sessionmaker() as session, session.begin():
            after = await repository.cursor(session, FEED)
            page = await app.state.projects.events(after, PAGE)
            for event in page["events"]:
                if event["type"] in PROJECT_EVENTS:
                    p = event["payload"]
                    applied += await repository.apply_state(
                        session, int(p["id"]), p["status"], p["county_code"], int(p["version"]), p.get("name"),
                        _date(p.get("started_on")))
            if not page["events"]:
                return applied
            await repository.move_cursor(session, FEED, page["next_after"])


async def _poll(app: FastAPI, seconds: float) -> None:
    while True:
        try:
            await catch_up(app)
        except (httpx.HTTPError, ValueError, KeyError) as exc:
            # The projects service is down or restarting: our own views keep working on what we hold.
            log.warning("projects feed unavailable: %s", type(exc).__name__)
        except Exception:  # never let the poller die; the next round retries from the stored cursor
            log.exception("projects feed round failed")
        await asyncio.sleep(seconds)


def feed_background(transport: httpx.AsyncBaseTransport | None = None):
    """The app's background: a projects client on app.state, and the poller while the app lives."""

    @asynccontextmanager
    async def background(app: FastAPI) -> AsyncIterator[None]:
        settings = app.state.settings
        app.state.projects = ProjectsService(settings.projects_url, settings.jwt_secret, settings.projects_timeout,
                                             transport, settings.service_token_ttl)
        task = asyncio.create_task(_poll(app, settings.feed_poll_seconds)) if settings.feed_poll_seconds else None
        try:
            yield
        finally:
            if task is not None:
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
            await app.state.projects.close()

    return background
