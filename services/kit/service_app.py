"""Assemble a service: engine and sessions in the lifespan, errors, auth, metrics, health, events."""
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager, nullcontext

from fastapi import APIRouter, FastAPI
from prometheus_client import CollectorRegistry

from services.kit.clock import Clock
from services.kit.db import make_engine, make_sessionmaker
from services.kit.errors import install_error_handlers
from services.kit.health import health_router
from services.kit.leader import Job, JobMetrics, running
from services.kit.metrics import DomainGauges, Metrics, MetricsMiddleware, metrics_router
from services.kit.outbox import events_router
from services.kit.settings import ServiceSettings

Background = Callable[[FastAPI], AbstractAsyncContextManager[None]]
GaugeFactory = Callable[[CollectorRegistry], DomainGauges]


def build_service(name: str, title: str, settings: ServiceSettings, routers: Sequence[APIRouter],
                  domain_gauges: GaugeFactory | None = None, background: Background | None = None,
                  description: str = "", jobs: Sequence[Job] = ()) -> FastAPI:
    """A FastAPI app wired with every kit piece; `background` runs alongside while the app lives, and each of
    `jobs` runs on one replica only (under its lease), after `background` has set up what they need."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(settings.database_url, settings.db_pool_size, settings.sql_echo)
        app.state.engine = engine
        app.state.sessionmaker = make_sessionmaker(engine)
        app.state.read_sessionmaker = make_sessionmaker(engine.execution_options(isolation_level="AUTOCOMMIT"))
        try:
            async with background(app) if background else nullcontext(), \
                    running(app, engine, jobs, settings.lease_seconds, job_metrics):
                yield
        finally:
            await engine.dispose()

    app = FastAPI(title=title, description=description, version="0.1.0", lifespan=lifespan)
    app.state.settings = settings
    app.state.clock = Clock(settings.clock_offset_file)
    app.state.metrics = Metrics(name)
    app.add_middleware(MetricsMiddleware, metrics=app.state.metrics)
    install_error_handlers(app)
    job_metrics = JobMetrics(app.state.metrics.registry)
    refresh = domain_gauges(app.state.metrics.registry) if domain_gauges else None
    for router in (health_router, metrics_router(refresh), events_router, *routers):
        app.include_router(router)
    return app
