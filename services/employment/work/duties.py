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
from datetime import date, timedelta

from contracts.work import WorkKind, WorkLink
from services.employment.config import Settings
from services.employment.work.repository import WorkRepository
from services.kit.auth import Principal, Role
from services.kit.context import RequestContext
from services.kit.months import Month
from services.kit.outbox import Scope
from services.kit.warnings import Warnable
from services.kit.work import work_item
from services.kit.work_queue import Duty

SERVICE = "employment"
WATCHERS = frozenset({Role.HR, Role.COUNTY_OFFICE, Role.CITY_OFFICE})


def _org(principal: Principal) -> str | None:
    """The enterprise or group a project-unit caller speaks for; None for every other role."""
    return principal.org if principal.role == Role.PROJECT_OWNER else None


def _item(ctx: RequestContext[Settings], kind: WorkKind, resource: str, row_id: int, path: str, title: str,
          expected: str, deadline: date, county: str | None, scope: Scope, period: str | None = None) -> Warnable:
    link = WorkLink(service=SERVICE, resource=resource, id=row_id, path=path)
    item = work_item(kind, link, title, expected, deadline, county, ctx.clock.today(), ctx.settings.work_warn_days,
                     period)
    return Warnable(item, scope)


async def enterprise_reports(ctx: RequestContext[Settings]) -> list[Warnable]:
    """Backbone enterprises without last year's workforce report (全年用工总量)."""
    year = ctx.clock.today().year - 1
    deadline = date(year, 12, 31) + timedelta(days=ctx.settings.workforce_report_due_days)
    rows = await WorkRepository(ctx.session).enterprises_without_report(ctx.principal, year, _org(ctx.principal))
    return [_item(ctx, WorkKind.WORKFORCE_REPORT, "employer", e.id, f"/employers/{e.id}", e.name,
                  f"报送 {year} 年全年用工总量（核算安置贫困劳动力比例）", deadline, e.county_code,
                  Scope(e.county_code, e.name), str(year)) for e in rows]


async def group_reports(ctx: RequestContext[Settings]) -> list[Warnable]:
    """Group construction projects without a month's workforce report (项目用工总数), for each ended month looked at."""
    this_month = Month.of(ctx.clock.today())
    months = [this_month.shifted(-n) for n in range(ctx.settings.group_report_months, 0, -1)]
    rows, reported = await WorkRepository(ctx.session).group_projects(ctx.principal, months, _org(ctx.principal))
    due = timedelta(days=ctx.settings.group_report_due_days)
    found = []
    for project, group_name in rows:
        for month in months:
            running = project.starts_on <= month.last and (project.ends_on is None or project.ends_on >= month.first)
            if running and (project.id, month.year, month.month) not in reported:
                found.append(_item(ctx, WorkKind.GROUP_REPORT, "group_project", project.id,
                                   f"/group-projects/{project.id}", f"{group_name}·{project.name}",
                                   f"报送 {month.year} 年 {month.month} 月项目用工总数（核算本市贫困劳动力比例）",
                                   month.last + due, project.county_code, Scope(project.county_code, group_name),
                                   str(month)))
    return found


async def course_outcomes(ctx: RequestContext[Settings]) -> list[Warnable]:
    """Courses that have ended without their outcomes (结业、取证、就业或退出) recorded."""
    rows = await WorkRepository(ctx.session).courses_without_outcomes(ctx.principal, ctx.clock.today())
    due = timedelta(days=ctx.settings.course_outcomes_due_days)
    return [_item(ctx, WorkKind.COURSE_OUTCOMES, "course", c.id, f"/courses/{c.id}", c.name,
                  "登记每位学员的培训结果（结业、取证、就业或退出）", c.ends_on + due, c.county_code,
                  Scope(c.county_code)) for c in rows if c.ends_on is not None]


DUTIES = (
    Duty(WorkKind.WORKFORCE_REPORT, WATCHERS | {Role.PROJECT_OWNER}, enterprise_reports),
    Duty(WorkKind.GROUP_REPORT, WATCHERS | {Role.PROJECT_OWNER}, group_reports),
    Duty(WorkKind.COURSE_OUTCOMES, WATCHERS, course_outcomes),
)
