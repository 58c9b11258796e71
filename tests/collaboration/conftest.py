"""Fixtures of the collaboration tests: the service in process on a fresh database, and tokens of its roles."""
from collections.abc import AsyncIterator

import httpx
import pytest

from services.kit.testing import DatabaseFactory, serve_in_process


@pytest.fixture
async def collaboration_db(databases: DatabaseFactory, migrated: str) -> AsyncIterator[str]:
    url = await databases.create("collaboration", migrated)
    yield url
    await databases.drop(url)


@pytest.fixture
def collaboration_app(collaboration_db: str):
    """The collaboration service app on a fresh database (upstream services unreachable unless a test wires them)."""
    from services.collaboration.app import create_app
    from services.collaboration.config import Settings

    return create_app(Settings(database_url=collaboration_db, feed_poll_seconds=0))


@pytest.fixture
async def collaboration(collaboration_app) -> AsyncIterator[httpx.AsyncClient]:
    """The collaboration service in process on a fresh database."""
    async with serve_in_process(collaboration_app) as client:
        yield client
