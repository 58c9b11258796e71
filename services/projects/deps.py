"""What every projects endpoint that changes something needs: the session, the caller, the clock, the rules."""
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.auth import READ_ROLES, Principal, allow
from services.kit.clock import Clock
from services.kit.db import Session
from services.projects.config import Settings


@dataclass(frozen=True)
class Ctx:
    """One request's unit of work."""

    session: AsyncSession
    principal: Principal
    clock: Clock
    settings: Settings


async def _ctx(request: Request, session: Session, principal: Annotated[Principal, Depends(allow(*READ_ROLES))]) -> Ctx:
    return Ctx(session, principal, request.app.state.clock, request.app.state.settings)


# Any signed-in caller; the transition table decides which role may take which action.
Actor = Annotated[Ctx, Depends(_ctx)]
