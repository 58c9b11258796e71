"""The gateway in process over the real projects and funds services (and, for the queues `myWork` merges, the
employment and collaboration services), every upstream request it sends recorded."""
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpx
import pytest
from fastapi import FastAPI

from services.kit.testing import DatabaseFactory, serve_in_process


class Recording(httpx.AsyncBaseTransport):
    """Hands each request to the real service app in process, noting the method and raw path it was sent to."""

    def __init__(self, service: str, app: FastAPI, seen: list[tuple[str, str, str]]) -> None:
        self.service, self.inner, self.seen = service, httpx.ASGITransport(app=app), seen

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.seen.append((self.service, request.method, request.url.raw_path.decode("ascii")))
        return await self.inner.handle_async_request(request)


@dataclass
class InProcess:
    """A gateway client, a direct client of the projects service, both service apps, the upstream calls seen."""

    gateway: httpx.AsyncClient
    projects: httpx.AsyncClient
    projects_app: FastAPI
    funds_app: FastAPI
    seen: list[tuple[str, str, str]] = field(default_factory=list)


@pytest.fixture
async def system(databases: DatabaseFactory, migrated: str) -> AsyncIterator[InProcess]:
    """Gateway → projects, funds, employment and collaboration, all in process on fresh databases."""
    from gateway.app import create_app as create_gateway
    from services.collaboration.app import create_app as create_collaboration
    from services.collaboration.config import Settings as CollaborationSettings
    from services.employment.app import create_app as create_employment
    from services.employment.config import Settings as EmploymentSettings
    from services.funds.app import create_app as create_funds
    from services.funds.config import Settings as FundsSettings
    from services.projects.app import create_app as create_projects
    from services.projects.config import Settings as ProjectsSettings

    urls = [await databases.create(service, migrated) for service in ("projects", "funds", "employment",
                                                                        "collaboration")]
    projects_app = create_projects(ProjectsSettings(database_url=urls[0], work_sweep_seconds=0))
    funds_app = create_funds(FundsSettings(database_url=urls[1], feed_poll_seconds=0, work_sweep_seconds=0),
                             projects_transport=httpx.ASGITransport(app=projects_app))
    employment_app = create_employment(EmploymentSettings(database_url=urls[2], work_sweep_seconds=0),
                                       projects_transport=httpx.ASGITransport(app=projects_app))
    nowhere = "http://127.0.0.1:9"  # the collaboration service reads nothing here: its queue is its own tasks
    collaboration_app = create_collaboration(CollaborationSettings(
        database_url=urls[3], feed_poll_seconds=0, work_sweep_seconds=0, projects_url=nowhere, funds_url=nowhere,
        employment_url=nowhere, upstream_timeout=1.0))
    seen: list[tuple[str, str, str]] = []
    async with (serve_in_process(projects_app) as projects, funds_app.router.lifespan_context(funds_app),
                employment_app.router.lifespan_context(employment_app),
                collaboration_app.router.lifespan_context(collaboration_app)):
        transports = {name: Recording(name, app, seen) for name, app in (
            ("projects", projects_app), ("funds", funds_app), ("employment", employment_app),
            ("collaboration", collaboration_app))}
        async with serve_in_process(create_gateway(transports=transports)) as gateway:
            yield InProcess(gateway, projects, projects_app, funds_app, seen)
    for url in urls:
        await databases.drop(url)
