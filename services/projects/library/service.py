"""Library entries (项目库): submitting (项目入库申报), the checks every submission or revision passes, reading."""
from decimal import Decimal
from types import SimpleNamespace

from contracts.events.projects import ProjectSubmitted
from contracts.projects import ProjectFilter, ProjectRead
from services.kit.audit import audit
from services.kit.auth import Principal, Role, out_of_scope
from services.kit.counties import is_liuzhou_county
from services.kit.errors import FieldError, not_found, unprocessable
from services.kit.pagination import Page, decode_cursor, page_of
from services.projects.deps import Ctx
from services.projects.library.eligibility import eligibility_breaches
from services.projects.library.events import publish_project
from services.projects.library.models import BudgetLine, Project
from services.projects.library.repository import HistoryRepository, ProjectRepository
from services.projects.library.schemas import EntryContent, ProjectCreate, project_read
from services.projects.places.lookup import EntryPlaces, places_by_ids
from services.projects.terms import ProjectStatus


def owner_org_for(entry: EntryContent, principal: Principal) -> str:
    """The owner unit: the caller's own for owners, the payload's for officials entering on their behalf."""
    org = principal.org
    if principal.role == Role.PROJECT_OWNER and org is not None:  # a project unit's token always names its unit
        if entry.owner_org not in (None, org):
            raise out_of_scope("项目单位只能申报本单位的项目")
        return org
    if not entry.owner_org:
        raise unprocessable("request.invalid", "请填写项目主管单位", [FieldError("owner_org", "必填项缺失")])
    return entry.owner_org


async def places_of(ctx: Ctx, entry: ProjectCreate) -> EntryPlaces:
    """The registry villages an entry names by id; 422 naming every id not in its county's registry."""
    return await places_by_ids(ctx.session, entry.county_code, entry.village_id, entry.poor_village_ids,
                               entry.natural_village_ids)


async def check_submission(ctx: Ctx, entry: EntryContent, places: EntryPlaces, exclude_id: int | None = None) -> str:
    """Scope, the hard eligibility rule and 严禁入库 for cleared entries; returns the owner unit."""
    ctx.check_county(entry.county_code, "只能申报本县区的项目")
    owner_org = owner_org_for(entry, ctx.principal)
    breaches = eligibility_breaches(entry, places)
    if breaches:
        raise unprocessable(
            "project.not_eligible", "；".join(b.message for b in breaches),
            [FieldError(b.field, b.message) for b in breaches], rules=[b.rule for b in breaches])
    if await ProjectRepository(ctx.session).was_cleared(owner_org, entry.name, places.village.name, exclude_id):
        raise unprocessable("project.previously_cleared",
                            "同一单位、同名、同村的项目已被清理出库，严禁再次入库",
                            [FieldError("name", "该项目已被清理出库")])
    return owner_org


def apply_content(project: Project, entry: EntryContent, owner_org: str, places: EntryPlaces) -> None:
    """Copy an entry's content (everything the owner fills in) and its registry places onto the row."""
    b = entry.beneficiaries
    project.name, project.county_code, project.category = entry.name, entry.county_code, entry.category
    project.township, project.village, project.village_id = places.township, places.village.name, places.village.id
    project.owner_org, project.uses_fiscal_funds = owner_org, entry.uses_fiscal_funds
    project.total_budget = sum((x.amount for x in entry.budget), Decimal(0))
    project.poor_households, project.poor_people = b.poor_households, b.poor_people
    project.poor_villages = [v.name for v in places.poor_villages]
    project.poor_village_ids = [v.id for v in places.poor_villages]
    project.natural_village_ids = [n.id for n in places.natural_villages]
    project.mechanism = b.description
    project.targets = [t.model_dump(mode="json") for t in entry.targets]
    project.planned_start_year, project.planned_end_year = entry.planned_start_year, entry.planned_end_year
    project.budget_lines = [BudgetLine(source=x.source, year=x.year, amount=x.amount) for x in entry.budget]
    project.breach_rules = ",".join(x.rule for x in eligibility_breaches(entry, places))


async def submit(ctx: Ctx, entry: EntryContent, places: EntryPlaces) -> ProjectRead:
    """Check the submission, then store it as submitted, audited and announced on the event feed."""
    owner_org = await check_submission(ctx, entry, places)
    project = Project(status=ProjectStatus.SUBMITTED, submitted_by=ctx.principal.sub, progress_percent=0)
    apply_content(project, entry, owner_org, places)
    repo = ProjectRepository(ctx.session)
    await repo.add(project)
    await repo.link_natural_villages(project)
    HistoryRepository(ctx.session).record(project.id, ctx.principal, "submit", None, str(project.status))
    read = project_read(project)
    await audit(ctx.session, ctx.principal, "project.submit", "project", project.id, None,
                read.model_dump(mode="json"))
    await publish_project(ctx.session, ProjectSubmitted, project)
    return read


async def submit_entry(ctx: Ctx, entry: ProjectCreate) -> ProjectRead:
    """An entry from the API: its registry places by id, then `submit`."""
    return await submit(ctx, entry, await places_of(ctx, entry))


async def read_project(ctx: Ctx, project_id: int) -> SimpleNamespace:
    """One entry as the caller may see it; 404 also when it is outside the caller's scope."""
    project = await ProjectRepository(ctx.session).read_one(project_id, ctx.principal)
    if project is None:
        raise not_found("project.not_found", f"项目 {project_id} 不存在或不在当前账号的查看范围内")
    return project


async def list_projects(ctx: Ctx, f: ProjectFilter, ids: list[int] | None, after: str | None,
                        limit: int) -> Page[ProjectRead]:
    """Entries in the caller's scope, newest first, keyset-paginated; `ids` batch-reads instead."""
    repo = ProjectRepository(ctx.session)
    if ids is not None:
        found = await repo.get_many(ids, ctx.principal)
        return Page(items=[project_read(p) for p in found], next_cursor=None)
    if f.county is not None and not is_liuzhou_county(f.county):
        raise unprocessable("request.invalid", "县区代码无效", [FieldError("county", "不是柳州市的县区代码")])
    rows = await repo.page(repo.matching(f, ctx.principal), decode_cursor(after), limit)
    return page_of(rows, limit, project_read)
