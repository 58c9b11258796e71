"""All SQL of the clear-out sweep (清理出库): candidates in the caller's scope, and their count per county."""
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select

from contracts.projects import ProjectFilter
from services.kit.auth import Principal
from services.projects.clearout.sweep import CLEARABLE, NOT_STARTED, Cutoffs
from services.projects.library.models import Project
from services.projects.library.repository import ProjectRepository
from services.projects.terms import ProjectStatus as S


def _last_sign_of_life() -> ColumnElement[Any]:
    return func.coalesce(Project.last_progress_on, Project.started_on)


def candidate_condition(c: Cutoffs) -> ColumnElement[bool]:
    """SQL for 'breaks a rule or is stalled' (indexed by status; no per-row Python)."""
    return or_(
        and_(Project.status.in_(CLEARABLE), Project.breach_rules != ""),
        and_(Project.status.in_(NOT_STARTED), Project.planned_start_year <= c.last_stalled_start_year),
        and_(Project.status == S.STARTED, _last_sign_of_life() <= c.last_quiet_day),
    )


class CandidateRepository(ProjectRepository):
    """Library entries that break an eligibility rule or are stalled, read through the entries' own scope."""

    async def candidates(self, principal: Principal, c: Cutoffs, county: str | None, after: int | None,
                         limit: int) -> list[Project]:
        """Up to limit+1 candidates in scope, with their budgets, newest first, after the cursor."""
        query = self.matching(ProjectFilter(county=county), principal).where(candidate_condition(c))
        return await self.page(query, after, limit)

    async def count_by_county(self, principal: Principal, c: Cutoffs) -> list[tuple[str, int]]:
        """How many candidates each county has."""
        query = (select(Project.county_code, func.count()).where(*self.scope(principal), candidate_condition(c))
                 .group_by(Project.county_code).order_by(Project.county_code))
        return [(county, n) for county, n in (await self.session.execute(query)).all()]
