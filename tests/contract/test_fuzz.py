"""Fuzz every service from its own OpenAPI contract: no 5xx, no undocumented status or content type, valid bodies.

One database, not both: PostgreSQL when TEST_POSTGRES_URL is set, else SQLite. What bad input breaks hides on
PostgreSQL (integer and numeric ranges, enforced string lengths, NUL in text), and whatever SQLite refuses
PostgreSQL refuses too, so a second run on SQLite would double the time and find nothing new. The services run on
their demo data, so reads return real rows whose schemas are checked and writes meet real states.
"""
import asyncio
import os

import httpx
import pytest

from services.kit.auth import Role
from services.kit.settings import ServiceSettings
from services.kit.testing import DatabaseFactory, backends, bearer
from tests.contract.fuzz import fuzz

# Per operation and mode: about a minute for the three services on this 2-core machine; FUZZ_EXAMPLES=200 digs deeper.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "12"))
ADMIN = bearer(Role.ADMIN)  # passes every role check, city-wide, so every handler is reached


def _projects(urls: dict[str, str]):
    from services.projects.app import create_app
    from services.projects.config import Settings

    return create_app(Settings(database_url=urls["projects"]))


def _apps(service: str, urls: dict[str, str]):
    """The app to fuzz, the apps whose lifespans run (funds calls the projects service in process), its seed."""
    from services.projects.demo import load_demo as projects_demo

    if service == "projects":
        projects = _projects(urls)
        return projects, [projects], lambda: projects_demo(urls["projects"])
    if service == "employment":
        from services.employment.app import create_app
        from services.employment.config import Settings
        from services.employment.demo import demo_registry, load_demo

        projects = _projects(urls)  # the village registry (村屯名录) its labourers name
        app = create_app(Settings(database_url=urls["employment"]),
                         projects_transport=httpx.ASGITransport(app=projects))

        async def seed_employment() -> None:
            await projects_demo(urls["projects"])
            registry = demo_registry("http://projects", httpx.ASGITransport(app=projects))
            try:
                await load_demo(urls["employment"], registry)
            finally:
                await registry.close()

        return app, [projects, app], seed_employment
    if service == "collaboration":
        from services.collaboration.app import create_app as collaboration_app
        from services.collaboration.config import Settings as CollaborationSettings
        from services.collaboration.demo import load_demo as collaboration_demo

        nowhere = "http://127.0.0.1:9"  # the services it reads are down: its own answers must still hold
        app = collaboration_app(CollaborationSettings(
            database_url=urls["collaboration"], feed_poll_seconds=0, projects_url=nowhere, funds_url=nowhere,
            employment_url=nowhere, upstream_timeout=0.5))
        return app, [app], lambda: collaboration_demo(urls["collaboration"])
    from services.funds.app import create_app
    from services.funds.config import Settings
    from services.funds.demo import load

    projects = _projects(urls)
    app = create_app(Settings(database_url=urls["funds"], feed_poll_seconds=0),
                     projects_transport=httpx.ASGITransport(app=projects))

    async def seed() -> None:
        await projects_demo(urls["projects"])
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://funds") as funds, \
                httpx.AsyncClient(transport=httpx.ASGITransport(app=projects), base_url="http://projects") as lib:
            await load(funds, lib, ServiceSettings().jwt_secret)

    return app, [projects, app], seed


@pytest.mark.parametrize("service", ["projects", "funds", "employment", "collaboration"])
def test_every_operation_answers_as_its_contract_says(service: str, databases: DatabaseFactory):
    backend = backends()[-1]
    needed = ["projects", service] if service in ("funds", "employment") else [service]
    for name in needed:
        databases.template(name, backend)
    urls = {name: asyncio.run(databases.create(name, backend)) for name in needed}
    try:
        app, served, seed = _apps(service, urls)
        lifespans = [a.router.lifespan_context(a) for a in served]
        done = fuzz(app, lifespans, ADMIN, EXAMPLES, seed)
    finally:
        for url in urls.values():
            asyncio.run(databases.drop(url))
    assert done.operations >= 20 and done.requests >= done.operations * 2
    assert not done.failures, f"{len(done.failures)} operations broke their contract on {backend}:\n\n" + \
        "\n\n".join(done.failures)
