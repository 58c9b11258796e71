"""REST endpoints of the clear-out sweep (清理出库)."""
from typing import Annotated

from fastapi import APIRouter, Query

from contracts.projects import Candidate, CountyCount
from services.kit.pagination import MAX_PAGE, Page
from services.projects.clearout import service
from services.projects.deps import Actor

router = APIRouter(prefix="/clearout", tags=["clear-out"])


@router.get("/candidates", response_model=Page[Candidate],
            summary="Entries that break an eligibility rule or are stalled, each with the rule")
async def list_candidates(ctx: Actor, county: str | None = None, after: str | None = None,
                          limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> Page[Candidate]:
    """Candidates in the caller's scope, newest first, each with the rules it breaks."""
    return await service.list_candidates(ctx, county, after, limit)


@router.get("/summary", response_model=list[CountyCount], summary="Candidates per county")
async def summary(ctx: Actor) -> list[CountyCount]:
    """How many candidates each county in the caller's scope has."""
    return await service.summary(ctx)
