"""Lean reads (精简读取路径): the hottest GETs answered on PostgreSQL on asyncpg connections of their own.

Why not a FastAPI route: a single read through FastAPI costs its routing, dependency solving, the request session
(SQLAlchemy's greenlet bridge, a pre-ping round trip before the query, the isolation level set and reset) and
Pydantic: about fifteen times a hello world's CPU per request, measured (issue 12). Here the database builds the
finished JSON text in one prepared statement on a connection of its own (lean_pool.py), and this pure ASGI
middleware sends it.

It sits innermost among the kit's middlewares (service_app.py), so every cross-cutting behaviour still applies
unchanged around it: security headers, request metrics (labelled with the FastAPI route's template), the request
id and the 503/422/500 problems of ProblemMiddleware, and the clean-parameter and body checks. What a FastAPI
route gets from its dependencies it does itself with the same kit functions: the bearer token (401) and the
admitted roles (403); the route's own code answers its 404s. A request the route does not recognise exactly
(any other parameter, a malformed id) falls through to the FastAPI route, which answers it as before.

SQLite (the embedded default) has no such pool: there the middleware is not installed and FastAPI answers all.
"""
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import make_url
from starlette.types import ASGIApp, Receive, Scope, Send

from services.kit.auth import Principal, Role, admitted_roles, check_role, principal_of
from services.kit.errors import DomainError, problem_response
from services.kit.lean_pool import LeanConnections

Headers = list[tuple[bytes, bytes]]
# What a route reads from the request (a path id, a list of ids), or None when the request is not exactly its own.
Parse = Callable[[Scope], Any]
# The answer to a parsed request: JSON body and extra headers; raises DomainError for its problems (404).
Answer = Callable[[LeanConnections, Principal, Any], Awaitable[tuple[bytes, Headers]]]
_JSON = (b"content-type", b"application/json")


@dataclass(frozen=True)
class LeanRoute:
    """One GET the lean path answers: `path` is the FastAPI route's template it stands in for (the metrics label)."""

    path: str
    parse: Parse
    answer: Answer
    roles: Sequence[Role]
    admitted: frozenset[Role] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "admitted", admitted_roles(*self.roles))


def uses_lean_reads(database_url: str) -> bool:
    """Whether a database gets the lean path: PostgreSQL through asyncpg, not SQLite."""
    return database_url.startswith("postgresql+asyncpg://")


@asynccontextmanager
async def lean_pool(database_url: str, size: int) -> AsyncIterator[LeanConnections]:
    """Connections to the service's own database (the same URL as its engine), closed on exit; opened on first use,
    so the service starts while the database is down, like its engine."""
    dsn = make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)
    # Lean statements look rows up by primary key: the generic plan is always right, and planning again on every
    # execution (what PostgreSQL may choose for a statement whose parameters can be null) costs more than running.
    pool = LeanConnections(dsn, size, {"plan_cache_mode": "force_generic_plan", "jit": "off"})
    try:
        yield pool
    finally:
        await pool.close()


class LeanReads:
    """Pure ASGI middleware answering its routes' GETs from `app.state.lean_pool`; everything else passes on."""

    def __init__(self, app: ASGIApp, routes: Sequence[LeanRoute]) -> None:
        self.app = app
        self.routes = tuple(routes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            for route in self.routes:
                parsed = route.parse(scope)
                if parsed is not None:
                    scope["route"] = route  # what MetricsMiddleware labels the request with: route.path
                    await self._answer(route, parsed, scope, receive, send)
                    return
        await self.app(scope, receive, send)

    async def _answer(self, route: LeanRoute, parsed: Any, scope: Scope, receive: Receive, send: Send) -> None:
        state = scope["app"].state
        authorization = next((v for k, v in scope["headers"] if k == b"authorization"), b"").decode("latin-1")
        try:
            principal = check_role(principal_of(authorization, state.settings.jwt_secret), route.admitted)
            body, headers = await route.answer(state.lean_pool, principal, parsed)
        except DomainError as error:
            await problem_response(error, scope["path"])(scope, receive, send)
            return
        await send({"type": "http.response.start", "status": 200,
                    "headers": [*headers, (b"content-length", str(len(body)).encode()), _JSON]})
        await send({"type": "http.response.body", "body": body})
