"""Fixtures of the funds tests: a fresh funds database, and the app calling an in-process projects service."""
from collections.abc import AsyncIterator

import httpx
import pytest

from services.kit.testing import DatabaseFactory, serve_in_process


@pytest.fixture
async def funds_db(databases: DatabaseFactory, migrated: str) -> AsyncIterator[str]:
    url = await databases.create("funds", migrated)
    yield url
    await databases.drop(url)


@pytest.fixture
def funds_app(funds_db: str, projects_app):
    """The funds app on a fresh database; its projects calls go to the in-process projects app.

    The background poller is off (feed_poll_seconds=0): tests call `catch_up` when they want the feed read.
    """
    from services.funds.app import create_app
    from services.funds.config import Settings

    settings = Settings(database_url=funds_db, feed_poll_seconds=0)
    return create_app(settings, projects_transport=httpx.ASGITransport(app=projects_app))


@pytest.fixture
async def funds(funds_app, projects) -> AsyncIterator[httpx.AsyncClient]:
    """The funds service in process (the projects service runs too, through the `projects` fixture)."""
    async with serve_in_process(funds_app) as client:
        yield client
