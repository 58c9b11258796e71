"""Placing labourers (就业安置), ending placements, and reading them within the caller's scope."""
from datetime import date

from contracts.employment import PlacementRead
from contracts.events.employment import PlacementCreated, PlacementEnded, PlacementFacts
from services.employment.config import Context
from services.employment.employers.repository import GroupProjectRepository
from services.employment.employers.service import employer_in_scope
from services.employment.labourers.service import labourer_in_scope
from services.employment.placements.models import Placement
from services.employment.placements.repository import PlacementRepository
from services.employment.placements.schemas import PlacementCreate, PlacementEnd, placement_read
from services.employment.refusals import bad_field
from services.employment.terms import EmployerKind, PlacementKind
from services.kit.audit import audit
from services.kit.auth import Principal
from services.kit.errors import conflict, not_found, unseen
from services.kit.outbox import Scope, publish
from services.kit.pagination import Page, page_of
from services.kit.periods.guard import ensure_open, record_correction, span

_EMPLOYER_KIND = {PlacementKind.ENTERPRISE: EmployerKind.ENTERPRISE, PlacementKind.BASE: EmployerKind.BASE}


async def _check_target(ctx: Context, entry: PlacementCreate) -> None:
    """The employer or group project named exists, is of the placement's kind, and the caller may place there."""
    if entry.employer_id is not None:
        employer = await employer_in_scope(ctx, entry.employer_id)
        if employer.kind != _EMPLOYER_KIND[entry.kind]:
            raise bad_field("employer_id", f"该用工单位不是 {entry.kind} 类", "placement.wrong_employer")
    if entry.project_id is not None:
        # County hr places its labourers on projects anywhere in the city: look the project up city-wide.
        citywide = Principal(ctx.principal.sub, ctx.principal.role)
        if await GroupProjectRepository(ctx.session).get(entry.project_id, citywide) is None:
            raise not_found("group_project.not_found", f"在建项目 {entry.project_id} 不存在")


async def place(ctx: Context, entry: PlacementCreate) -> PlacementRead:
    """Store a placement; an overlapping spell of the same labourer at the same employer is refused (409)."""
    labourer = await labourer_in_scope(ctx, entry.labourer_id)
    await _check_target(ctx, entry)
    # A spell counts in every month it covers, up to today while it lasts: each of them must be open.
    covered = span(entry.starts_on, entry.ends_on or max(entry.starts_on, ctx.clock.today()))
    correction = await ensure_open(ctx, labourer.county_code, covered, entry.correction_reason, "就业安置")
    repo = PlacementRepository(ctx.session)
    placement = Placement(**entry.model_dump(exclude={"correction_reason"}), created_by=ctx.principal.sub)
    placement.labourer = labourer
    await repo.lock_labourer(placement.labourer_id)
    if await repo.overlaps(placement):
        raise conflict("placement.overlap", "该劳动力在同一用工单位已有时间重叠的安置记录")
    await repo.add(placement)
    read = placement_read(placement, whole_id=False)
    await audit(ctx.session, ctx.principal, "placement.create", "placement", placement.id, None, read.for_audit())
    await record_correction(ctx, correction, "placement", placement.id, "place")
    await _publish(ctx, PlacementCreated, placement)
    return placement_read(placement, whole_id=True)


async def _publish(ctx: Context, model: type[PlacementFacts], placement: Placement) -> None:
    """A placement event, read in the labourer's county; the feed masks name and ID for all but hr and admin."""
    labourer = placement.labourer
    await publish(ctx.session, model(
        placement_id=placement.id, labourer_id=labourer.id, labourer_name=labourer.name,
        labourer_id_number=labourer.id_number, county_code=labourer.county_code, placement_kind=placement.kind,
        employer_id=placement.employer_id, project_id=placement.project_id, site=placement.site,
        starts_on=placement.starts_on, ends_on=placement.ends_on, leader=placement.leader),
        Scope(labourer.county_code))


async def _placement_in_scope(ctx: Context, placement_id: int) -> Placement:
    return await PlacementRepository(ctx.session).get_or_404(
        placement_id, ctx.principal, "placement.not_found",
        unseen("安置记录", placement_id))


async def end(ctx: Context, placement_id: int, entry: PlacementEnd) -> PlacementRead:
    """Record the last day of a placement."""
    placement = await _placement_in_scope(ctx, placement_id)
    if entry.ends_on < placement.starts_on:
        raise bad_field("ends_on", "结束日期不能早于开始日期")
    # Ending changes the months between the old end (today while it lasted) and the new one: each must be open.
    changed = span(entry.ends_on, placement.ends_on or max(entry.ends_on, ctx.clock.today()))
    correction = await ensure_open(ctx, placement.labourer.county_code, changed, entry.correction_reason, "就业安置")
    before = placement_read(placement, whole_id=False).for_audit()
    await PlacementRepository(ctx.session).end(placement, entry.ends_on)
    read = placement_read(placement, whole_id=False)
    await audit(ctx.session, ctx.principal, "placement.end", "placement", placement.id, before, read.for_audit())
    await record_correction(ctx, correction, "placement", placement.id, "end")
    await _publish(ctx, PlacementEnded, placement)
    return placement_read(placement, whole_id=True)


async def get_placement(ctx: Context, placement_id: int) -> PlacementRead:
    """One placement; 404 also when outside the caller's county."""
    return placement_read(await _placement_in_scope(ctx, placement_id), ctx.principal.sees_personal_data)


async def list_placements(ctx: Context, labourer_id: int | None, employer_id: int | None, project_id: int | None,
                          active_on: date | None, after: int | None, limit: int) -> Page[PlacementRead]:
    """Placements of the caller's county's labourers, newest first."""
    repo, whole = PlacementRepository(ctx.session), ctx.principal.sees_personal_data
    query = repo.filtered(ctx.principal, labourer_id, employer_id, project_id, active_on)
    return page_of(await repo.page(query, after, limit), limit, lambda row: placement_read(row, whole))
