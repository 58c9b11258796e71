"""Placing labourers (就业安置) and ending placements."""
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.employment import PlacementRead
from contracts.events.employment import PlacementCreated, PlacementEnded, PlacementFacts
from services.employment.common import bad_field
from services.employment.employers.repository import EmployerRepository
from services.employment.labourers.models import Labourer
from services.employment.labourers.repository import LabourerRepository
from services.employment.placements.models import Placement
from services.employment.placements.repository import PlacementRepository
from services.employment.placements.schemas import PlacementCreate, PlacementEnd, placement_read
from services.employment.states import EmployerKind, PlacementKind
from services.kit.audit import audit
from services.kit.auth import Principal
from services.kit.errors import conflict, not_found
from services.kit.outbox import Scope, publish

_EMPLOYER_KIND = {PlacementKind.ENTERPRISE: EmployerKind.ENTERPRISE, PlacementKind.BASE: EmployerKind.BASE}


async def _check_target(session: AsyncSession, principal: Principal, entry: PlacementCreate) -> None:
    repo = EmployerRepository(session)
    if entry.employer_id is not None:
        employer = await repo.get(entry.employer_id, principal)
        if employer is None:
            raise not_found("employer.not_found", f"用工单位 {entry.employer_id} 不存在或不在查看范围内")
        if employer.kind != _EMPLOYER_KIND[entry.kind]:
            raise bad_field("employer_id", f"该用工单位不是 {entry.kind} 类", "placement.wrong_employer")
    if entry.project_id is not None and await repo.project(entry.project_id, principal) is None:
        # County hr places its labourers on projects anywhere in the city: look the project up city-wide.
        if await repo.project(entry.project_id, Principal(principal.sub, principal.role)) is None:
            raise not_found("group_project.not_found", f"在建项目 {entry.project_id} 不存在")


async def place(session: AsyncSession, principal: Principal, entry: PlacementCreate) -> PlacementRead:
    """Store a placement; an overlapping spell of the same labourer at the same employer is refused (409)."""
    labourer = await LabourerRepository(session).get(entry.labourer_id, principal)
    if labourer is None:
        raise not_found("labourer.not_found", f"劳动力 {entry.labourer_id} 不存在或不在查看范围内")
    await _check_target(session, principal, entry)
    repo = PlacementRepository(session)
    placement = Placement(**entry.model_dump(), created_by=principal.sub)
    await repo.lock_labourer(placement.labourer_id)
    if await repo.overlaps(placement):
        raise conflict("placement.overlap", "该劳动力在同一用工单位已有时间重叠的安置记录")
    await repo.add(placement)
    read = placement_read(placement, labourer, whole_id=False)
    await audit(session, principal, "placement.create", "placement", placement.id, None, read.for_audit())
    await _publish(session, PlacementCreated, placement, labourer)
    return placement_read(placement, labourer, whole_id=True)


async def _publish(session: AsyncSession, model: type[PlacementFacts], placement: Placement,
                   labourer: Labourer) -> None:
    """A placement event, read in the labourer's county; the feed masks name and ID for all but hr and admin."""
    await publish(session, model(
        placement_id=placement.id, labourer_id=labourer.id, labourer_name=labourer.name,
        labourer_id_number=labourer.id_number, county_code=labourer.county_code, placement_kind=placement.kind,
        employer_id=placement.employer_id, project_id=placement.project_id, site=placement.site,
        starts_on=placement.starts_on, ends_on=placement.ends_on, leader=placement.leader),
        Scope(labourer.county_code))


async def end(session: AsyncSession, principal: Principal, placement_id: int, entry: PlacementEnd) -> PlacementRead:
    """Record the last day of a placement."""
    found = await PlacementRepository(session).get(placement_id, principal)
    if found is None:
        raise not_found("placement.not_found", f"安置记录 {placement_id} 不存在或不在查看范围内")
    placement, labourer = found
    if entry.ends_on < placement.starts_on:
        raise bad_field("ends_on", "结束日期不能早于开始日期")
    before = placement_read(placement, labourer, whole_id=False).for_audit()
    placement.ends_on = entry.ends_on
    await session.flush()
    read = placement_read(placement, labourer, whole_id=False)
    await audit(session, principal, "placement.end", "placement", placement.id, before, read.for_audit())
    await _publish(session, PlacementEnded, placement, labourer)
    return placement_read(placement, labourer, whole_id=True)
