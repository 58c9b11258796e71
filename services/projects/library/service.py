"""Submitting library entries (项目入库申报)."""
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.audit import audit
from services.kit.auth import Principal, Role, out_of_scope
from services.kit.errors import FieldError, unprocessable
from services.kit.outbox import publish
from services.projects.library.eligibility import eligibility_breaches
from services.projects.library.models import BudgetLine, Project
from services.projects.library.repository import ProjectRepository
from services.projects.library.schemas import ProjectCreate, ProjectRead
from services.projects.library.states import ProjectStatus


def _owner_org(entry: ProjectCreate, principal: Principal) -> str:
    if principal.role == Role.PROJECT_OWNER:
        if entry.owner_org not in (None, principal.org):
            raise out_of_scope("项目单位只能申报本单位的项目")
        return principal.org
    if not entry.owner_org:
        raise unprocessable("request.invalid", "请填写项目主管单位", [FieldError("owner_org", "必填项缺失")])
    return entry.owner_org


def event_payload(project: Project) -> dict:
    """What other services learn about an entry from the event feed."""
    return {"id": project.id, "status": str(project.status), "county_code": project.county_code,
            "version": project.version, "name": project.name}


async def submit(session: AsyncSession, principal: Principal, entry: ProjectCreate) -> ProjectRead:
    """Check scope and eligibility, then store the entry as submitted, audited and announced."""
    if not principal.sees_county(entry.county_code):
        raise out_of_scope("只能申报本县区的项目")
    owner_org = _owner_org(entry, principal)
    breaches = eligibility_breaches(entry)
    if breaches:
        raise unprocessable(
            "project.not_eligible", "；".join(b.message for b in breaches),
            [FieldError(b.field, b.message) for b in breaches], rules=[b.rule for b in breaches])
    b = entry.beneficiaries
    project = Project(
        name=entry.name, county_code=entry.county_code, township=entry.township, village=entry.village,
        category=entry.category, owner_org=owner_org, status=ProjectStatus.SUBMITTED,
        uses_fiscal_funds=entry.uses_fiscal_funds, total_budget=sum(x.amount for x in entry.budget),
        poor_households=b.poor_households, poor_people=b.poor_people, poor_villages=b.poor_villages,
        mechanism=b.description, targets=[t.model_dump(mode="json") for t in entry.targets],
        planned_start_year=entry.planned_start_year, planned_end_year=entry.planned_end_year,
        version=1, submitted_by=principal.sub,
        budget_lines=[BudgetLine(source=x.source, year=x.year, amount=x.amount) for x in entry.budget],
    )
    await ProjectRepository(session).add(project)
    read = ProjectRead.of(project)
    await audit(session, principal, "project.submit", "project", project.id, None, read.model_dump(mode="json"))
    await publish(session, "project.submitted", "project", project.id, event_payload(project))
    return read
