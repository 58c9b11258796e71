"""The gateway's typed client of the projects service."""
from collections.abc import Mapping
from typing import Any

from gateway.upstream import PathValue, ServiceClient


class ProjectsClient:
    """Calls the projects service REST API on behalf of one caller."""

    def __init__(self, client: ServiceClient, authorization: str | None) -> None:
        self.client = client
        self.authorization = authorization

    async def get_many(self, ids: list[int]) -> list[dict[str, Any]]:
        """Batch read: the visible entries among ids."""
        data = await self.client.request("GET", "/projects", self.authorization,
                                         params={"ids": ",".join(map(str, ids))})
        return data["items"]

    async def page(self, filters: dict[str, Any], first: int, after: str | None) -> dict[str, Any]:
        """One keyset page of the library list."""
        params = {k: v for k, v in filters.items() if v is not None} | {"limit": first}
        if after:
            params["after"] = after
        return await self.client.request("GET", "/projects", self.authorization, params=params)

    async def submit(self, entry: dict[str, Any]) -> dict[str, Any]:
        """Submit a new entry."""
        return await self.client.request("POST", "/projects", self.authorization, json=entry)

    async def call(self, method: str, route: str, path_params: Mapping[str, PathValue] | None = None,
                   version: int | None = None, json: Any = None, params: dict[str, Any] | None = None) -> Any:
        """Any other projects endpoint: `path_params` fill the route template, `version` goes out as If-Match."""
        return await self.client.request(method, route, self.authorization, path_params=path_params, json=json,
                                         params=params, if_match=version)
