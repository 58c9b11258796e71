"""Registering employers and group projects, reporting workforce totals with correction history, and reading them."""
from collections.abc import Sequence

from contracts.employment import EmployerRead, GroupProjectRead, WorkforceReportRead
from contracts.events.employment import EmployerRegistered, GroupProjectAdded, WorkforceReported
from services.employment.config import Context
from services.employment.employers.models import Employer, GroupProject, WorkforceReport
from services.employment.employers.repository import (
    EmployerRepository,
    GroupProjectRepository,
    WorkforceReportRepository,
)
from services.employment.employers.schemas import (
    EmployerCreate,
    GroupProjectCreate,
    WorkforceReportCreate,
    employer_read,
    workforce_report_read,
)
from services.employment.refusals import bad_field
from services.employment.terms import EmployerKind
from services.kit.audit import audit
from services.kit.auth import out_of_scope
from services.kit.errors import unseen
from services.kit.outbox import Scope, publish
from services.kit.pagination import Page, page_of


async def employer_in_scope(ctx: Context, employer_id: int) -> Employer:
    """An employer the caller may see; 404 otherwise."""
    return await EmployerRepository(ctx.session).get_or_404(
        employer_id, ctx.principal, "employer.not_found",
        unseen("用工单位", employer_id))


async def project_in_scope(ctx: Context, project_id: int) -> GroupProject:
    """A group project the caller may see; 404 otherwise."""
    return await GroupProjectRepository(ctx.session).get_or_404(
        project_id, ctx.principal, "group_project.not_found",
        unseen("在建项目", project_id))


async def register_employer(ctx: Context, entry: EmployerCreate) -> EmployerRead:
    """Store an employer; county hr may register only enterprises of its own county."""
    if entry.kind == EmployerKind.ENTERPRISE and not ctx.principal.sees_county(entry.county_code or ""):
        raise out_of_scope("只能登记本县区的骨干企业")
    if entry.kind != EmployerKind.ENTERPRISE and not ctx.principal.citywide:
        raise out_of_scope("集团公司与劳务输入基地由市级人社部门登记")
    row = await EmployerRepository(ctx.session).add(Employer(**entry.model_dump()))
    read = employer_read(row)
    await audit(ctx.session, ctx.principal, "employer.register", "employer", row.id, None,
                read.model_dump(mode="json"))
    # Groups and base enterprises have no county: their registration is read by city-wide readers.
    await publish(ctx.session, EmployerRegistered(employer_id=row.id, employer_kind=row.kind, name=row.name,
                                                  county_code=row.county_code, industry=row.industry,
                                                  province=row.province), Scope(row.county_code))
    return read


async def get_employer(ctx: Context, employer_id: int) -> EmployerRead:
    """One employer; 404 also when outside the caller's scope."""
    return employer_read(await employer_in_scope(ctx, employer_id))


async def employers_by_ids(ctx: Context, ids: Sequence[int]) -> Page[EmployerRead]:
    """The readable employers among ids, in the order asked (a batch read: one page, no cursor)."""
    rows = await EmployerRepository(ctx.session).get_many(ids, ctx.principal)
    return Page(items=[employer_read(r) for r in rows])


async def list_employers(ctx: Context, kind: EmployerKind | None, county: str | None, after: int | None,
                         limit: int) -> Page[EmployerRead]:
    """Employers in the caller's scope in id order."""
    repo = EmployerRepository(ctx.session)
    rows = await repo.page(repo.filtered(ctx.principal, kind, county), after, limit, newest_first=False)
    return page_of(rows, limit, employer_read)


async def add_project(ctx: Context, group_id: int, entry: GroupProjectCreate) -> GroupProjectRead:
    """Add a construction project (在建项目) to a city-owned group."""
    group = await employer_in_scope(ctx, group_id)
    if group.kind != EmployerKind.GROUP:
        raise bad_field("group_id", "只有集团公司才有在建项目", "employer.not_a_group")
    ctx.check_county(entry.county_code, "只能登记本县区内的在建项目")
    row = await GroupProjectRepository(ctx.session).add(GroupProject(group_id=group_id, **entry.model_dump()))
    read = GroupProjectRead.model_validate(row)
    await audit(ctx.session, ctx.principal, "group_project.add", "group_project", row.id, None,
                read.model_dump(mode="json"))
    await publish(ctx.session, GroupProjectAdded(project_id=row.id, group_id=group_id, name=row.name,
                                                 county_code=row.county_code, starts_on=row.starts_on,
                                                 ends_on=row.ends_on), Scope(row.county_code))
    return read


async def get_project(ctx: Context, project_id: int) -> GroupProjectRead:
    """One group project; 404 also when outside the caller's county."""
    return GroupProjectRead.model_validate(await project_in_scope(ctx, project_id))


async def list_projects(ctx: Context, group_id: int | None, after: int | None,
                        limit: int) -> Page[GroupProjectRead]:
    """Group projects in the caller's county, in id order."""
    repo = GroupProjectRepository(ctx.session)
    rows = await repo.page(repo.of_group(ctx.principal, group_id), after, limit, newest_first=False)
    return page_of(rows, limit, GroupProjectRead.model_validate)


async def _subject_county(ctx: Context, employer_id: int | None, project_id: int | None) -> str:
    """The reporting enterprise or group project, checked; its county."""
    if employer_id is not None:
        employer = await employer_in_scope(ctx, employer_id)
        if employer.kind != EmployerKind.ENTERPRISE:
            raise bad_field("employer_id", "全年用工总量只对骨干企业报送；集团按在建项目逐月报送",
                            "workforce.wrong_subject")
        return employer.county_code or ""  # an enterprise always has its county, readable only inside it
    return (await project_in_scope(ctx, project_id or 0)).county_code


async def report_workforce(ctx: Context, entry: WorkforceReportCreate) -> WorkforceReportRead:
    """Report a period's total; reporting the same period again is a correction that keeps the old revision."""
    county = await _subject_county(ctx, entry.employer_id, entry.project_id)
    repo, month = WorkforceReportRepository(ctx.session), entry.month or 0
    last = await repo.last_revision(entry.employer_id, entry.project_id, entry.year, month)
    await repo.supersede(entry.employer_id, entry.project_id, entry.year, month)
    row = await repo.add(WorkforceReport(
        employer_id=entry.employer_id, project_id=entry.project_id, year=entry.year, month=month,
        total=entry.total, revision=last + 1, current=True, note=entry.note, reported_by=ctx.principal.sub))
    read = workforce_report_read(row)
    action = "workforce.correct" if last else "workforce.report"
    await audit(ctx.session, ctx.principal, action, "workforce_report", row.id, None, read.model_dump(mode="json"))
    await publish(ctx.session, WorkforceReported(
        report_id=row.id, employer_id=row.employer_id, project_id=row.project_id, county_code=county, year=row.year,
        month=row.month or None, total=row.total, revision=row.revision, note=row.note), Scope(county))
    return read


async def list_reports(ctx: Context, employer_id: int | None, project_id: int | None,
                       year: int | None) -> list[WorkforceReportRead]:
    """Every revision of an enterprise's or a project's reports (current and superseded)."""
    if (employer_id is None) == (project_id is None):
        raise bad_field("employer_id", "须且只能填写 employer_id 或 project_id 之一")
    if employer_id is not None:
        await employer_in_scope(ctx, employer_id)
    if project_id is not None:
        await project_in_scope(ctx, project_id)
    rows = await WorkforceReportRepository(ctx.session).history(ctx.principal, employer_id, project_id, year)
    return [workforce_report_read(r) for r in rows]
