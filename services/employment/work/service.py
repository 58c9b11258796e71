"""The employment work queue (待办事项): who awaits which workforce reports and training outcomes, and by when.

Who reports what (read from employers/, quotas/, training/): hr (人社局) records every workforce total and every course
outcome; the enterprise or group gives hr its figures; the county office and the city office watch the quotas. So
each kind fills the queues of hr, the county office and the city office within their scope, and the enterprise's or
group's own queue (a project-unit token whose `org` is the employer's name), courses excepted.

Deadlines (settings in config.py):
- workforce_report (骨干企业全年用工总量): the 10 % rule is judged on a whole year's total, known once the year is
  over; last year's report is due `workforce_report_due_days` after 31 December (default 31 January). It awaits
  from 1 January until made, and gives way to the next year's on the next 1 January.
- group_report (集团在建项目月度用工总数): the 5–10 % rule is judged per project and month; a month's total is due
  `group_report_due_days` after the month ends (default the 10th of the next month), for every month the project
  ran in, among the last `group_report_months` months that have ended.
- course_outcomes (培训结果): a course that has ended and records nobody, or someone still only enrolled, awaits
  its outcomes, due `course_outcomes_due_days` after its last day; a course without an end date awaits nothing yet.
"""
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import Row, Select

from contracts.work import WorkKind, WorkLink
from services.employment.config import Context
from services.employment.work.repository import WorkRepository
from services.kit.auth import Principal, Role
from services.kit.months import Month
from services.kit.outbox import OutboxEvent, Scope
from services.kit.warnings import Warnable
from services.kit.work import warn_days_of, work_item
from services.kit.work_queue import Duty, Listing

WATCHERS = {Role.HR, Role.COUNTY_OFFICE, Role.CITY_OFFICE}
# The longest unit name a feed event can be scoped to; a longer employer name warns its county's readers only.
_ORG_LENGTH: int = OutboxEvent.__table__.c.owner_org.type.length  # type: ignore[attr-defined]
# What each kind links to: (resource, path prefix).
_LINKS = {WorkKind.WORKFORCE_REPORT: ("employer", "/employers"),
          WorkKind.GROUP_REPORT: ("group_project", "/group-projects"),
          WorkKind.COURSE_OUTCOMES: ("course", "/courses")}


def _org(principal: Principal) -> str | None:
    """The enterprise or group a project-unit caller speaks for; None for every other role."""
    return principal.org if principal.role == Role.PROJECT_OWNER else None


def _listing(ctx: Context, kind: WorkKind, query: Select[Any], shift: int, expected: Callable[[Row[Any]], str]
             ) -> Listing:
    """Rows as items, due `shift` days after `work_due`; a warning reaches the county's readers and the unit."""
    today, warn = ctx.clock.today(), warn_days_of(ctx.settings.work_warn_days, kind)
    resource, prefix = _LINKS[kind]

    def warnable(row: Row[Any]) -> Warnable:
        link = WorkLink(service="employment", resource=resource, id=row.work_id, path=f"{prefix}/{row.work_id}")
        period = getattr(row, "work_period", None)
        item = work_item(kind, link, row.title, expected(row), row.work_due + timedelta(days=shift),
                         row.work_county, today, warn, period)
        unit = getattr(row, "unit", None)
        return Warnable(item, Scope(row.work_county, unit if unit and len(unit) <= _ORG_LENGTH else None))

    return Listing(query, warnable, shift)


def enterprise_reports(ctx: Context) -> Listing:
    """Backbone enterprises without last year's workforce report (全年用工总量)."""
    year = ctx.clock.today().year - 1
    query = WorkRepository(ctx.session).enterprises_without_report(ctx.principal, year, _org(ctx.principal))
    return _listing(ctx, WorkKind.WORKFORCE_REPORT, query, ctx.settings.workforce_report_due_days,
                    lambda r: f"报送 {year} 年全年用工总量（核算安置贫困劳动力比例）")


def group_reports(ctx: Context) -> Listing:
    """Group construction projects without a month's workforce report (项目用工总数), each ended month looked at."""
    this_month = Month.of(ctx.clock.today())
    months = [this_month.shifted(-n) for n in range(ctx.settings.group_report_months, 0, -1)]
    query = WorkRepository(ctx.session).projects_without_report(ctx.principal, months, _org(ctx.principal))

    def expected(row: Row[Any]) -> str:
        year, month = row.work_period.split("-")
        return f"报送 {year} 年 {int(month)} 月项目用工总数（核算本市贫困劳动力比例）"

    return _listing(ctx, WorkKind.GROUP_REPORT, query, ctx.settings.group_report_due_days, expected)


def course_outcomes(ctx: Context) -> Listing:
    """Courses that have ended without their outcomes (结业、取证、就业或退出) recorded."""
    query = WorkRepository(ctx.session).courses_without_outcomes(ctx.principal, ctx.clock.today())
    return _listing(ctx, WorkKind.COURSE_OUTCOMES, query, ctx.settings.course_outcomes_due_days,
                    lambda r: "登记每位学员的培训结果（结业、取证、就业或退出）")


DUTIES = (
    Duty("employment", WorkKind.WORKFORCE_REPORT, frozenset(WATCHERS | {Role.PROJECT_OWNER}), enterprise_reports),
    Duty("employment", WorkKind.GROUP_REPORT, frozenset(WATCHERS | {Role.PROJECT_OWNER}), group_reports),
    Duty("employment", WorkKind.COURSE_OUTCOMES, frozenset(WATCHERS), course_outcomes),
)
