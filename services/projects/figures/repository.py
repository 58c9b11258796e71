"""Figures for monthly bulletins (按月通报): entries, budget, share started and completed, per dimension."""
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, case, func, select

from services.kit.auth import Principal
from services.projects.figures.schemas import Dimension
from services.projects.library.models import Project
from services.projects.library.repository import ProjectRepository
from services.projects.terms import ProjectStatus as S

IN_LIBRARY = (S.ADMITTED, S.PLANNED, S.STARTED, S.COMPLETED, S.ACCEPTED, S.SETTLED)
STARTED = (S.STARTED, S.COMPLETED, S.ACCEPTED, S.SETTLED)
COMPLETED = (S.COMPLETED, S.ACCEPTED, S.SETTLED)


_COLUMN: dict[Dimension, Any] = {Dimension.COUNTY: Project.county_code, Dimension.STATUS: Project.status,
                                 Dimension.CATEGORY: Project.category, Dimension.PLAN_YEAR: Project.plan_year}


@dataclass(frozen=True)
class Figure:
    """One group's figures; shares are of entries in the library (admitted or later, not ended)."""

    key: str | None
    entries: int
    budget: Decimal
    in_library: int
    started: int
    completed: int


def _count_if(states: tuple[S, ...]) -> ColumnElement[Any]:
    return func.sum(case((Project.status.in_(states), 1), else_=0))


class FigureRepository(ProjectRepository):
    """Grouped counts of library entries, in the caller's scope (the entries' own `readable` scope)."""

    async def figures(self, principal: Principal, by: Dimension, county: str | None = None,
                      plan_year: int | None = None) -> list[Figure]:
        """One grouped query over the caller's scope."""
        key = _COLUMN[by]
        query = (select(key, func.count(), func.coalesce(func.sum(Project.total_budget), 0), _count_if(IN_LIBRARY),
                        _count_if(STARTED), _count_if(COMPLETED))
                 .where(*self.scope(principal)).group_by(key).order_by(key))
        if county:
            query = query.where(Project.county_code == county)
        if plan_year:
            query = query.where(Project.plan_year == plan_year)
        return [Figure(None if k is None else str(k), n, Decimal(b), int(lib or 0), int(st or 0), int(co or 0))
                for k, n, b, lib, st, co in (await self.session.execute(query)).all()]

    async def gauge_rows(self) -> list[tuple[str, str, str, int, Decimal]]:
        """(county, status, category, entries, budget) over the whole city, for /metrics (no caller: no scope)."""
        query = (select(Project.county_code, Project.status, Project.category, func.count(),
                        func.coalesce(func.sum(Project.total_budget), 0))
                 .group_by(Project.county_code, Project.status, Project.category))
        return [(c, str(s), str(cat), n, Decimal(b)) for c, s, cat, n, b in (await self.session.execute(query)).all()]
