"""The funds service's client of the projects service, with a token it mints for itself (inspector: read-only)."""
from datetime import timedelta
from typing import Any

import httpx

from services.kit.auth import Role, ServiceToken
from services.kit.clock import Clock
from services.kit.errors import DomainError


def unavailable() -> DomainError:
    """503 when the projects service cannot answer a check that must be live (fundability, budget)."""
    return DomainError(503, "funds.projects_unavailable", "项目库服务暂时无法访问，无法核对项目状态和预算，请稍后重试")


class ProjectsService:
    """Reads projects and their event feed over HTTP; `transport` lets tests call an in-process app."""

    def __init__(self, base_url: str, secret: str, timeout: float,
                 transport: httpx.AsyncBaseTransport | None = None, token_ttl: timedelta = timedelta(minutes=5),
                 token_clock: Clock | None = None) -> None:
        # Short-lived and renewed on the way out: the feed keeps working however long the service runs.
        self.token = ServiceToken(secret, "funds-service", Role.INSPECTOR, token_ttl, token_clock)
        self.http = httpx.AsyncClient(base_url=base_url, timeout=timeout, transport=transport, auth=self.token)

    async def project(self, project_id: int) -> dict[str, Any] | None:
        """One project with its status and budget lines, or None when it does not exist."""
        try:
            response = await self.http.get(f"/projects/{project_id}")
        except httpx.HTTPError:
            raise unavailable() from None
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise unavailable()
        project: dict[str, Any] = response.json()
        return project

    async def events(self, after: int, limit: int) -> dict[str, Any]:
        """One page of the projects event feed after the cursor; raises httpx errors to the poller."""
        response = await self.http.get("/events", params={"after": after, "limit": limit})
        response.raise_for_status()
        page: dict[str, Any] = response.json()
        return page

    async def close(self) -> None:
        """Release the connection pool."""
        await self.http.aclose()
