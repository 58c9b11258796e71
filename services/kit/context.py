"""One request context for every service: who calls, the transaction, the clock, the settings, the app's clients.

Endpoints declare the roles they admit by the context they take: `Reader = context(*READ_ROLES)`,
`Finance = context(Role.FINANCE)`. Services receive the context and pass `ctx.session` to repositories; they
never see FastAPI.
"""
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import State

from services.kit.auth import Principal, Role, allow, out_of_scope
from services.kit.clock import Clock
from services.kit.db import ReadSession, Session
from services.kit.settings import ServiceSettings

S = TypeVar("S", bound=ServiceSettings)


@dataclass(frozen=True)
class RequestContext(Generic[S]):
    """One request's unit of work: its session (one transaction), caller, clock, settings and app state."""

    session: AsyncSession
    principal: Principal
    clock: Clock
    settings: S
    state: State  # what the app set up in its lifespan, e.g. a client of another service

    def check_county(self, county: str, detail: str = "只能处理本县区的记录") -> None:
        """403 auth.out_of_scope when the caller acts outside its county."""
        if not self.principal.sees_county(county):
            raise out_of_scope(detail)


def context_dependency(*roles: Role, read_only: bool = False) -> Callable[..., Awaitable[RequestContext[Any]]]:
    """The dependency behind `context(...)`, for kit modules that spell their parameter types out (strict typing)."""
    check = allow(*roles)
    session_type = ReadSession if read_only else Session

    async def _context(request: Request, session: session_type,  # type: ignore[valid-type]
                       principal: Annotated[Principal, Depends(check)]) -> RequestContext[Any]:
        state = request.app.state
        return RequestContext(session, principal, state.clock, state.settings, state)

    return _context


def context(*roles: Role, read_only: bool = False) -> Any:
    """An endpoint parameter type: the request context of a caller in one of `roles` (admin always), 403 otherwise.

    `read_only=True` gives an autocommit session for endpoints that read with one statement (no BEGIN/COMMIT).
    """
    return Annotated[RequestContext[Any], Depends(context_dependency(*roles, read_only=read_only))]
