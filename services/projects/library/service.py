"""Submitting library entries (项目入库申报) and the checks every submission or revision passes."""
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events.projects import ProjectSubmitted
from contracts.projects import ProjectRead
from services.kit.audit import audit
from services.kit.auth import Principal, Role, out_of_scope
from services.kit.errors import FieldError, unprocessable
from services.projects.library.eligibility import eligibility_breaches
from services.projects.library.events import publish_project
from services.projects.library.models import BudgetLine, Project
from services.projects.library.repository import ProjectRepository
from services.projects.library.schemas import ProjectCreate, project_read
from services.projects.library.states import ProjectStatus
from services.projects.lifecycle.models import HistoryRecord


def owner_org_for(entry: ProjectCreate, principal: Principal) -> str:
    """The owner unit: the caller's own for owners, the payload's for officials entering on their behalf."""
    if principal.role == Role.PROJECT_OWNER:
        if entry.owner_org not in (None, principal.org):
            raise out_of_scope("项目单位只能申报本单位的项目")
        return principal.org
    if not entry.owner_org:
        raise unprocessable("request.invalid", "请填写项目主管单位", [FieldError("owner_org", "必填项缺失")])
    return entry.owner_org


async def check_submission(session: AsyncSession, principal: Principal, entry: ProjectCreate,
                           exclude_id: int | None = None) -> str:
    """Scope, the hard eligibility rule and 严禁入库 for cleared entries; returns the owner unit."""
    if not principal.sees_county(entry.county_code):
        raise out_of_scope("只能申报本县区的项目")
    owner_org = owner_org_for(entry, principal)
    breaches = eligibility_breaches(entry)
    if breaches:
        raise unprocessable(
            "project.not_eligible", "；".join(b.message for b in breaches),
            [FieldError(b.field, b.message) for b in breaches], rules=[b.rule for b in breaches])
    if await ProjectRepository(session).was_cleared(owner_org, entry.name, entry.village, exclude_id):
        raise unprocessable("project.previously_cleared",
                            "同一单位、同名、同村的项目已被清理出库，严禁再次入库",
                            [FieldError("name", "该项目已被清理出库")])
    return owner_org


def apply_content(project: Project, entry: ProjectCreate, owner_org: str) -> None:
    """Copy an entry's content (everything the owner fills in) onto the row."""
    b = entry.beneficiaries
    project.name, project.county_code, project.township = entry.name, entry.county_code, entry.township
    project.village, project.category, project.owner_org = entry.village, entry.category, owner_org
    project.uses_fiscal_funds = entry.uses_fiscal_funds
    project.total_budget = sum(x.amount for x in entry.budget)
    project.poor_households, project.poor_people = b.poor_households, b.poor_people
    project.poor_villages = b.poor_villages
    project.mechanism = b.description
    project.targets = [t.model_dump(mode="json") for t in entry.targets]
    project.planned_start_year, project.planned_end_year = entry.planned_start_year, entry.planned_end_year
    project.budget_lines = [BudgetLine(source=x.source, year=x.year, amount=x.amount) for x in entry.budget]
    project.breach_rules = ",".join(x.rule for x in eligibility_breaches(entry))


async def submit(session: AsyncSession, principal: Principal, entry: ProjectCreate) -> ProjectRead:
    """Check the submission, then store it as submitted, audited and announced on the event feed."""
    owner_org = await check_submission(session, principal, entry)
    project = Project(status=ProjectStatus.SUBMITTED, submitted_by=principal.sub, progress_percent=0)
    apply_content(project, entry, owner_org)
    await ProjectRepository(session).add(project)
    session.add(HistoryRecord(project_id=project.id, actor=principal.sub, actor_role=str(principal.role),
                              action="submit", from_status=None, to_status=str(project.status), data={}))
    read = project_read(project)
    await audit(session, principal, "project.submit", "project", project.id, None, read.model_dump(mode="json"))
    await publish_project(session, ProjectSubmitted, project)
    return read
