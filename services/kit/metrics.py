"""Prometheus metrics: request count and latency by route template, plus each service's domain gauges.

Under several uvicorn workers (devtools/serve.py sets PROMETHEUS_MULTIPROC_DIR) a scrape reaches one worker, so
counters, histograms and live gauges are read from every worker's files and added up, while the domain gauges
come from the worker answering: it has just refreshed them from the database, which all workers share.
"""
import glob
import os
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.metrics_core import Metric
from prometheus_client.multiprocess import MultiProcessCollector
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.types import ASGIApp, Message, Receive, Scope, Send

DomainGauges = Callable[[AsyncSession], Awaitable[None]]


def combined_gauges(*factories: Callable[[CollectorRegistry], DomainGauges]
                    ) -> Callable[[CollectorRegistry], DomainGauges]:
    """One gauge factory refreshing several on every scrape: a service's own gauges and its work-queue gauges."""

    def factory(registry: CollectorRegistry) -> DomainGauges:
        refreshes = [make(registry) for make in factories]

        async def refresh(session: AsyncSession) -> None:
            for one in refreshes:
                await one(session)

        return refresh

    return factory


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
        folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
        self.exposed = WorkersCollector(self.registry, folder) if folder else self.registry
        self._children: dict[tuple[str, str, str], tuple[Any, Any]] = {}

    def observe(self, method: str, route: str, status: str, seconds: float) -> None:
        """Count one request and its latency; each label set's samples are looked up once (labels() takes a lock)."""
        children = self._children.get((method, route, status))
        if children is None:
            children = (self.requests.labels(self.service, method, route, status),
                        self.latency.labels(self.service, method, route))
            self._children[(method, route, status)] = children
        children[0].inc()
        children[1].observe(seconds)


def _alive(path: str) -> bool:
    """Whether the worker that wrote a live gauge's file (…_<pid>.db) still runs."""
    try:
        os.kill(int(path.rsplit("_", 1)[1].removesuffix(".db")), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


class WorkersCollector:
    """What one scrape shows when several workers serve the process: every worker's counts, this one's gauges."""

    def __init__(self, registry: CollectorRegistry, folder: str) -> None:
        self.registry, self.folder = registry, folder

    def collect(self) -> Iterator[Metric]:
        """Counters, histograms and live gauges summed over the workers; the other gauges of this worker."""
        files = [*glob.glob(os.path.join(self.folder, "counter_*.db")),
                 *glob.glob(os.path.join(self.folder, "histogram_*.db")),
                 *filter(_alive, glob.glob(os.path.join(self.folder, "gauge_live*.db")))]
        merged = list(MultiProcessCollector.merge(files, accumulate=True))  # type: ignore[no-untyped-call]
        yield from merged
        names = {m.name for m in merged}
        for metric in self.registry.collect():
            if metric.type not in ("counter", "histogram") and metric.name not in names:
                yield metric


class MetricsMiddleware:
    """Pure ASGI middleware (cheaper than BaseHTTPMiddleware); labels by route template, never raw paths."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = {"code": 500}

        async def _send(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, _send)
        finally:
            template = getattr(scope.get("route"), "path", None) or "unmatched"
            self.metrics.observe(scope["method"], template, str(status["code"]), time.perf_counter() - start)


def metrics_router(domain_gauges: DomainGauges | None) -> APIRouter:
    """GET /metrics, refreshing the domain gauges from the database on each scrape."""
    router = APIRouter(tags=["ops"])

    @router.get("/metrics", include_in_schema=False)
    async def metrics(request: Request) -> Response:
        if domain_gauges is not None:
            async with request.app.state.sessionmaker() as session:
                await domain_gauges(session)
        return Response(generate_latest(request.app.state.metrics.exposed), media_type=CONTENT_TYPE_LATEST)

    return router
