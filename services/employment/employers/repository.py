"""All SQL about employers, group projects and workforce reports."""
from sqlalchemy import ColumnElement, Select, func, or_, select, update

from services.employment.employers.models import Employer, GroupProject, WorkforceReport
from services.employment.scope import readable_parent
from services.employment.terms import EmployerKind
from services.kit.auth import Principal
from services.kit.repository import Repository


class EmployerRepository(Repository[Employer]):
    """Employers: county roles read their county's enterprises plus the city-wide groups and base enterprises."""

    model = Employer

    def scope(self, principal: Principal) -> list[ColumnElement[bool]]:
        """Groups and base enterprises have no county: every reader sees them."""
        if principal.county is None:
            return []
        return [or_(Employer.county_code == principal.county, Employer.kind != EmployerKind.ENTERPRISE)]

    def filtered(self, principal: Principal, kind: EmployerKind | None, county: str | None) -> Select[Employer]:
        """The readable employers narrowed by the list's filters."""
        query = self.readable(principal)
        if kind:
            query = query.where(Employer.kind == kind)
        if county:
            query = query.where(Employer.county_code == county)
        return query


class GroupProjectRepository(Repository[GroupProject]):
    """Group construction projects (集团在建项目): county roles read those built in their county."""

    model = GroupProject

    def of_group(self, principal: Principal, group_id: int | None) -> Select[GroupProject]:
        """The readable projects, of one group when given."""
        query = self.readable(principal)
        return query if group_id is None else query.where(GroupProject.group_id == group_id)


class WorkforceReportRepository(Repository[WorkforceReport]):
    """Every revision of reported totals: readable when the reporting employer or project is."""

    model = WorkforceReport
    county_column = None

    def scope(self, principal: Principal) -> list[ColumnElement[bool]]:
        """A report is as visible as its subject: the enterprise's scope, or the project's."""
        by_employer = readable_parent(WorkforceReport.employer_id, EmployerRepository(self.session), principal)
        by_project = readable_parent(WorkforceReport.project_id, GroupProjectRepository(self.session), principal)
        # Both parents are county-scoped for the same callers: either both narrow, or neither does.
        return [or_(*by_employer, *by_project)] if by_employer else []

    @staticmethod
    def _subject(employer_id: int | None, project_id: int | None) -> ColumnElement[bool]:
        if employer_id is not None:
            return WorkforceReport.employer_id == employer_id
        return WorkforceReport.project_id == project_id

    def _period(self, employer_id: int | None, project_id: int | None, year: int,
                month: int) -> list[ColumnElement[bool]]:
        return [self._subject(employer_id, project_id), WorkforceReport.year == year, WorkforceReport.month == month]

    async def last_revision(self, employer_id: int | None, project_id: int | None, year: int, month: int) -> int:
        """The newest revision number of a period's report in any scope, 0 when none (revisions are per period)."""
        query = select(func.coalesce(func.max(WorkforceReport.revision), 0)).where(
            *self._period(employer_id, project_id, year, month))
        return int(await self.session.scalar(query) or 0)

    async def supersede(self, employer_id: int | None, project_id: int | None, year: int, month: int) -> None:
        """Mark a period's current report as replaced (its row stays, as history); the caller checked the subject."""
        await self.session.execute(update(WorkforceReport).where(
            *self._period(employer_id, project_id, year, month), WorkforceReport.current.is_(True))
            .values(current=False))

    async def history(self, principal: Principal, employer_id: int | None, project_id: int | None,
                      year: int | None) -> list[WorkforceReport]:
        """Every readable revision of a subject's reports, by period then revision."""
        query = self.readable(principal).where(self._subject(employer_id, project_id))
        if year is not None:
            query = query.where(WorkforceReport.year == year)
        query = query.order_by(WorkforceReport.year, WorkforceReport.month, WorkforceReport.revision)
        return list((await self.session.scalars(query)).all())
