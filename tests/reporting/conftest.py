"""Fixtures of the reporting tests: the three services in process on fresh databases, and the reporting service
reading them through their HTTP APIs (in-process transports)."""
from collections.abc import AsyncIterator

import httpx
import pytest

from services.kit.testing import DatabaseFactory, serve_in_process


@pytest.fixture
async def reporting_db(databases: DatabaseFactory, migrated: str) -> AsyncIterator[str]:
    url = await databases.create("reporting", migrated)
    yield url
    await databases.drop(url)


@pytest.fixture
async def employment_app(databases: DatabaseFactory, migrated: str) -> AsyncIterator:
    """The employment service app on a fresh database."""
    from services.employment.app import create_app
    from services.employment.config import Settings

    url = await databases.create("employment", migrated)
    yield create_app(Settings(database_url=url))
    await databases.drop(url)


@pytest.fixture
async def funds_app(databases: DatabaseFactory, migrated: str, projects_app) -> AsyncIterator:
    """The funds app on a fresh database, its project checks going to the in-process projects app."""
    from services.funds.app import create_app
    from services.funds.config import Settings

    url = await databases.create("funds", migrated)
    yield create_app(Settings(database_url=url, feed_poll_seconds=0),
                     projects_transport=httpx.ASGITransport(app=projects_app))
    await databases.drop(url)


class Stack:
    """Clients of the four services and the gateway in process, and the reporting app (its clock in
    app.state.clock)."""

    def __init__(self, projects, funds, employment, reporting, reporting_app, gateway) -> None:
        self.projects, self.funds, self.employment = projects, funds, employment
        self.reporting, self.reporting_app, self.gateway = reporting, reporting_app, gateway


@pytest.fixture
async def stack(projects, projects_app, funds_app, employment_app, reporting_db) -> AsyncIterator[Stack]:
    """Every service and the gateway in process; reporting calls the others over ASGI transports, counted."""
    from gateway.app import create_app as create_gateway
    from services.reporting.app import create_app
    from services.reporting.config import Settings

    transports = {"projects": httpx.ASGITransport(app=projects_app), "funds": httpx.ASGITransport(app=funds_app),
                  "employment": httpx.ASGITransport(app=employment_app)}
    reporting_app = create_app(Settings(database_url=reporting_db), transports=transports)
    gateway_app = create_gateway(transports=transports | {"reporting": httpx.ASGITransport(app=reporting_app)})
    async with serve_in_process(funds_app) as funds, serve_in_process(employment_app) as employment, \
            serve_in_process(reporting_app) as reporting, serve_in_process(gateway_app) as gateway:
        yield Stack(projects, funds, employment, reporting, reporting_app, gateway)
