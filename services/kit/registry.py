"""Reading the village registry (村屯名录) of the projects service, asked before a request's transaction begins.

A service that records a village by its registry id asks the projects service once per request or import — by ids
(`GET /villages?ids=`) or a county's whole list — before its first SQL, so no database connection waits on the
network. A failure is kept, not raised: the service function raises it when it needs the answer.
"""
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
from fastapi import FastAPI
from pydantic import TypeAdapter, ValidationError

from contracts.page import Page
from contracts.places import VillageRead
from services.kit.auth import Role, ServiceToken
from services.kit.errors import DomainError
from services.kit.pagination import MAX_PAGE

_PAGE = TypeAdapter(Page[VillageRead])


@dataclass(frozen=True)
class RegistryAnswer:
    """What the registry answered: villages by id, or the failure to raise when the answer is needed."""

    villages: dict[int, VillageRead] = field(default_factory=dict)
    failure: DomainError | None = None

    def answer(self) -> dict[int, VillageRead]:
        """The villages by id; raises the 503 problem when the projects service could not answer."""
        if self.failure is not None:
            raise self.failure
        return self.villages


class VillageRegistry:
    """Reads the projects service's registry over a client carrying the calling service's own token; a failure
    to answer becomes the caller's `unavailable()` problem."""

    def __init__(self, http: httpx.AsyncClient, unavailable: Callable[[], DomainError]) -> None:
        self.http, self.unavailable = http, unavailable

    @classmethod
    def connect(cls, base_url: str, secret: str, caller: str, timeout: float, ttl: timedelta,
                unavailable: Callable[[], DomainError], transport: httpx.AsyncBaseTransport | None = None
                ) -> "VillageRegistry":
        """A registry over a client of its own, with a short-lived read-only token (inspector) named `caller`."""
        return cls(httpx.AsyncClient(base_url=base_url, timeout=timeout, transport=transport,
                                     auth=ServiceToken(secret, caller, Role.INSPECTOR, ttl)), unavailable)

    async def _page(self, params: dict[str, str | int]) -> Page[VillageRead]:
        response = await self.http.get("/villages", params=params)
        response.raise_for_status()
        return _PAGE.validate_python(response.json())

    async def by_ids(self, ids: Iterable[int]) -> RegistryAnswer:
        """The villages among `ids` (one batch call; none asked, no call)."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return RegistryAnswer()
        try:
            page = await self._page({"ids": ",".join(map(str, wanted))})
        except (httpx.HTTPError, ValidationError, ValueError):
            return RegistryAnswer(failure=self.unavailable())
        return RegistryAnswer({v.id: v for v in page.items})

    async def of_counties(self, counties: Iterable[str]) -> RegistryAnswer:
        """Every village of these counties, page by page (for matching names of an import)."""
        found: dict[int, VillageRead] = {}
        try:
            for county in sorted(set(counties)):
                cursor: str | None = None
                while True:
                    params: dict[str, str | int] = {"county": county, "limit": MAX_PAGE}
                    page = await self._page(params | ({"after": cursor} if cursor else {}))
                    found |= {v.id: v for v in page.items}
                    if not (cursor := page.next_cursor):
                        break
        except (httpx.HTTPError, ValidationError, ValueError):
            return RegistryAnswer(failure=self.unavailable())
        return RegistryAnswer(found)

    async def close(self) -> None:
        """Release the connection pool."""
        await self.http.aclose()


def registry_background(caller: str, unavailable: Callable[[], DomainError],
                        transport: httpx.AsyncBaseTransport | None = None) -> Callable[[FastAPI], Any]:
    """An app background putting a VillageRegistry on app.state.registry while the app lives (settings name
    `projects_url` and `upstream_timeout`)."""

    @asynccontextmanager
    async def background(app: FastAPI) -> AsyncIterator[None]:
        settings = app.state.settings
        app.state.registry = VillageRegistry.connect(settings.projects_url, settings.jwt_secret, caller,
                                             settings.upstream_timeout, settings.service_token_ttl, unavailable,
                                             transport)
        try:
            yield
        finally:
            await app.state.registry.close()

    return background
