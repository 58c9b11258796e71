"""Fixtures of the collaboration tests: the service in process on a fresh database, and tokens of its roles."""
from collections.abc import AsyncIterator

import httpx
import pytest

from services.kit.testing import DatabaseFactory, serve_in_process
from tests.employment.conftest import employment, employment_app, employment_db  # noqa: F401  (in process)
from tests.funds.conftest import funds, funds_app, funds_db  # noqa: F401  (the funds service in process)


@pytest.fixture
async def collaboration_db(databases: DatabaseFactory, migrated: str) -> AsyncIterator[str]:
    url = await databases.create("collaboration", migrated)
    yield url
    await databases.drop(url)


@pytest.fixture
def collaboration_app(collaboration_db: str):
    """The collaboration service app on a fresh database; the services it reads are unreachable (nothing listens
    on port 9), whatever runs on their default ports on this machine."""
    from services.collaboration.app import create_app
    from services.collaboration.config import Settings

    nowhere = "http://127.0.0.1:9"
    return create_app(Settings(database_url=collaboration_db, feed_poll_seconds=0, projects_url=nowhere,
                               funds_url=nowhere, employment_url=nowhere, upstream_timeout=1.0, work_sweep_seconds=0))


@pytest.fixture
async def collaboration(collaboration_app) -> AsyncIterator[httpx.AsyncClient]:
    """The collaboration service in process on a fresh database."""
    async with serve_in_process(collaboration_app) as client:
        yield client


@pytest.fixture
async def linked(collaboration_db: str, projects_app, funds_app, employment_app, projects, funds, employment,  # noqa: F811
                 ) -> AsyncIterator[tuple[httpx.AsyncClient, httpx.AsyncClient, httpx.AsyncClient, object]]:
    """(collaboration, projects, funds, collaboration app): the collaboration service following the in-process
    projects and funds services and reading the in-process employment service (its pollers off: changes that
    depend on a feed catch it up themselves)."""
    from services.collaboration.app import create_app
    from services.collaboration.config import Settings

    transports = {name: httpx.ASGITransport(app=app) for name, app in
                  (("projects", projects_app), ("funds", funds_app), ("employment", employment_app))}
    app = create_app(Settings(database_url=collaboration_db, feed_poll_seconds=0, work_sweep_seconds=0), transports)
    async with serve_in_process(app) as client:
        yield client, projects, funds, app


@pytest.fixture
async def collaboration_gateway(linked, projects_app) -> AsyncIterator[httpx.AsyncClient]:
    """The gateway in process over the linked collaboration service and the projects service."""
    from gateway.app import create_app as create_gateway

    _, _, _, app = linked
    transports = {"collaboration": httpx.ASGITransport(app=app), "projects": httpx.ASGITransport(app=projects_app)}
    async with serve_in_process(create_gateway(transports=transports)) as gateway:
        yield gateway
