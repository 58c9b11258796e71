"""Fixtures of the employment tests: the service in process on a fresh database, and the gateway over it."""
from collections.abc import AsyncIterator

import httpx
import pytest

from services.kit.testing import DatabaseFactory, serve_in_process


@pytest.fixture
async def employment_db(databases: DatabaseFactory, migrated: str) -> AsyncIterator[str]:
    url = await databases.create("employment", migrated)
    yield url
    await databases.drop(url)


@pytest.fixture
def employment_app(employment_db: str, projects_app):
    """The employment service app on a fresh database, reading the village registry (村屯名录) of the in-process
    projects service; its warning sweep off (tests run it when they want it)."""
    from services.employment.app import create_app
    from services.employment.config import Settings

    return create_app(Settings(database_url=employment_db, work_sweep_seconds=0),
                      projects_transport=httpx.ASGITransport(app=projects_app))


@pytest.fixture
async def employment(employment_app, projects) -> AsyncIterator[httpx.AsyncClient]:
    """The employment service in process on a fresh database (the projects service it reads in process too)."""
    async with serve_in_process(employment_app) as client:
        yield client


@pytest.fixture
async def employment_gateway(employment_app, projects) -> AsyncIterator[tuple[httpx.AsyncClient, httpx.AsyncClient]]:
    """(gateway, employment service), the gateway calling the service in process."""
    from gateway.app import create_app as create_gateway

    async with serve_in_process(employment_app) as service:
        transports = {"employment": httpx.ASGITransport(app=employment_app)}
        async with serve_in_process(create_gateway(transports=transports)) as gateway:
            yield gateway, service
