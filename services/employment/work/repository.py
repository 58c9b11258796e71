"""The SQL of the employment work queue: one statement per kind of item, each within the caller's scope.

Every statement starts from the subject's repository `readable(principal)` and labels what the kit's work queue
reads (services/kit/work_queue.py): `work_id`, `work_due` (the day the deadline counts from), `work_county` and,
for reports, `work_period`, beside what the item shows (`title`, `unit`: the enterprise or group that reports).
An organisation (`org`) narrows a statement to the enterprise or group of that name.
"""
from datetime import date
from typing import Any

from sqlalchemy import Date, Integer, Select, String, and_, exists, literal, or_, select, union_all

from services.employment.employers.models import Employer, GroupProject, WorkforceReport
from services.employment.employers.repository import EmployerRepository, GroupProjectRepository
from services.employment.terms import EmployerKind
from services.employment.training.models import Course, Outcome, Participant
from services.employment.training.repository import CourseRepository
from services.kit.auth import Principal
from services.kit.months import Month

Rows = Select[*tuple[Any, ...]]  # a statement of labelled columns the work queue reads


def _months(months: list[Month]) -> Any:
    """The months looked at as a small derived table (first, last, year, month, period)."""
    rows = [select(literal(m.first, Date).label("first"), literal(m.last, Date).label("last"),
                   literal(m.year, Integer).label("year"), literal(m.month, Integer).label("month"),
                   literal(str(m), String).label("period")) for m in months]
    return union_all(*rows).subquery("months") if len(rows) > 1 else rows[0].subquery("months")


class WorkRepository:
    """Statements of what awaits a caller in the employment service."""

    def __init__(self, session: Any) -> None:
        self.session = session

    def enterprises_without_report(self, principal: Principal, year: int, org: str | None) -> Rows:
        """Readable backbone enterprises (the unit `org` only, when given) with no report of the year, due from the
        year's last day."""
        reported = exists().where(WorkforceReport.employer_id == Employer.id, WorkforceReport.year == year,
                                  WorkforceReport.month == 0)
        query = (EmployerRepository(self.session).readable(principal)
                 .with_only_columns(Employer.id.label("work_id"), literal(date(year, 12, 31), Date).label("work_due"),
                                    Employer.county_code.label("work_county"),
                                    literal(str(year), String).label("work_period"),
                                    Employer.name.label("title"), Employer.name.label("unit"))
                 .where(Employer.kind == EmployerKind.ENTERPRISE, ~reported))
        return query.where(Employer.name == org) if org is not None else query

    def projects_without_report(self, principal: Principal, months: list[Month], org: str | None) -> Rows:
        """Readable group projects (of the group `org` only, when given) with no report of a month they ran in, one
        row per project and month, due from the month's last day."""
        month = _months(months)
        reported = exists().where(WorkforceReport.project_id == GroupProject.id, WorkforceReport.year == month.c.year,
                                  WorkforceReport.month == month.c.month)
        query = (GroupProjectRepository(self.session).readable(principal)
                 .with_only_columns(GroupProject.id.label("work_id"), month.c.last.label("work_due"),
                                    GroupProject.county_code.label("work_county"), month.c.period.label("work_period"),
                                    (Employer.name + "·" + GroupProject.name).label("title"),
                                    Employer.name.label("unit"))
                 .join(month, and_(GroupProject.starts_on <= month.c.last,
                                   or_(GroupProject.ends_on.is_(None), GroupProject.ends_on >= month.c.first)))
                 .join(Employer, Employer.id == GroupProject.group_id)
                 .where(~reported))
        return query.where(Employer.name == org) if org is not None else query

    def courses_without_outcomes(self, principal: Principal, ended_before: date) -> Rows:
        """Readable courses that ended before the day and record no outcome yet (nobody on them, or someone still only
        enrolled, 在训), due from their last day."""
        anyone = exists().where(Participant.course_id == Course.id)
        enrolled = exists().where(Participant.course_id == Course.id, Participant.outcome == Outcome.ENROLLED)
        return (CourseRepository(self.session).readable(principal)
                .with_only_columns(Course.id.label("work_id"), Course.ends_on.label("work_due"),
                                   Course.county_code.label("work_county"), Course.name.label("title"))
                .where(Course.ends_on < ended_before, or_(~anyone, enrolled)))
