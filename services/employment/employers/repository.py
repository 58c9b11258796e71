"""All SQL about employers, group projects and workforce reports."""
from collections.abc import Sequence

from sqlalchemy import ColumnElement, func, or_, select, true, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.employment.employers.models import Employer, GroupProject, WorkforceReport
from services.employment.states import EmployerKind
from services.kit.auth import Principal


def employer_visible(principal: Principal) -> ColumnElement[bool]:
    """County roles see their county's enterprises plus the city-wide groups and base enterprises."""
    if principal.county is None:
        return true()
    return or_(Employer.county_code == principal.county, Employer.kind != EmployerKind.ENTERPRISE)


def project_visible(principal: Principal) -> ColumnElement[bool]:
    """County roles see the group projects built in their county."""
    return GroupProject.county_code == principal.county if principal.county else true()


class EmployerRepository:
    """Reads and writes of employers, projects and reports within the request's transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, row):
        """Stage a new row and give it an id."""
        self.session.add(row)
        await self.session.flush()
        return row

    async def get(self, employer_id: int, principal: Principal) -> Employer | None:
        """One employer, if the caller may see it."""
        return await self.session.scalar(
            select(Employer).where(Employer.id == employer_id, employer_visible(principal)))

    async def get_many(self, ids: Sequence[int], principal: Principal) -> list[Employer]:
        """The visible employers among ids, in the order asked."""
        rows = await self.session.scalars(select(Employer).where(Employer.id.in_(ids), employer_visible(principal)))
        found = {r.id: r for r in rows.all()}
        return [found[i] for i in ids if i in found]

    async def page(self, principal: Principal, kind: EmployerKind | None, county: str | None,
                   after: int | None, limit: int) -> list[Employer]:
        """Up to limit+1 visible employers in id order after the cursor."""
        query = select(Employer).where(employer_visible(principal))
        if kind:
            query = query.where(Employer.kind == kind)
        if county:
            query = query.where(Employer.county_code == county)
        if after is not None:
            query = query.where(Employer.id > after)
        return list((await self.session.scalars(query.order_by(Employer.id).limit(limit + 1))).all())

    async def project(self, project_id: int, principal: Principal) -> GroupProject | None:
        """One group project, if the caller may see it."""
        return await self.session.scalar(
            select(GroupProject).where(GroupProject.id == project_id, project_visible(principal)))

    async def projects(self, principal: Principal, group_id: int | None, after: int | None,
                       limit: int) -> list[GroupProject]:
        """Up to limit+1 visible group projects in id order after the cursor."""
        query = select(GroupProject).where(project_visible(principal))
        if group_id is not None:
            query = query.where(GroupProject.group_id == group_id)
        if after is not None:
            query = query.where(GroupProject.id > after)
        return list((await self.session.scalars(query.order_by(GroupProject.id).limit(limit + 1))).all())

    def _subject(self, employer_id: int | None, project_id: int | None) -> ColumnElement[bool]:
        if employer_id is not None:
            return WorkforceReport.employer_id == employer_id
        return WorkforceReport.project_id == project_id

    async def last_revision(self, employer_id: int | None, project_id: int | None, year: int, month: int) -> int:
        """The newest revision number of a period's report, 0 when none."""
        query = select(func.coalesce(func.max(WorkforceReport.revision), 0)).where(
            self._subject(employer_id, project_id), WorkforceReport.year == year, WorkforceReport.month == month)
        return int(await self.session.scalar(query))

    async def supersede(self, employer_id: int | None, project_id: int | None, year: int, month: int) -> None:
        """Mark a period's current report as replaced (its row stays, as history)."""
        await self.session.execute(update(WorkforceReport).where(
            self._subject(employer_id, project_id), WorkforceReport.year == year, WorkforceReport.month == month,
            WorkforceReport.current.is_(True)).values(current=False))

    async def reports(self, employer_id: int | None, project_id: int | None,
                      year: int | None) -> list[WorkforceReport]:
        """Every revision of a subject's reports, by period then revision."""
        query = select(WorkforceReport).where(self._subject(employer_id, project_id))
        if year is not None:
            query = query.where(WorkforceReport.year == year)
        query = query.order_by(WorkforceReport.year, WorkforceReport.month, WorkforceReport.revision)
        return list((await self.session.scalars(query)).all())
