"""Assemble a service: engine and sessions in the lifespan, errors, auth, metrics, health, events."""
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager, nullcontext

from fastapi import APIRouter, FastAPI
from prometheus_client import CollectorRegistry

from contracts.enums import FeedName
from services.kit.body_limit import FORMS, BodyLimit
from services.kit.clean_params import CleanParamsMiddleware
from services.kit.clock import Clock
from services.kit.contract import Tags, api_routes, document, path_params, unique_id
from services.kit.db import make_engine, make_sessionmaker
from services.kit.docs import install_docs
from services.kit.errors import ProblemMiddleware, install_error_handlers
from services.kit.headers import SecurityHeaders
from services.kit.health import health_router
from services.kit.leader import Job, JobMetrics, running
from services.kit.lean import LeanReads, LeanRoute, lean_pool, uses_lean_reads
from services.kit.metrics import DomainGauges, Metrics, MetricsMiddleware, metrics_router
from services.kit.outbox import events_router
from services.kit.settings import ServiceSettings, refuse_unsafe_start

Background = Callable[[FastAPI], AbstractAsyncContextManager[None]]
GaugeFactory = Callable[[CollectorRegistry], DomainGauges]
# Path parameter → (404 code, Chinese noun) of the resource it names; a malformed one answers that 404.
NotFoundCodes = Mapping[str, tuple[str, str]]


def build_service(name: str, title: str, settings: ServiceSettings, routers: Sequence[APIRouter],
                  domain_gauges: GaugeFactory | None = None, background: Background | None = None,
                  description: str = "", not_found: NotFoundCodes | None = None, jobs: Sequence[Job] = (),
                  tags: Tags | None = None, lean_routes: Sequence[LeanRoute] = ()) -> FastAPI:
    """A FastAPI app wired with every kit piece (its event feed is `name`'s); `background` runs alongside while the
    app lives, and each of `jobs` runs on one replica only (under its lease), after `background` has set up what
    they need. `tags` describes each tag the routers use (English name → the Chinese term and what it covers).
    `lean_routes` answer their GETs on PostgreSQL without FastAPI (kit/lean.py); on SQLite they are left out."""
    refuse_unsafe_start(settings, name)
    lean = tuple(lean_routes) if uses_lean_reads(settings.database_url) else ()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(settings.database_url, settings.db_pool_size, settings.sql_echo)
        app.state.engine = engine
        app.state.sessionmaker = make_sessionmaker(engine)
        app.state.read_sessionmaker = make_sessionmaker(engine.execution_options(isolation_level="AUTOCOMMIT"))
        try:
            async with lean_pool(settings.database_url, settings.db_pool_size) if lean else nullcontext() as pool, \
                    background(app) if background else nullcontext(), \
                    running(app, engine, jobs, settings.lease_seconds, job_metrics):
                app.state.lean_pool = pool
                yield
        finally:
            await engine.dispose()

    app = FastAPI(title=title, description=description, version="0.1.0", lifespan=lifespan,
                  generate_unique_id_function=unique_id)
    app.state.settings = settings
    app.state.clock = Clock(settings.clock_offset_file)
    app.state.metrics = Metrics(name)
    if lean:  # added first: innermost, so every middleware below still applies to its answers
        app.add_middleware(LeanReads, routes=lean)
    app.add_middleware(CleanParamsMiddleware)
    app.add_middleware(BodyLimit, max_bytes=settings.upload_max_bytes, content_types=FORMS)
    app.add_middleware(ProblemMiddleware)
    app.add_middleware(MetricsMiddleware, metrics=app.state.metrics)
    app.add_middleware(SecurityHeaders)  # added last: outermost, on every answer
    install_error_handlers(app)
    install_docs(app)
    job_metrics = JobMetrics(app.state.metrics.registry)
    refresh = domain_gauges(app.state.metrics.registry) if domain_gauges else None
    for router in (health_router, metrics_router(refresh), events_router(FeedName(name)), *routers):
        app.include_router(router)
    app.state.not_found = _checked(app, not_found or {})
    document(app, tags or {})
    return app


def _checked(app: FastAPI, codes: NotFoundCodes) -> NotFoundCodes:
    """Every path parameter of every documented route names its resource's 404 (hidden routes answer http.not_found)."""
    missing = {f"{name} ({r.path_format})" for r in api_routes(app) for name in path_params(r) if name not in codes}
    if missing:
        raise RuntimeError(f"path parameters without a not-found code: {', '.join(sorted(missing))}")
    return codes
