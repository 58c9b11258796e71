"""Signing and editing framework agreements (框架协议)."""
from typing import Any

from contracts.collaboration import AgreementRead
from contracts.events.collaboration import AgreementChanged
from services.collaboration.agreements.models import Agreement
from services.collaboration.agreements.repository import AgreementRepository
from services.collaboration.agreements.schemas import AgreementCreate, AgreementUpdate, agreement_read
from services.collaboration.common import bad_field
from services.collaboration.pairings.repository import PairingRepository
from services.collaboration.records import edit
from services.kit.audit import audit
from services.kit.context import RequestContext
from services.kit.errors import conflict, unseen
from services.kit.outbox import Scope, publish
from services.kit.pagination import Page, page_of


async def get(ctx: RequestContext[Any], agreement_id: int) -> Agreement:
    """An agreement the caller may read; 404 otherwise."""
    return await AgreementRepository(ctx.session).get_or_404(
        agreement_id, ctx.principal, "collaboration.agreement_not_found",
        unseen("框架协议", agreement_id))


async def _published(ctx: RequestContext[Any], row: Agreement, action: str, before: dict[str, Any] | None
                     ) -> AgreementRead:
    """Audit and publish an agreement's new state; its read model."""
    read = agreement_read(row)
    await audit(ctx.session, ctx.principal, action, "agreement", row.id, before, read.model_dump(mode="json"))
    await publish(ctx.session, AgreementChanged(
        agreement_id=row.id, pairing_id=row.pairing_id, county_code=row.county_code, year=row.year,
        title=row.title, guangdong_committed=row.guangdong_committed, version=row.version), Scope(row.county_code))
    return read


async def create(ctx: RequestContext[Any], entry: AgreementCreate) -> AgreementRead:
    """Sign a pairing's agreement for a year; a second one for the same pairing and year is a 409."""
    pairing = await PairingRepository(ctx.session).get(entry.pairing_id, ctx.principal)
    if pairing is None:
        raise bad_field("pairing_id", f"结对 {entry.pairing_id} 不存在", "collaboration.pairing_not_found")
    repo = AgreementRepository(ctx.session)
    if await repo.of_pairing_year(pairing.id, entry.year) is not None:
        raise conflict("collaboration.agreement_exists", f"该结对 {entry.year} 年的框架协议已登记，请修改原协议")
    row = await repo.add(Agreement(pairing_id=pairing.id, county_code=pairing.county_code, year=entry.year,
                                   title=entry.title, signed_on=entry.signed_on,
                                   guangdong_committed=entry.guangdong_committed, created_by=ctx.principal.sub))
    return await _published(ctx, row, "agreement.create", None)


async def update(ctx: RequestContext[Any], agreement_id: int, changes: AgreementUpdate, version: int
                 ) -> AgreementRead:
    """Edit an agreement the caller read at `version`."""
    row = await get(ctx, agreement_id)
    before = agreement_read(row).model_dump(mode="json")
    edit(row, version, changes)
    await ctx.session.flush()
    return await _published(ctx, row, "agreement.update", before)


async def listing(ctx: RequestContext[Any], county: str | None, year: int | None, pairing_id: int | None,
                  ids: list[int] | None, after: int | None, limit: int) -> Page[AgreementRead]:
    """A page of the agreements in the caller's scope in id order, or the batch of `ids` when given."""
    repo = AgreementRepository(ctx.session)
    if ids is not None:
        return Page(items=[agreement_read(r) for r in await repo.get_many(ids, ctx.principal)])
    return page_of(await repo.list_page(ctx.principal, county, year, pairing_id, after, limit), limit,
                   agreement_read)
