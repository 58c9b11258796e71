"""The gateway's typed client of the employment service."""
from collections.abc import Mapping
from typing import Any

from gateway.upstream import PathValue, ServiceClient


class EmploymentClient:
    """Calls the employment service REST API on behalf of one caller."""

    def __init__(self, client: ServiceClient, authorization: str | None) -> None:
        self.client = client
        self.authorization = authorization

    async def get_many(self, route: str, ids: list[int]) -> list[dict[str, Any]]:
        """Batch read of /labourers or /employers: the visible rows among ids."""
        data = await self.client.request("GET", route, self.authorization, params={"ids": ",".join(map(str, ids))})
        return data["items"]

    async def get(self, route: str, **params: Any) -> Any:
        """A read of a route without path parameters; None-valued params are left out."""
        return await self.client.request("GET", route, self.authorization,
                                         params={k: v for k, v in params.items() if v is not None})

    async def post(self, route: str, body: Any, path_params: Mapping[str, PathValue] | None = None) -> Any:
        """A write; `path_params` fill the route template's placeholders."""
        return await self.client.request("POST", route, self.authorization, path_params=path_params, json=body)
