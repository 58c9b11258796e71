"""REST endpoints of framework agreements (框架协议)."""
from typing import Annotated

from fastapi import APIRouter, Query, Response

from contracts.collaboration import AgreementRead
from services.collaboration.agreements import service
from services.collaboration.agreements.schemas import AgreementCreate, AgreementUpdate, agreement_read
from services.collaboration.common import CountyFilter
from services.collaboration.deps import Editor, Reader
from services.collaboration.records import tagged
from services.kit.concurrency import IfMatch
from services.kit.contract import problems
from services.kit.ids import Id, IdFilter, IdList, ids_of
from services.kit.pagination import MAX_PAGE, Page, decode_cursor
from services.kit.values import Year

router = APIRouter(tags=["agreements"])
Cursor = Annotated[str | None, Query(description="上一页返回的 next_cursor")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]


@router.post("/agreements", response_model=AgreementRead, status_code=201,
             summary="Sign a pairing's yearly framework agreement (框架协议)",
             responses=problems({409: "collaboration.agreement_exists", 422: "collaboration.pairing_not_found"}))
async def create_agreement(entry: AgreementCreate, ctx: Editor, response: Response) -> AgreementRead:
    """Record a pairing's agreement of a year and the Guangdong money it commits."""
    return tagged(response, await service.create(ctx, entry))


@router.get("/agreements", response_model=Page[AgreementRead], summary="List or batch-read agreements")
async def list_agreements(ctx: Reader, county: CountyFilter = None, year: Year | None = None,
                          pairing_id: IdFilter = None, ids: IdList = None, after: Cursor = None,
                          limit: Limit = 50) -> Page[AgreementRead]:
    """Agreements in the caller's scope in id order; `ids` batch-reads instead."""
    return await service.listing(ctx, county, year, pairing_id, ids_of(ids) if ids is not None else None,
                                 decode_cursor(after), limit)


@router.get("/agreements/{agreement_id}", response_model=AgreementRead, summary="One agreement")
async def get_agreement(agreement_id: Id, ctx: Reader, response: Response) -> AgreementRead:
    """One agreement with its ETag; 404 also when outside the caller's scope."""
    return tagged(response, agreement_read(await service.get(ctx, agreement_id)))


@router.patch("/agreements/{agreement_id}", response_model=AgreementRead, summary="Edit an agreement (If-Match)")
async def update_agreement(agreement_id: Id, changes: AgreementUpdate, ctx: Editor, version: IfMatch,
                           response: Response) -> AgreementRead:
    """Change an agreement read at the version in If-Match."""
    return tagged(response, await service.update(ctx, agreement_id, changes, version))
