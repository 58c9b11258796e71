"""REST endpoints of the clear-out sweep (清理出库)."""
from typing import Annotated

from fastapi import APIRouter, Query

from contracts.projects import BrokenRule, Candidate, CountyCount
from services.kit.pagination import MAX_PAGE, Page, decode_cursor, page_of
from services.projects.clearout import sweep
from services.projects.deps import Actor
from services.projects.library.schemas import project_read

router = APIRouter(prefix="/clearout", tags=["clear-out"])


@router.get("/candidates", response_model=Page[Candidate],
            summary="Entries that break an eligibility rule or are stalled, each with the rule")
async def list_candidates(ctx: Actor, county: str | None = None, after: str | None = None,
                          limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> Page[Candidate]:
    cutoffs = sweep.Cutoffs.at(ctx.clock.today(), ctx.settings.stall_months)
    rows = await sweep.candidates(ctx.session, ctx.principal, cutoffs, county, decode_cursor(after), limit)
    return page_of(rows, limit, lambda p: Candidate(
        project=project_read(p),
        rules=[BrokenRule(rule=r, message=sweep.RULE_MESSAGES[r]) for r in sweep.rules_broken(p, cutoffs)]))


@router.get("/summary", response_model=list[CountyCount], summary="Candidates per county")
async def summary(ctx: Actor) -> list[CountyCount]:
    cutoffs = sweep.Cutoffs.at(ctx.clock.today(), ctx.settings.stall_months)
    rows = await sweep.count_by_county(ctx.session, ctx.principal, cutoffs)
    return [CountyCount(county_code=c, candidates=n) for c, n in rows]
