"""The funds service's own token for the projects service: renewed, so the feed never stops after uptime."""
from datetime import timedelta

import httpx

from services.funds.projection.client import ProjectsService
from services.kit.clock import Clock
from tests.projects.life import Life


class Recording(httpx.AsyncBaseTransport):
    """The real projects app in process, noting the Authorization header of every call."""

    def __init__(self, app) -> None:
        self.inner, self.sent = httpx.ASGITransport(app=app), []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request.headers["authorization"])
        return await self.inner.handle_async_request(request)


async def test_the_token_is_renewed_once_the_clock_passes_its_lifetime(projects, projects_app):
    life = Life(projects, projects_app)
    await life.submit()
    clock, transport = Clock(), Recording(projects_app)
    clock.shift = -timedelta(minutes=10)  # the service started ten minutes ago with a five-minute token
    service = ProjectsService("http://projects", projects_app.state.settings.jwt_secret, 5.0, transport,
                              timedelta(minutes=5), clock)
    stale = service.token.current()
    refused = await projects.get(f"/projects/{life.id}", headers={"Authorization": f"Bearer {stale}"})
    assert refused.status_code == 401  # the real projects service no longer takes it
    clock.shift = timedelta(0)  # now: past the token's lifetime
    try:
        assert (await service.project(life.id))["id"] == life.id
        assert (await service.events(0, 10))["events"]
        fresh = transport.sent[0]
        assert fresh != f"Bearer {stale}" and transport.sent == [fresh, fresh]  # renewed once, then reused
    finally:
        await service.close()
