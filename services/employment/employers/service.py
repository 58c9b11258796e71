"""Registering employers and group projects, and reporting workforce totals with correction history."""
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.employment import EmployerRead, GroupProjectRead, WorkforceReportRead
from contracts.events.employment import EmployerRegistered, GroupProjectAdded, WorkforceReported
from services.employment.common import bad_field
from services.employment.employers.models import Employer, GroupProject, WorkforceReport
from services.employment.employers.repository import EmployerRepository
from services.employment.employers.schemas import (
    EmployerCreate,
    GroupProjectCreate,
    WorkforceReportCreate,
    employer_read,
    workforce_report_read,
)
from services.employment.states import EmployerKind
from services.kit.audit import audit
from services.kit.auth import Principal, out_of_scope
from services.kit.errors import not_found
from services.kit.outbox import Scope, publish


async def register_employer(session: AsyncSession, principal: Principal, entry: EmployerCreate) -> EmployerRead:
    """Store an employer; county hr may register only enterprises of its own county."""
    if entry.kind == EmployerKind.ENTERPRISE and not principal.sees_county(entry.county_code):
        raise out_of_scope("只能登记本县区的骨干企业")
    if entry.kind != EmployerKind.ENTERPRISE and not principal.citywide:
        raise out_of_scope("集团公司与劳务输入基地由市级人社部门登记")
    row = await EmployerRepository(session).add(Employer(**entry.model_dump()))
    read = employer_read(row)
    await audit(session, principal, "employer.register", "employer", row.id, None, read.model_dump(mode="json"))
    # Groups and base enterprises have no county: their registration is read by city-wide readers.
    await publish(session, EmployerRegistered(employer_id=row.id, employer_kind=row.kind, name=row.name,
                                              county_code=row.county_code, industry=row.industry,
                                              province=row.province), Scope(row.county_code))
    return read


async def add_project(session: AsyncSession, principal: Principal, group_id: int,
                      entry: GroupProjectCreate) -> GroupProjectRead:
    """Add a construction project (在建项目) to a city-owned group."""
    repo = EmployerRepository(session)
    group = await repo.get(group_id, principal)
    if group is None:
        raise not_found("employer.not_found", f"用工单位 {group_id} 不存在或不在查看范围内")
    if group.kind != EmployerKind.GROUP:
        raise bad_field("group_id", "只有集团公司才有在建项目", "employer.not_a_group")
    if not principal.sees_county(entry.county_code):
        raise out_of_scope("只能登记本县区内的在建项目")
    row = await repo.add(GroupProject(group_id=group_id, **entry.model_dump()))
    read = GroupProjectRead.model_validate(row)
    await audit(session, principal, "group_project.add", "group_project", row.id, None, read.model_dump(mode="json"))
    await publish(session, GroupProjectAdded(project_id=row.id, group_id=group_id, name=row.name,
                                             county_code=row.county_code, starts_on=row.starts_on,
                                             ends_on=row.ends_on), Scope(row.county_code))
    return read


async def _check_subject(repo: EmployerRepository, principal: Principal, entry: WorkforceReportCreate) -> str:
    """The reporting enterprise or group project, checked; its county."""
    if entry.employer_id is not None:
        employer = await repo.get(entry.employer_id, principal)
        if employer is None:
            raise not_found("employer.not_found", f"用工单位 {entry.employer_id} 不存在或不在查看范围内")
        if employer.kind != EmployerKind.ENTERPRISE:
            raise bad_field("employer_id", "全年用工总量只对骨干企业报送；集团按在建项目逐月报送",
                            "workforce.wrong_subject")
        if not principal.sees_county(employer.county_code):
            raise out_of_scope()
        return employer.county_code
    project = await repo.project(entry.project_id, principal)
    if project is None:
        raise not_found("group_project.not_found", f"在建项目 {entry.project_id} 不存在或不在查看范围内")
    return project.county_code


async def report_workforce(session: AsyncSession, principal: Principal,
                           entry: WorkforceReportCreate) -> WorkforceReportRead:
    """Report a period's total; reporting the same period again is a correction that keeps the old revision."""
    repo = EmployerRepository(session)
    county = await _check_subject(repo, principal, entry)
    month = entry.month or 0
    last = await repo.last_revision(entry.employer_id, entry.project_id, entry.year, month)
    await repo.supersede(entry.employer_id, entry.project_id, entry.year, month)
    row = await repo.add(WorkforceReport(
        employer_id=entry.employer_id, project_id=entry.project_id, year=entry.year, month=month,
        total=entry.total, revision=last + 1, current=True, note=entry.note, reported_by=principal.sub))
    read = workforce_report_read(row)
    action = "workforce.correct" if last else "workforce.report"
    await audit(session, principal, action, "workforce_report", row.id, None, read.model_dump(mode="json"))
    await publish(session, WorkforceReported(
        report_id=row.id, employer_id=row.employer_id, project_id=row.project_id, county_code=county, year=row.year,
        month=row.month or None, total=row.total, revision=row.revision, note=row.note), Scope(county))
    return read
