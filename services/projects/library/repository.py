"""All SQL about library entries."""
from collections.abc import Sequence
from dataclasses import dataclass
from types import SimpleNamespace

from sqlalchemy import ColumnElement, and_, exists, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from services.kit.auth import Principal, Role
from services.projects.library.models import BudgetLine, Project
from services.projects.library.states import ProjectCategory, ProjectStatus


@dataclass(frozen=True)
class ProjectFilter:
    """Filters of the library list; None means any."""

    county: str | None = None
    status: ProjectStatus | None = None
    category: ProjectCategory | None = None
    year: int | None = None
    owner_org: str | None = None


def visible_to(principal: Principal) -> ColumnElement[bool]:
    """Rows inside the caller's scope: own org for owners, own county for county roles, all otherwise."""
    conditions = []
    if principal.county is not None:
        conditions.append(Project.county_code == principal.county)
    if principal.role == Role.PROJECT_OWNER:
        conditions.append(Project.owner_org == principal.org)
    return and_(true(), *conditions)


def _matching(f: ProjectFilter) -> list[ColumnElement[bool]]:
    conditions = []
    if f.county:
        conditions.append(Project.county_code == f.county)
    if f.status:
        conditions.append(Project.status == f.status)
    if f.category:
        conditions.append(Project.category == f.category)
    if f.owner_org:
        conditions.append(Project.owner_org == f.owner_org)
    if f.year:
        conditions.append(and_(Project.planned_start_year <= f.year, Project.planned_end_year >= f.year))
    return conditions


class ProjectRepository:
    """Reads and writes of library entries within the request's transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, project: Project) -> Project:
        """Stage a new entry and give it an id."""
        self.session.add(project)
        await self.session.flush()
        return project

    async def get(self, project_id: int, principal: Principal) -> Project | None:
        """One entry with its budget, if it exists and the caller may see it."""
        # One row: a join fetches its few budget lines in the same round trip; selectinload (right for the
        # lists, where a join would multiply rows under LIMIT) would cost a second query per read.
        query = (select(Project).options(joinedload(Project.budget_lines))
                 .where(Project.id == project_id, visible_to(principal)))
        return (await self.session.scalars(query)).unique().one_or_none()

    async def read_one(self, project_id: int, principal: Principal) -> SimpleNamespace | None:
        """One entry as plain rows (no ORM identity map or change tracking): the cheap path for read-only GETs."""
        p, b = Project.__table__, BudgetLine.__table__
        query = (select(p, b.c.source, b.c.year, b.c.amount).outerjoin(b, b.c.project_id == p.c.id)
                 .where(p.c.id == project_id, visible_to(principal)).order_by(b.c.id))
        rows = (await self.session.execute(query)).all()
        if not rows:
            return None
        entry = SimpleNamespace(**{c.name: rows[0]._mapping[c] for c in p.c})
        entry.budget_lines = [SimpleNamespace(source=r.source, year=r.year, amount=r.amount)
                              for r in rows if r.source is not None]
        return entry

    async def get_many(self, ids: Sequence[int], principal: Principal) -> list[Project]:
        """The visible entries among ids, in the order asked."""
        query = (select(Project).options(selectinload(Project.budget_lines))
                 .where(Project.id.in_(ids), visible_to(principal)))
        found = {p.id: p for p in (await self.session.scalars(query)).all()}
        return [found[i] for i in ids if i in found]

    async def page(self, f: ProjectFilter, principal: Principal, after: int | None, limit: int) -> list[Project]:
        """Up to limit+1 visible entries, newest first, strictly after the cursor id."""
        query = (select(Project).options(selectinload(Project.budget_lines))
                 .where(visible_to(principal), *_matching(f))
                 .order_by(Project.id.desc()).limit(limit + 1))
        if after is not None:
            query = query.where(Project.id < after)
        return list((await self.session.scalars(query)).all())

    async def was_cleared(self, owner_org: str, name: str, village: str, exclude_id: int | None) -> bool:
        """Whether the same owner already had an entry of this name and village cleared out (严禁再入库)."""
        cleared = select(Project.id).where(
            Project.owner_org == owner_org, Project.name == name, Project.village == village,
            Project.status == ProjectStatus.CLEARED)
        if exclude_id is not None:
            cleared = cleared.where(Project.id != exclude_id)
        return bool(await self.session.scalar(select(exists(cleared))))
