"""Following the projects event feed (事件流): apply each event once, keep the cursor, catch up after outages."""
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date

import httpx
from fastapi import FastAPI

from services.funds.projection import repository
from services.funds.projection.client import ProjectsService
from services.kit.leader import Job

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


def feed_job(seconds: float) -> Job:
    """The poller as a kit job: `catch_up` every `seconds` on the one replica holding its lease (0 = off)."""
    # The projects service down or restarting is expected: our own views keep working on what we hold.
    return Job("funds.projects_feed", seconds, catch_up, expected=(httpx.HTTPError, ValueError, KeyError))


def feed_background(transport: httpx.AsyncBaseTransport | None = None):
    """The app's background: a projects client on app.state while the app lives (the poller is feed_job)."""

    @asynccontextmanager
    async def background(app: FastAPI) -> AsyncIterator[None]:
        settings = app.state.settings
        app.state.projects = ProjectsService(settings.projects_url, settings.jwt_secret, settings.projects_timeout,
                                             transport)
        try:
            yield
        finally:
            await app.state.projects.close()

    return background
