"""All SQL about library entries and their history, each read starting from what the caller may see."""
from collections.abc import Sequence
from datetime import datetime
from types import SimpleNamespace
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, delete, exists, select
from sqlalchemy.orm import joinedload, selectinload

from contracts.projects import ProjectFilter
from services.kit.auth import Principal, Role
from services.kit.db import Base, utcnow
from services.kit.repository import Repository
from services.projects.library.models import BudgetLine, HistoryRecord, Project, ProjectNaturalVillage
from services.projects.terms import ProjectStatus

M = TypeVar("M", bound=Base)


def _matching(f: ProjectFilter) -> list[ColumnElement[bool]]:
    """The list's filters as SQL conditions."""
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


def project_scope(principal: Principal) -> list[ColumnElement[bool]]:
    """Entries inside the caller's scope: own org for owners, own county for county roles, all otherwise."""
    conditions = []
    if principal.county is not None:
        conditions.append(Project.county_code == principal.county)
    if principal.role == Role.PROJECT_OWNER:
        conditions.append(Project.owner_org == principal.org)
    return conditions


def scope_values(principal: Principal) -> tuple[str | None, bool, str | None]:
    """The rule of `project_scope` as values for a statement written in SQL (the lean path's json_sql.py): the
    county the caller is limited to (None: any), whether it sees only one organisation's entries, and which."""
    return principal.county, principal.role == Role.PROJECT_OWNER, principal.org


class ProjectRepository(Repository[Project]):
    """Reads and writes of library entries; an entry is always read with its budget lines."""

    model = Project

    def scope(self, principal: Principal) -> list[ColumnElement[bool]]:
        """Owners see their organisation's entries, county roles their county's, city roles all."""
        return project_scope(principal)

    async def get(self, row_id: int, principal: Principal, *options: Any) -> Project | None:
        """One entry with its budget, if it exists and the caller may see it."""
        # One row: a join fetches its few budget lines in the same round trip; selectinload (right for the
        # lists, where a join would multiply rows under LIMIT) would cost a second query per read.
        return await super().get(row_id, principal, joinedload(Project.budget_lines), *options)

    async def get_many(self, ids: Sequence[int], principal: Principal, *options: Any) -> list[Project]:
        """The visible entries among ids, with their budgets, in the order asked."""
        return await super().get_many(ids, principal, selectinload(Project.budget_lines), *options)

    def matching(self, f: ProjectFilter, principal: Principal) -> Select[Project]:
        """The visible entries the list's filters select, with their budgets."""
        return self.readable(principal).where(*_matching(f)).options(selectinload(Project.budget_lines))

    async def read_one(self, project_id: int, principal: Principal) -> SimpleNamespace | None:
        """One entry as plain rows (no ORM identity map or change tracking): the cheap path for read-only GETs."""
        p, b = Project.__table__, BudgetLine.__table__
        query = (select(p, b.c.source, b.c.year, b.c.amount).outerjoin(b, b.c.project_id == p.c.id)
                 .where(p.c.id == project_id, *self.scope(principal)).order_by(b.c.id))
        rows = (await self.session.execute(query)).all()
        if not rows:
            return None
        entry = SimpleNamespace(**{c.name: rows[0]._mapping[c] for c in p.c})
        entry.budget_lines = [SimpleNamespace(source=r.source, year=r.year, amount=r.amount)
                              for r in rows if r.source is not None]
        return entry

    async def was_cleared(self, owner_org: str, name: str, village: str, exclude_id: int | None) -> bool:
        """Whether the same owner already had an entry of this name and village cleared out (严禁再入库).

        Ignores the caller's scope on purpose: the rule holds whoever submits again.
        """
        cleared = select(Project.id).where(
            Project.owner_org == owner_org, Project.name == name, Project.village == village,
            Project.status == ProjectStatus.CLEARED)
        if exclude_id is not None:
            cleared = cleared.where(Project.id != exclude_id)
        return bool(await self.session.scalar(select(exists(cleared))))

    async def add_all(self, projects: list[Project]) -> list[Project]:
        """Stage many new entries (with their budget lines) in one flush and give them ids."""
        self.session.add_all(projects)
        await self.session.flush()
        return projects

    async def link_natural_villages(self, project: Project) -> None:
        """Make the entry's rows in project_natural_villages match its natural_village_ids."""
        await self.session.execute(delete(ProjectNaturalVillage).where(ProjectNaturalVillage.project_id == project.id))
        self.session.add_all(ProjectNaturalVillage(project_id=project.id, natural_village_id=i)
                             for i in project.natural_village_ids)
        await self.session.flush()

    async def any_stored(self) -> bool:
        """Whether the library holds any entry at all (whoever may read it): the demo loads only into an empty one."""
        return bool(await self.session.scalar(select(exists(select(Project.id)))))

    async def holders_of_codes(self, codes: list[str]) -> dict[str, int]:
        """Which of these library codes are already stored, and on which entry (across every county: codes are
        unique city-wide, so the caller's scope does not apply)."""
        query = select(Project.library_code, Project.id).where(Project.library_code.in_(codes))
        return {code: project_id for code, project_id in (await self.session.execute(query)).all() if code}


class ProjectPartRepository(Repository[M]):
    """Rows that belong to one entry (its history, objections): readable where the entry is readable."""

    county_column = None

    def readable(self, principal: Principal) -> Select[M]:
        """The rows of entries the caller may see."""
        return (select(self.model).join(Project, Project.id == self.model.project_id)
                .where(*project_scope(principal)))

    async def of_project(self, project_id: int, principal: Principal) -> list[M]:
        """The entry's rows, oldest first."""
        query = self.readable(principal).where(self.model.project_id == project_id).order_by(self.id_column)
        return list((await self.session.scalars(query)).all())


class HistoryRepository(ProjectPartRepository[HistoryRecord]):
    """An entry's timeline (项目全过程记录): append-only steps."""

    model = HistoryRecord

    def record(self, project_id: int, principal: Principal, action: str, from_status: str | None,
               to_status: str | None, note: str | None = None, data: dict[str, Any] | None = None,
               at: datetime | None = None) -> None:
        """Stage one step of the entry's life, written with the transaction's next flush."""
        self.session.add(HistoryRecord(
            project_id=project_id, actor=principal.sub, actor_role=str(principal.role), action=action,
            from_status=from_status, to_status=to_status, note=note, data=data or {}, at=at or utcnow()))
