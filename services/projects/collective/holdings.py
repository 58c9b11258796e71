"""Collective-economy entries (村级集体经济项目) with the income each is expected to bring its village, and 三变
share records (资源变资产、资金变股金、农民变股东): an entry turning funds into a village's shares."""
from decimal import Decimal

from contracts.collective import CollectiveProject, ShareConversionRead
from services.kit.audit import audit
from services.kit.concurrency import check_version
from services.kit.errors import FieldError, conflict, unprocessable, unseen
from services.kit.pagination import Page, decode_cursor, page_of
from services.projects.collective.models import ExpectedIncome, ShareConversion
from services.projects.collective.project_repository import ExpectedIncomeRepository, ShareRepository
from services.projects.collective.repository import VillageRepository
from services.projects.collective.schemas import ShareConversionIn
from services.projects.collective.service import village_for_change
from services.projects.deps import Ctx
from services.projects.library.models import Project
from services.projects.library.repository import ProjectRepository
from services.projects.terms import ProjectCategory


def _entry_read(project: Project, village_name: str, expected: ExpectedIncome | None) -> CollectiveProject:
    return CollectiveProject(
        project_id=project.id, name=project.name, status=project.status, county_code=project.county_code,
        village_id=project.village_id, village_name=village_name,
        expected_income=None if expected is None else expected.amount,
        expected_version=None if expected is None else expected.version)


async def list_entries(ctx: Ctx, county: str | None, village_id: int | None, after: str | None,
                       limit: int) -> Page[CollectiveProject]:
    """Collective-economy entries with a registry village, in the caller's scope, by id."""
    rows = await ExpectedIncomeRepository(ctx.session).entries(ctx.principal, county, village_id,
                                                               decode_cursor(after), limit)
    return page_of(rows, limit, lambda r: _entry_read(*r), key=lambda r: int(r[0].id))


async def _project(ctx: Ctx, project_id: int) -> Project:
    project = await ProjectRepository(ctx.session).get_or_404(project_id, ctx.principal, "project.not_found",
                                                              unseen("项目", project_id))
    ctx.check_county(project.county_code, "只能登记本县区的项目")
    return project


async def set_expected_income(ctx: Ctx, project_id: int, version: int, amount: Decimal) -> CollectiveProject:
    """The yearly income a collective-economy entry is expected to bring (version 0 when none is recorded yet)."""
    project = await _project(ctx, project_id)
    if project.category != ProjectCategory.COLLECTIVE_ECONOMY:
        raise conflict("collective.not_collective_economy", f"项目 {project_id} 不是村级集体经济项目")
    if project.village_id is None:
        raise conflict("collective.no_village", f"项目 {project_id} 未关联村屯名录中的行政村，请先补充所在行政村")
    repo = ExpectedIncomeRepository(ctx.session)
    row = await repo.get(project_id, ctx.principal)
    check_version(version, 0 if row is None else row.version)
    before = None if row is None else {"amount": str(row.amount), "version": row.version}
    if row is None:
        row = await repo.add(ExpectedIncome(project_id=project_id, amount=amount, recorded_by=ctx.principal.sub))
    else:
        row.amount, row.recorded_by, row.updated_at = amount, ctx.principal.sub, ctx.clock.now()
        await ctx.session.flush()
    await audit(ctx.session, ctx.principal, "collective.expected_income", "project", project_id, before,
                {"amount": str(row.amount), "version": row.version})
    village = await VillageRepository(ctx.session).get(project.village_id, ctx.principal)
    return _entry_read(project, village.name if village else "", row)


def _share_read(row: ShareConversion, village_name: str, project_name: str) -> ShareConversionRead:
    return ShareConversionRead(village_name=village_name, project_name=project_name,
                               **{k: getattr(row, k) for k in ShareConversionRead.model_fields
                                  if k not in ("village_name", "project_name")})


async def record_shares(ctx: Ctx, body: ShareConversionIn) -> ShareConversionRead:
    """A 三变 record of the caller's county: the village and the entry must both be in it."""
    if body.households > body.members:
        raise unprocessable("request.invalid", "户数不能多于成员数", [FieldError("households", "户数不能多于成员数")])
    village = await village_for_change(ctx, body.village_id)
    project = await _project(ctx, body.project_id)
    if project.county_code != village.county_code:
        raise conflict("collective.other_county", "项目与行政村不在同一县区")
    row = await ShareRepository(ctx.session).add(ShareConversion(
        county_code=village.county_code, recorded_by=ctx.principal.sub, recorded_at=ctx.clock.now(),
        **body.model_dump()))
    await audit(ctx.session, ctx.principal, "collective.shares", "share_conversion", row.id, None,
                {**body.model_dump(mode="json"), "county_code": row.county_code})
    return _share_read(row, village.name, project.name)


async def list_shares(ctx: Ctx, county: str | None, village_id: int | None, project_id: int | None,
                      after: str | None, limit: int) -> Page[ShareConversionRead]:
    """三变 records in the caller's scope, by id, filtered by county, village or entry."""
    rows = await ShareRepository(ctx.session).listed(ctx.principal, county, village_id, project_id,
                                                     decode_cursor(after), limit)
    return page_of(rows, limit, lambda r: _share_read(*r), key=lambda r: int(r[0].id))

