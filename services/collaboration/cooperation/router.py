"""REST endpoints of industry cooperation (引进企业) and talent exchange (人才交流)."""
from typing import Annotated

from fastapi import APIRouter, Query

from contracts.collaboration import EnterpriseRead, TalentExchangeRead
from services.collaboration.common import CountyFilter
from services.collaboration.cooperation import service
from services.collaboration.cooperation.schemas import EnterpriseCreate, TalentExchangeCreate
from services.collaboration.deps import Reader, Reporter
from services.kit.pagination import MAX_PAGE, Page, decode_cursor
from services.kit.values import Year

router = APIRouter(tags=["industry and talent"])
Cursor = Annotated[str | None, Query(description="上一页返回的 next_cursor")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]


@router.post("/enterprises", response_model=EnterpriseRead, status_code=201,
             summary="Record a Guangdong enterprise brought into a county (引进企业)")
async def record_enterprise(entry: EnterpriseCreate, ctx: Reporter) -> EnterpriseRead:
    """Record the enterprise, the investment actually made and the poor people it drives."""
    return await service.record_enterprise(ctx, entry)


@router.get("/enterprises", response_model=Page[EnterpriseRead], summary="Enterprises brought in")
async def list_enterprises(ctx: Reader, county: CountyFilter = None, year: Year | None = None,
                           after: Cursor = None, limit: Limit = 50) -> Page[EnterpriseRead]:
    """Enterprises in the caller's county, in id order."""
    return await service.enterprises(ctx, county, year, decode_cursor(after), limit)


@router.post("/talent-exchanges", response_model=TalentExchangeRead, status_code=201,
             summary="Record a cadre or technician exchange (挂职干部、专业技术人才)")
async def record_exchange(entry: TalentExchangeCreate, ctx: Reporter) -> TalentExchangeRead:
    """Record who went which way, in which field, from when to when."""
    return await service.record_exchange(ctx, entry)


@router.get("/talent-exchanges", response_model=Page[TalentExchangeRead], summary="Talent exchanges")
async def list_exchanges(ctx: Reader, county: CountyFilter = None,
                         year: Annotated[Year | None, Query(description="只列该年内在岗的交流人员")] = None,
                         after: Cursor = None, limit: Limit = 50) -> Page[TalentExchangeRead]:
    """Exchanges in the caller's county, in id order."""
    return await service.exchanges(ctx, county, year, decode_cursor(after), limit)
