"""Registering library entries as collaboration projects (粤桂扶贫协作项目库) with their linkage (带贫减贫机制)."""
from collections.abc import Sequence
from typing import Any

from contracts.collaboration import CollaborationProjectRead
from contracts.events.collaboration import CollaborationProjectChanged
from services.collaboration.common import bad_field
from services.collaboration.pairings.repository import PairingRepository
from services.collaboration.projects.models import CollaborationProject
from services.collaboration.projects.repository import CollaborationProjectRepository
from services.collaboration.projects.schemas import (
    CollaborationProjectCreate,
    CollaborationProjectUpdate,
    project_read,
)
from services.collaboration.records import edit
from services.kit.audit import audit
from services.kit.context import RequestContext
from services.kit.errors import FieldError, conflict, unprocessable, unseen
from services.kit.outbox import Scope, publish
from services.kit.pagination import Page, page_of

ENDED = frozenset({"rejected", "cancelled", "cleared"})  # 不予入库、取消、清理出库: no money may go there



async def reads(ctx: RequestContext[Any], rows: Sequence[CollaborationProject]) -> list[CollaborationProjectRead]:
    """Read models of many rows with their entries and money, in three statements whatever their number."""
    repo = CollaborationProjectRepository(ctx.session)
    entries = await repo.entries([r.project_id for r in rows])
    figures = await repo.figures(rows)
    return [project_read(r, entries.get(r.project_id), figures[r.id]) for r in rows]


async def get(ctx: RequestContext[Any], link_id: int) -> CollaborationProject:
    """A collaboration project the caller may read; 404 otherwise."""
    return await CollaborationProjectRepository(ctx.session).get_or_404(
        link_id, ctx.principal, "collaboration.project_not_found",
        unseen("协作项目", link_id))


async def _published(ctx: RequestContext[Any], row: CollaborationProject, action: str,
                     before: dict[str, Any] | None) -> CollaborationProjectRead:
    """Audit and publish the project's new state; its read model."""
    (read,) = await reads(ctx, [row])
    await audit(ctx.session, ctx.principal, action, "collaboration_project", row.id, before,
                read.model_dump(mode="json"))
    await publish(ctx.session, CollaborationProjectChanged(
        collaboration_project_id=row.id, project_id=row.project_id, pairing_id=row.pairing_id,
        county_code=row.county_code, guangdong_share=row.guangdong_share, mechanism=read.linkage.mechanism,
        households_promised=row.households_promised, households_delivered=row.households_delivered,
        version=row.version), Scope(row.county_code))
    return read


async def register(ctx: RequestContext[Any], entry: CollaborationProjectCreate) -> CollaborationProjectRead:
    """Register an entry of the caller's county as collaboration; refused without its linkage."""
    if entry.linkage is None:
        raise unprocessable("collaboration.linkage_required",
                            "协作项目须说明带贫减贫机制（分红、务工、土地流转或订单收购，承诺带动的贫困户数），否则不能登记为协作项目",
                            [FieldError("linkage", "缺少带贫减贫机制")])
    repo = CollaborationProjectRepository(ctx.session)
    library = await repo.entry(entry.project_id)
    if library is None:
        raise conflict("collaboration.project_unknown",
                       f"项目库中没有项目 {entry.project_id}（或尚未同步到协作服务），请先在项目库申报后再登记")
    ctx.check_county(library.county_code, "只能登记本县区的协作项目")
    if library.status in ENDED:
        raise conflict("collaboration.project_ended",
                       f"项目“{library.name}”已终结（{library.status}），不能登记为协作项目")
    if await repo.registered(entry.project_id):
        raise conflict("collaboration.project_registered", f"项目“{library.name}”已登记为协作项目")
    pairing = await PairingRepository(ctx.session).get(entry.pairing_id, ctx.principal)
    if pairing is None:
        raise bad_field("pairing_id", f"结对 {entry.pairing_id} 不存在", "collaboration.pairing_not_found")
    if pairing.county_code != library.county_code:
        raise bad_field("pairing_id", "结对不属于项目所在县区", "collaboration.pairing_other_county")
    linkage = entry.linkage
    row = await repo.add(CollaborationProject(
        project_id=library.project_id, pairing_id=pairing.id, county_code=library.county_code,
        guangdong_share=entry.guangdong_share, mechanism=linkage.mechanism,
        households_promised=linkage.households_promised, households_delivered=linkage.households_delivered,
        created_by=ctx.principal.sub))
    return await _published(ctx, row, "collaboration_project.register", None)


async def update(ctx: RequestContext[Any], link_id: int, changes: CollaborationProjectUpdate, version: int
                 ) -> CollaborationProjectRead:
    """Change the share or the households of a project read at `version`."""
    row = await get(ctx, link_id)
    ctx.check_county(row.county_code, "只能修改本县区的协作项目")
    (before,) = await reads(ctx, [row])
    edit(row, version, changes)
    await ctx.session.flush()
    return await _published(ctx, row, "collaboration_project.update", before.model_dump(mode="json"))


async def listing(ctx: RequestContext[Any], county: str | None, pairing_id: int | None, ids: list[int] | None,
                  project_ids: list[int] | None, after: int | None, limit: int) -> Page[CollaborationProjectRead]:
    """A page of the collaboration projects in the caller's scope in id order, or the batch of `ids` (or of
    library entry `project_ids`) when given."""
    repo = CollaborationProjectRepository(ctx.session)
    if ids is not None:
        return Page(items=await reads(ctx, await repo.get_many(ids, ctx.principal)))
    if project_ids is not None:
        return Page(items=await reads(ctx, await repo.of_projects(ctx.principal, project_ids)))
    page: Page[CollaborationProject] = page_of(await repo.list_page(ctx.principal, county, pairing_id, after, limit),
                                               limit)
    return Page(items=await reads(ctx, page.items), next_cursor=page.next_cursor)
