"""All SQL of the employment work queue: reports not yet made for the periods looked at, courses without outcomes.

Each statement starts from the subject's repository `readable(principal)`, so the queue never shows what the caller
may not read; an organisation (`org`) narrows it to the enterprise or group of that name.
"""
from datetime import date
from typing import Any

from sqlalchemy import and_, exists, or_, select

from services.employment.employers.models import Employer, GroupProject, WorkforceReport
from services.employment.employers.repository import EmployerRepository, GroupProjectRepository
from services.employment.terms import EmployerKind
from services.employment.training.models import Course, Outcome, Participant
from services.employment.training.repository import CourseRepository
from services.kit.auth import Principal
from services.kit.months import Month


class WorkRepository:
    """What the employment work queue reads, within the request's transaction."""

    def __init__(self, session: Any) -> None:
        self.session = session

    async def enterprises_without_report(self, principal: Principal, year: int, org: str | None) -> list[Employer]:
        """The readable backbone enterprises (the unit `org` only, when given) with no report of the year."""
        reported = exists().where(WorkforceReport.employer_id == Employer.id, WorkforceReport.year == year,
                                  WorkforceReport.month == 0)
        query = (EmployerRepository(self.session).readable(principal)
                 .where(Employer.kind == EmployerKind.ENTERPRISE, ~reported))
        if org is not None:
            query = query.where(Employer.name == org)
        return list((await self.session.scalars(query.order_by(Employer.id))).all())

    async def group_projects(self, principal: Principal, months: list[Month], org: str | None
                             ) -> tuple[list[tuple[GroupProject, str]], set[tuple[int, int, int]]]:
        """(project, group name) of the readable group projects running in any of these months (of the group `org`
        when given), and which of the months each reported."""
        if not months:
            return [], set()
        first, last = min(months).first, max(months).last
        query = (GroupProjectRepository(self.session).readable(principal)
                 .add_columns(Employer.name.label("group_name"))
                 .join(Employer, Employer.id == GroupProject.group_id)
                 .where(GroupProject.starts_on <= last,
                        or_(GroupProject.ends_on.is_(None), GroupProject.ends_on >= first)))
        if org is not None:
            query = query.where(Employer.name == org)
        rows = [(p, str(g)) for p, g in (await self.session.execute(query.order_by(GroupProject.id))).all()]
        reports = (select(WorkforceReport.project_id, WorkforceReport.year, WorkforceReport.month).distinct()
                   .where(WorkforceReport.project_id.in_(query.with_only_columns(GroupProject.id)),
                          WorkforceReport.year.in_(sorted({m.year for m in months})), WorkforceReport.month > 0))
        reported = {(int(p), int(y), int(m)) for p, y, m in (await self.session.execute(reports)).all()}
        return rows, reported

    async def courses_without_outcomes(self, principal: Principal, ended_before: date) -> list[Course]:
        """Readable courses that ended before the day and record no outcome yet: nobody on them, or someone still
        only enrolled (在训)."""
        anyone = exists().where(Participant.course_id == Course.id)
        enrolled = exists().where(and_(Participant.course_id == Course.id, Participant.outcome == Outcome.ENROLLED))
        query = (CourseRepository(self.session).readable(principal)
                 .where(Course.ends_on < ended_before, or_(~anyone, enrolled)).order_by(Course.id))
        return list((await self.session.scalars(query)).all())
