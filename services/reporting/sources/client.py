"""The reporting service's clients of the other services: one httpx client each, with a short-lived read-only
token it mints for itself (inspector: city-wide reads), and a count of every call made."""
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx

from services.kit.auth import Role, ServiceToken
from services.kit.errors import DomainError

NAMES = {"projects": "项目库", "funds": "资金", "employment": "就业", "collaboration": "粤桂协作"}


def unavailable(service: str) -> DomainError:
    """503 when a service the figures come from does not answer; nothing is stored."""
    return DomainError(503, "reporting.upstream_unavailable",
                       f"{NAMES.get(service, service)}服务暂时无法访问，无法生成通报数据，请稍后重试",
                       extra={"service": service})


@dataclass
class Calls:
    """How many upstream calls one build made (constant however large the data grows)."""

    count: int = 0

    def add(self) -> None:
        """Count one call."""
        self.count += 1


class Upstreams:
    """GET JSON from the other services; `transports` lets tests route each to an in-process app."""

    def __init__(self, urls: Mapping[str, str], secret: str, timeout: float, token_ttl: timedelta,
                 transports: Mapping[str, httpx.AsyncBaseTransport] | None = None) -> None:
        self.token = ServiceToken(secret, "reporting-service", Role.INSPECTOR, token_ttl)
        transports = transports or {}
        self.http = {name: httpx.AsyncClient(base_url=url, timeout=timeout, transport=transports.get(name),
                                             auth=self.token) for name, url in urls.items()}

    def reads(self, service: str) -> bool:
        """Whether this service is configured to be read."""
        return service in self.http

    async def get(self, service: str, path: str, params: Mapping[str, Any], calls: Calls) -> Any:
        """The JSON answer of one GET; 503 reporting.upstream_unavailable when the service does not answer 200."""
        calls.add()
        try:
            response = await self.http[service].get(path, params=dict(params))
        except httpx.HTTPError:
            raise unavailable(service) from None
        if response.status_code != 200:
            raise unavailable(service)
        return response.json()

    async def close(self) -> None:
        """Release the connection pools."""
        for client in self.http.values():
            await client.aclose()
