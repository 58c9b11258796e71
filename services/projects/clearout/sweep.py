"""The clear-out sweep (清理出库): entries that break an eligibility rule or are stalled, each with its rule."""
import calendar
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from services.kit.auth import Principal
from services.projects.library.models import Project
from services.projects.library.repository import visible_to
from services.projects.library.states import ProjectStatus as S
from services.projects.lifecycle.transitions import TRANSITIONS, Action

CLEARABLE = tuple(sorted({state for (state, action) in TRANSITIONS if action == Action.CLEAR}))
NOT_STARTED = (S.ADMITTED, S.PLANNED)
RULE_MESSAGES = {
    "no_fiscal_funds": "不使用财政扶贫资金",
    "not_poverty_related": "与脱贫攻坚无关（无受益贫困人口或贫困村）",
    "no_performance_target": "无绩效目标",
    "stalled_not_started": "入库后逾期未开工",
    "stalled_no_progress": "开工后长期未报告进度",
}


def months_before(day: date, months: int) -> date:
    """The same day-of-month `months` earlier (clamped to the month's end)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


@dataclass(frozen=True)
class Cutoffs:
    """An entry planned to start in a year up to `last_stalled_start_year` and not started is stalled;
    a started one whose last report (or start) is on or before `last_quiet_day` is stalled."""

    last_stalled_start_year: int
    last_quiet_day: date

    @classmethod
    def at(cls, today: date, months: int) -> "Cutoffs":
        limit = months_before(today, months)
        return cls(limit.year, limit)


def _last_sign_of_life():
    return func.coalesce(Project.last_progress_on, Project.started_on)


def candidate_condition(c: Cutoffs) -> ColumnElement[bool]:
    """SQL for 'breaks a rule or is stalled' (indexed by status; no per-row Python)."""
    return or_(
        and_(Project.status.in_(CLEARABLE), Project.breach_rules != ""),
        and_(Project.status.in_(NOT_STARTED), Project.planned_start_year <= c.last_stalled_start_year),
        and_(Project.status == S.STARTED, _last_sign_of_life() <= c.last_quiet_day),
    )


def rules_broken(project: Project, c: Cutoffs) -> list[str]:
    """The rules one candidate breaks, in a stable order."""
    rules = [r for r in project.breach_rules.split(",") if r]
    if project.status in NOT_STARTED and project.planned_start_year <= c.last_stalled_start_year:
        rules.append("stalled_not_started")
    last = project.last_progress_on or project.started_on
    if project.status == S.STARTED and last is not None and last <= c.last_quiet_day:
        rules.append("stalled_no_progress")
    return rules


async def candidates(session: AsyncSession, principal: Principal, c: Cutoffs, county: str | None,
                     after: int | None, limit: int) -> list[Project]:
    """Up to limit+1 candidates in scope, newest first, after the cursor."""
    query = (select(Project).options(selectinload(Project.budget_lines))
             .where(visible_to(principal), candidate_condition(c)).order_by(Project.id.desc()).limit(limit + 1))
    if county:
        query = query.where(Project.county_code == county)
    if after is not None:
        query = query.where(Project.id < after)
    return list((await session.scalars(query)).all())


async def count_by_county(session: AsyncSession, principal: Principal, c: Cutoffs) -> list[tuple[str, int]]:
    """How many candidates each county has."""
    query = (select(Project.county_code, func.count()).where(visible_to(principal), candidate_condition(c))
             .group_by(Project.county_code).order_by(Project.county_code))
    return [(county, n) for county, n in (await session.execute(query)).all()]
