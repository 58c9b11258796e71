"""The gateway's typed client of the employment service."""
from typing import Any

from gateway.upstream import ServiceClient


class EmploymentClient:
    """Calls the employment service REST API on behalf of one caller."""

    def __init__(self, client: ServiceClient, authorization: str | None) -> None:
        self.client = client
        self.authorization = authorization

    async def get_many(self, route: str, ids: list[int]) -> list[dict[str, Any]]:
        """Batch read of /labourers or /employers: the visible rows among ids."""
        data = await self.client.request("GET", route, self.authorization, params={"ids": ",".join(map(str, ids))})
        return data["items"]

    async def get(self, route: str, path: str | None = None, **params: Any) -> Any:
        """A read; None-valued params are left out."""
        return await self.client.request("GET", route, self.authorization, path=path,
                                         params={k: v for k, v in params.items() if v is not None})

    async def post(self, route: str, body: Any, path: str | None = None) -> Any:
        """A write."""
        return await self.client.request("POST", route, self.authorization, path=path, json=body)
