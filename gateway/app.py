"""The GraphQL gateway: one API over the projects, funds, employment and reporting services, and the dashboard."""
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI, Request

from gateway.config import Settings
from gateway.context import get_context
from gateway.dashboard import DASHBOARD_ASSETS, DASHBOARD_FILES
from gateway.dashboard import router as dashboard_router
from gateway.graphiql import GRAPHIQL_ASSETS, OWN_FILES, LocalGraphiQLRouter
from gateway.schema import build_schema
from gateway.upstream import ServiceClient, UpstreamCalls
from services.kit.body_limit import BodyLimit
from services.kit.docs import install_docs
from services.kit.errors import ProblemMiddleware, install_error_handlers
from services.kit.headers import SecurityHeaders
from services.kit.metrics import Metrics, MetricsMiddleware, metrics_router
from services.kit.settings import ProcessSettings, refuse_unsafe_start

SERVICES = ("projects", "funds", "employment", "collaboration", "reporting")


def create_app(settings: Settings | None = None,
               transports: dict[str, httpx.AsyncBaseTransport] | None = None) -> FastAPI:
    """The gateway app: /graphql (with GraphiQL), /dashboard, /healthz, /readyz, /metrics.

    `transports` lets in-process tests route a service's calls to its ASGI app instead of a socket.
    """
    refuse_unsafe_start(ProcessSettings(), "gateway")  # ENVIRONMENT and JWT_SECRET, as every process reads them
    transports = transports or {}
    settings = settings or Settings()
    metrics = Metrics("gateway")
    calls = UpstreamCalls(metrics.registry)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
        limits = httpx.Limits(max_connections=settings.max_connections,
                              max_keepalive_connections=settings.max_connections)
        app.state.upstreams = {name: ServiceClient(name, getattr(settings, f"{name}_url"), timeout, limits, calls,
                                                     transports.get(name))
                               for name in SERVICES}
        try:
            yield
        finally:
            for client in app.state.upstreams.values():
                await client.close()

    app = FastAPI(title="柳州扶贫 GraphQL 网关 · Gateway", version="0.1.0", lifespan=lifespan)
    app.state.settings = settings
    app.state.metrics = metrics
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(ProblemMiddleware)  # request ids; an unexpected error is a 500 problem, never a traceback
    app.add_middleware(MetricsMiddleware, metrics=metrics)  # counts the 413s and 500s too
    app.add_middleware(SecurityHeaders)  # added last: outermost, on every answer
    install_error_handlers(app)
    install_docs(app, GRAPHIQL_ASSETS | DASHBOARD_ASSETS, OWN_FILES | DASHBOARD_FILES)
    app.include_router(dashboard_router)
    # The path goes on the route itself, not as an include prefix: the metrics middleware labels by the
    # matched route's path, which (FastAPI >= 0.16x) no longer carries a prefix given at include time.
    app.include_router(LocalGraphiQLRouter(build_schema(settings), path="/graphql", context_getter=get_context))
    app.include_router(metrics_router(None))

    @app.get("/healthz", tags=["ops"])
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", tags=["ops"])
    async def readyz(request: Request) -> dict[str, object]:
        """Ready to serve; reports each service, since a down service only degrades answers."""
        states = {}
        for name, client in request.app.state.upstreams.items():
            try:
                states[name] = (await client.http.get("/readyz", timeout=1.0)).json().get("status", "unknown")
            except (httpx.HTTPError, ValueError):
                states[name] = "unavailable"
        return {"status": "ok", "services": states}

    return app
