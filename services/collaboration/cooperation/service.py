"""Recording industry and talent cooperation (产业协作、人才交流), audited and published."""
from typing import Any

from contracts.collaboration import EnterpriseRead, TalentExchangeRead
from contracts.events.collaboration import EnterpriseRecorded, TalentExchangeRecorded
from services.collaboration.cooperation.models import Enterprise, TalentExchange
from services.collaboration.cooperation.repository import EnterpriseRepository, TalentRepository
from services.collaboration.cooperation.schemas import (
    EnterpriseCreate,
    TalentExchangeCreate,
    enterprise_read,
    exchange_read,
)
from services.kit.audit import audit
from services.kit.context import RequestContext
from services.kit.outbox import Scope, publish
from services.kit.pagination import Page, page_of


async def record_enterprise(ctx: RequestContext[Any], entry: EnterpriseCreate) -> EnterpriseRead:
    """Record an enterprise brought into a county within the caller's scope."""
    ctx.check_county(entry.county_code, "只能登记本县区引进的企业")
    row = await EnterpriseRepository(ctx.session).add(Enterprise(**entry.model_dump(), created_by=ctx.principal.sub))
    read = enterprise_read(row)
    await audit(ctx.session, ctx.principal, "enterprise.record", "enterprise", row.id, None,
                read.model_dump(mode="json"))
    await publish(ctx.session, EnterpriseRecorded(
        enterprise_id=row.id, county_code=row.county_code, year=row.year, name=row.name,
        investment=row.investment, poor_people_driven=row.poor_people_driven), Scope(row.county_code))
    return read


async def record_exchange(ctx: RequestContext[Any], entry: TalentExchangeCreate) -> TalentExchangeRead:
    """Record a cadre or technician exchange of a county within the caller's scope."""
    ctx.check_county(entry.county_code, "只能登记本县区的人才交流")
    row = await TalentRepository(ctx.session).add(TalentExchange(**entry.model_dump(), created_by=ctx.principal.sub))
    read = exchange_read(row)
    await audit(ctx.session, ctx.principal, "talent_exchange.record", "talent_exchange", row.id, None,
                read.model_dump(mode="json"))
    await publish(ctx.session, TalentExchangeRecorded(
        exchange_id=row.id, county_code=row.county_code, direction=read.direction, talent_kind=read.kind,
        talent_field=read.field, starts_on=row.starts_on, ends_on=row.ends_on), Scope(row.county_code))
    return read


async def enterprises(ctx: RequestContext[Any], county: str | None, year: int | None, after: int | None,
                      limit: int) -> Page[EnterpriseRead]:
    """A page of the enterprises in the caller's scope, in id order."""
    rows = await EnterpriseRepository(ctx.session).list_page(ctx.principal, county, year, after, limit)
    return page_of(rows, limit, enterprise_read)


async def exchanges(ctx: RequestContext[Any], county: str | None, year: int | None, after: int | None,
                    limit: int) -> Page[TalentExchangeRead]:
    """A page of the talent exchanges in the caller's scope (those under way during `year`), in id order."""
    rows = await TalentRepository(ctx.session).list_page(ctx.principal, county, year, after, limit)
    return page_of(rows, limit, exchange_read)
