"""Batch read of each project's funding (项目资金情况), for the gateway's Project.funding DataLoader."""
from fastapi import APIRouter

from contracts.funds import ProjectFunding
from services.funds.deps import Reader
from services.funds.ledger import reads
from services.kit.ids import RequiredIdList, ids_of

router = APIRouter(tags=["ledger"])


@router.get("/funding", response_model=list[ProjectFunding],
            summary="Funding of several projects in one call (batch form for the gateway)")
async def funding(ctx: Reader, ids: RequiredIdList) -> list[ProjectFunding]:
    """Each project's allocations, totals and idle items, in the order asked."""
    return await reads.project_funding(ctx, ids_of(ids))
