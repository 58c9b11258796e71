"""Typed HTTP access to the services: one pooled client each, the caller's token forwarded, errors mapped."""
from typing import Any

import httpx
from graphql import GraphQLError
from prometheus_client import CollectorRegistry, Counter


class UpstreamProblem(GraphQLError):
    """A service refused the request; carries its problem document's stable code."""

    def __init__(self, service: str, status: int, problem: dict[str, Any]) -> None:
        self.status = status
        self.problem = problem
        self.code = problem.get("code") or f"upstream.http_{status}"
        super().__init__(problem.get("detail") or f"{service} 服务返回 {status}", extensions={
            "code": self.code, "status": status, "service": service,
            "fields": problem.get("fields", []),
        })


class UpstreamUnavailable(GraphQLError):
    """A service could not be reached in time."""

    def __init__(self, service: str, reason: str) -> None:
        super().__init__(f"{service} 服务暂时无法访问，请稍后重试", extensions={
            "code": "upstream.unavailable", "service": service, "reason": reason})


class UpstreamCalls:
    """Counts the gateway's calls to each service by route template (gateway_upstream_requests_total)."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.counter = Counter("gateway_upstream_requests_total", "Calls from the gateway to the services",
                               ["service", "method", "route"], registry=registry)


class ServiceClient:
    """One service's shared connection pool; each call carries the caller's Authorization header."""

    def __init__(self, service: str, base_url: str, timeout: httpx.Timeout, limits: httpx.Limits,
                 calls: UpstreamCalls, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.service = service
        self.http = httpx.AsyncClient(base_url=base_url, timeout=timeout, limits=limits, transport=transport)
        self.calls = calls

    async def request(self, method: str, route: str, authorization: str | None, *,
                      path: str | None = None, if_match: int | None = None,
                      headers: dict[str, str] | None = None, **kwargs: Any) -> Any:
        """Call route (a template such as /projects/{id}, used as metric label) at path; JSON or an error.

        `headers` adds request headers, such as the Idempotency-Key of a money-moving call.
        """
        self.calls.counter.labels(self.service, method, route).inc()
        headers = dict(headers or {})
        if authorization:
            headers["Authorization"] = authorization
        if if_match is not None:
            headers["If-Match"] = f'"{if_match}"'
        try:
            response = await self.http.request(method, path or route, headers=headers, **kwargs)
        except httpx.TimeoutException:
            raise UpstreamUnavailable(self.service, "timeout") from None
        except httpx.TransportError as exc:
            raise UpstreamUnavailable(self.service, type(exc).__name__) from None
        if response.status_code >= 400:
            try:
                problem = response.json()
            except ValueError:
                problem = {}
            raise UpstreamProblem(self.service, response.status_code, problem if isinstance(problem, dict) else {})
        return response.json()

    async def close(self) -> None:
        """Release the pool."""
        await self.http.aclose()
