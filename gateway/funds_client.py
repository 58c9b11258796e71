"""The gateway's typed client of the funds service."""
from collections.abc import Mapping
from typing import Any

from gateway.upstream import PathValue, ServiceClient


class FundsClient:
    """Calls the funds service REST API on behalf of one caller."""

    def __init__(self, client: ServiceClient, authorization: str | None) -> None:
        self.client = client
        self.authorization = authorization

    async def funding(self, project_ids: list[int]) -> list[dict[str, Any]]:
        """Batch read: funding of each project, in the order asked."""
        return await self.client.request("GET", "/funding", self.authorization,
                                         params={"ids": ",".join(map(str, project_ids))})

    async def get(self, route: str, params: dict[str, Any] | None = None,
                  path_params: Mapping[str, PathValue] | None = None) -> Any:
        """Any read; `route` is the template (also the metric label) that `path_params` fill."""
        clean = {k: v for k, v in (params or {}).items() if v is not None}
        return await self.client.request("GET", route, self.authorization, path_params=path_params, params=clean)

    async def post(self, route: str, json: Any, path_params: Mapping[str, PathValue] | None = None,
                   idempotency_key: str | None = None, if_match: int | None = None) -> Any:
        """Any action; money-moving ones carry the caller's Idempotency-Key, case steps the version read."""
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else None
        return await self.client.request("POST", route, self.authorization, path_params=path_params, json=json,
                                         headers=headers, if_match=if_match)

    async def put(self, route: str, json: Any, path_params: Mapping[str, PathValue] | None = None) -> Any:
        """A replacing write."""
        return await self.client.request("PUT", route, self.authorization, path_params=path_params, json=json)
