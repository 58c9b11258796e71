"""Fixtures shared by the whole suite: backends, fresh databases, in-process service clients."""
import os
from collections.abc import AsyncIterator

import httpx
import pytest

from devtools.stack import SERVICES
from services.kit.testing import DatabaseFactory, backends, serve_in_process
from tests.clients import Generated, generate_all
from tests.places import seed_template

# The suite signs tokens with the default secret, which only development accepts (every process reads
# ENVIRONMENT; the system tests' processes inherit it). Tests of production mode pass it explicitly.
os.environ["ENVIRONMENT"] = "development"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run every database test on SQLite, and on PostgreSQL when TEST_POSTGRES_URL is set."""
    if "backend" in metafunc.fixturenames:
        metafunc.parametrize("backend", backends(), scope="session")


@pytest.fixture(scope="session")
def databases() -> DatabaseFactory:
    factory = DatabaseFactory()
    yield factory
    factory.close()


@pytest.fixture(scope="session")
def migrated(databases: DatabaseFactory, backend: str) -> str:
    """Build the templates of every service for this backend, outside any event loop."""
    for service in SERVICES:
        databases.template(service, backend)
        if service == "projects":  # every projects database starts with a small village registry (tests/places.py)
            seed_template(databases.template_url(service, backend))
    return backend


@pytest.fixture(scope="session")
def generated_clients(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    """A Python client per service, generated once from the committed contracts (never committed)."""
    return generate_all(tmp_path_factory.mktemp("clients"))


@pytest.fixture
async def projects_db(databases: DatabaseFactory, migrated: str) -> AsyncIterator[str]:
    url = await databases.create("projects", migrated)
    yield url
    await databases.drop(url)


@pytest.fixture
def projects_app(projects_db: str):
    """The projects service app on a fresh database (its clock is app.state.clock)."""
    from services.projects.app import create_app
    from services.projects.config import Settings

    return create_app(Settings(database_url=projects_db))


@pytest.fixture
async def projects(projects_app) -> AsyncIterator[httpx.AsyncClient]:
    """The projects service in process on a fresh database."""
    async with serve_in_process(projects_app) as client:
        yield client


@pytest.fixture
async def gateway(projects_db: str) -> AsyncIterator[httpx.AsyncClient]:
    """The gateway in process, calling the projects service in process on a fresh database."""
    from gateway.app import create_app as create_gateway
    from services.projects.app import create_app
    from services.projects.config import Settings

    projects_app = create_app(Settings(database_url=projects_db))
    async with projects_app.router.lifespan_context(projects_app):
        transports = {"projects": httpx.ASGITransport(app=projects_app)}
        async with serve_in_process(create_gateway(transports=transports)) as client:
            yield client
