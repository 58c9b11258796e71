"""Setting up and editing pairings (结对帮扶)."""
from typing import Any

from contracts.collaboration import PairingLevel, PairingRead, PairingStatus
from contracts.events.collaboration import PairingChanged
from services.collaboration.common import bad_field
from services.collaboration.pairings.models import Pairing
from services.collaboration.pairings.places import village_in
from services.collaboration.pairings.repository import PairingRepository
from services.collaboration.pairings.schemas import PairingCreate, PairingUpdate, pairing_read
from services.collaboration.records import edit
from services.kit.audit import audit
from services.kit.context import RequestContext
from services.kit.errors import conflict, unseen
from services.kit.outbox import Scope, publish
from services.kit.pagination import Page, page_of
from services.kit.registry import RegistryAnswer


async def get(ctx: RequestContext[Any], pairing_id: int) -> Pairing:
    """A pairing the caller may read; 404 otherwise."""
    return await PairingRepository(ctx.session).get_or_404(
        pairing_id, ctx.principal, "collaboration.pairing_not_found",
        unseen("结对", pairing_id))


async def _published(ctx: RequestContext[Any], row: Pairing, action: str, before: dict[str, Any] | None
                     ) -> PairingRead:
    """Audit and publish a pairing's new state; its read model."""
    read = pairing_read(row)
    await audit(ctx.session, ctx.principal, action, "pairing", row.id, before, read.model_dump(mode="json"))
    await publish(ctx.session, PairingChanged(
        pairing_id=row.id, level=read.level, county_code=row.county_code, local_name=row.local_name,
        partner_name=row.partner_name, parent_id=row.parent_id, start_year=row.start_year, pairing_status=read.status,
        version=row.version), Scope(row.county_code))
    return read


async def create(ctx: RequestContext[Any], entry: PairingCreate, registry: RegistryAnswer) -> PairingRead:
    """Record a pairing (a village pair in its registry village, asked before the transaction); a lower-level pair
    may hang below a pair of its own county."""
    local_name = entry.local_name or ""
    if entry.village_id is not None:
        local_name = village_in(entry.county_code, entry.village_id, registry).name
    repo = PairingRepository(ctx.session)
    if entry.parent_id is not None:
        parent = await repo.get(entry.parent_id, ctx.principal)
        if parent is None:
            raise bad_field("parent_id", f"上级结对 {entry.parent_id} 不存在", "collaboration.pairing_not_found")
        if parent.county_code not in (None, entry.county_code):
            raise bad_field("parent_id", "上级结对属于另一个县区", "collaboration.parent_other_county")
    if entry.level == PairingLevel.CITY and entry.parent_id is not None:
        raise bad_field("parent_id", "市际结对没有上级结对")
    if await repo.exists_named(entry.level, local_name, entry.partner_name):
        raise conflict("collaboration.pairing_exists", f"{local_name} 与 {entry.partner_name} 的结对已登记")
    row = await repo.add(Pairing(level=entry.level, county_code=entry.county_code, local_name=local_name,
                                 village_id=entry.village_id, partner_name=entry.partner_name,
                                 parent_id=entry.parent_id, start_year=entry.start_year,
                                 status=PairingStatus.ACTIVE, demo=entry.demo, created_by=ctx.principal.sub))
    return await _published(ctx, row, "pairing.create", None)


async def update(ctx: RequestContext[Any], pairing_id: int, changes: PairingUpdate, version: int,
                 registry: RegistryAnswer) -> PairingRead:
    """Edit a pairing the caller read at `version` (412 when someone changed it since); a village pair changes its
    village by `village_id` (the registry asked before the transaction), never by name."""
    row = await get(ctx, pairing_id)
    before = pairing_read(row).model_dump(mode="json")
    village = PairingLevel(row.level) == PairingLevel.VILLAGE_ENTERPRISE
    if changes.village_id is not None and not village:
        raise bad_field("village_id", "只有村企结对填写 village_id")
    if changes.local_name is not None and village:
        raise bad_field("local_name", "村企结对的村名由村屯名录给出，请改 village_id")
    edit(row, version, changes)
    if changes.village_id is not None:
        row.local_name = village_in(row.county_code, changes.village_id, registry).name
    await ctx.session.flush()
    return await _published(ctx, row, "pairing.update", before)


async def listing(ctx: RequestContext[Any], county: str | None, level: PairingLevel | None, parent_id: int | None,
                  ids: list[int] | None, after: int | None, limit: int) -> Page[PairingRead]:
    """A page of the pairings in the caller's scope in id order, or the batch of `ids` when given."""
    repo = PairingRepository(ctx.session)
    if ids is not None:
        return Page(items=[pairing_read(r) for r in await repo.get_many(ids, ctx.principal)])
    return page_of(await repo.list_page(ctx.principal, county, level, parent_id, after, limit), limit, pairing_read)
