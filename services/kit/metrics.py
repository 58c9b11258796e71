"""Prometheus metrics: request count and latency by route template, plus each service's domain gauges."""
import time
from collections.abc import Awaitable, Callable

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from sqlalchemy.ext.asyncio import AsyncSession

DomainGauges = Callable[[AsyncSession], Awaitable[None]]


class Metrics:
    """One registry per app, so several apps in one process (tests) never collide."""

    def __init__(self, service: str) -> None:
        self.service = service
        self.registry = CollectorRegistry()
        self.requests = Counter("http_requests_total", "HTTP requests by route template",
                                ["service", "method", "route", "status"], registry=self.registry)
        self.latency = Histogram("http_request_duration_seconds", "HTTP latency by route template",
                                 ["service", "method", "route"], registry=self.registry,
                                 buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5))


class MetricsMiddleware:
    """Pure ASGI middleware (cheaper than BaseHTTPMiddleware); labels by route template, never raw paths."""

    def __init__(self, app, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = {"code": 500}

        async def _send(message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, _send)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            method = scope["method"]
            self.metrics.requests.labels(self.metrics.service, method, template, str(status["code"])).inc()
            self.metrics.latency.labels(self.metrics.service, method, template).observe(time.perf_counter() - start)


def metrics_router(domain_gauges: DomainGauges | None) -> APIRouter:
    """GET /metrics, refreshing the domain gauges from the database on each scrape."""
    router = APIRouter(tags=["ops"])

    @router.get("/metrics", include_in_schema=False)
    async def metrics(request: Request) -> Response:
        if domain_gauges is not None:
            async with request.app.state.sessionmaker() as session:
                await domain_gauges(session)
        return Response(generate_latest(request.app.state.metrics.registry), media_type=CONTENT_TYPE_LATEST)

    return router
