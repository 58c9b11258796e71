"""The clear-out lists (清理出库): candidates with the rules they break, and how many each county has."""
from contracts.projects import BrokenRule, Candidate, CountyCount
from services.kit.pagination import Page, decode_cursor, page_of
from services.projects.clearout import sweep
from services.projects.clearout.repository import CandidateRepository
from services.projects.deps import Ctx
from services.projects.library.models import Project
from services.projects.library.schemas import project_read


def _cutoffs(ctx: Ctx) -> sweep.Cutoffs:
    return sweep.Cutoffs.at(ctx.clock.today(), ctx.settings.stall_months)


async def list_candidates(ctx: Ctx, county: str | None, after: str | None, limit: int) -> Page[Candidate]:
    """Candidates in the caller's scope, newest first, keyset-paginated, each with the rules it breaks."""
    cutoffs = _cutoffs(ctx)
    rows = await CandidateRepository(ctx.session).candidates(ctx.principal, cutoffs, county, decode_cursor(after),
                                                             limit)

    def candidate(p: Project) -> Candidate:
        rules = sweep.rules_broken(p, cutoffs)
        return Candidate(project=project_read(p),
                         rules=[BrokenRule(rule=r, message=sweep.RULE_MESSAGES[r]) for r in rules])

    return page_of(rows, limit, candidate)


async def summary(ctx: Ctx) -> list[CountyCount]:
    """How many candidates each county in the caller's scope has."""
    rows = await CandidateRepository(ctx.session).count_by_county(ctx.principal, _cutoffs(ctx))
    return [CountyCount(county_code=c, candidates=n) for c, n in rows]
