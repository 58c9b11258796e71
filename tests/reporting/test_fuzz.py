"""Fuzz the reporting service from its own OpenAPI contract (tests/contract/fuzz.py), the three services it reads
running in process on their demo data: no 5xx, no undocumented status or content type, valid bodies."""
import asyncio

import httpx

from services.kit.settings import ServiceSettings
from services.kit.testing import DatabaseFactory, backends
from tests.contract.fuzz import fuzz
from tests.contract.test_fuzz import ADMIN, EXAMPLES

SERVICES = ("projects", "funds", "employment", "reporting")


def _stack(urls: dict[str, str]):
    """The reporting app, every app whose lifespan runs, and the seed of the demo data."""
    from services.employment.app import create_app as employment_app
    from services.employment.config import Settings as EmploymentSettings
    from services.employment.demo import demo_registry
    from services.employment.demo import load_demo as employment_demo
    from services.funds.app import create_app as funds_app
    from services.funds.config import Settings as FundsSettings
    from services.funds.demo import load as funds_demo
    from services.projects.app import create_app as projects_app
    from services.projects.config import Settings as ProjectsSettings
    from services.projects.demo import load_demo as projects_demo
    from services.reporting.app import create_app
    from services.reporting.config import Settings

    projects = projects_app(ProjectsSettings(database_url=urls["projects"]))
    funds = funds_app(FundsSettings(database_url=urls["funds"], feed_poll_seconds=0),
                      projects_transport=httpx.ASGITransport(app=projects))
    employment = employment_app(EmploymentSettings(database_url=urls["employment"]))
    transports = {name: httpx.ASGITransport(app=app)
                  for name, app in (("projects", projects), ("funds", funds), ("employment", employment))}
    reporting = create_app(Settings(database_url=urls["reporting"]), transports=transports)

    async def seed() -> None:
        await projects_demo(urls["projects"])
        registry = demo_registry("http://projects", transports["projects"])
        try:
            await employment_demo(urls["employment"], registry)
        finally:
            await registry.close()
        async with httpx.AsyncClient(transport=transports["funds"], base_url="http://funds") as f, \
                httpx.AsyncClient(transport=transports["projects"], base_url="http://projects") as p:
            await funds_demo(f, p, ServiceSettings().jwt_secret)

    return reporting, [projects, funds, employment, reporting], seed


def test_every_reporting_operation_answers_as_its_contract_says(databases: DatabaseFactory):
    backend = backends()[-1]
    for name in SERVICES:
        databases.template(name, backend)
    urls = {name: asyncio.run(databases.create(name, backend)) for name in SERVICES}
    try:
        app, served, seed = _stack(urls)
        done = fuzz(app, [a.router.lifespan_context(a) for a in served], ADMIN, EXAMPLES, seed)
    finally:
        for url in urls.values():
            asyncio.run(databases.drop(url))
    assert done.operations >= 10 and done.requests >= done.operations * 2
    assert not done.failures, f"{len(done.failures)} operations broke their contract on {backend}:\n\n" + \
        "\n\n".join(done.failures)
