"""What every funds endpoint needs: the session, the caller, the clock, the settings, the projects service."""
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from services.funds.config import Settings
from services.funds.projection.client import ProjectsService
from services.kit.auth import READ_ROLES, Principal, Role, allow, out_of_scope
from services.kit.clock import Clock
from services.kit.db import Session


@dataclass(frozen=True)
class Ctx:
    """One request's unit of work."""

    session: AsyncSession
    principal: Principal
    clock: Clock
    settings: Settings
    projects: ProjectsService

    def check_county(self, county: str) -> None:
        """403 when the caller acts outside its county (财政局只能处理本县区资金)."""
        if not self.principal.sees_county(county):
            raise out_of_scope("只能处理本县区的资金")


def _make(role_check):
    def _ctx(request: Request, session: Session, principal: Annotated[Principal, Depends(role_check)]) -> Ctx:
        state = request.app.state
        return Ctx(session, principal, state.clock, state.settings, state.projects)

    return _ctx


# Any signed-in reader, rows filtered to its county.
Reader = Annotated[Ctx, Depends(_make(allow(*READ_ROLES)))]
# Only finance (and admin) move money (财政部门).
Finance = Annotated[Ctx, Depends(_make(allow(Role.FINANCE)))]
# Finance and inspectors open rectification cases for their findings (督查、审计发现的问题).
CaseOpener = Annotated[Ctx, Depends(_make(allow(Role.FINANCE, Role.INSPECTOR)))]
