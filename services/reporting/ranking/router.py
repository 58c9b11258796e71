"""REST endpoint of the county ranking."""
from fastapi import APIRouter

from contracts.month_figures import MonthText
from contracts.reporting import Ranking
from services.kit.contract import problems
from services.reporting.deps import ReadOnly
from services.reporting.ranking.service import county_ranking

router = APIRouter(tags=["ranking"])


@router.get("/ranking", response_model=Ranking, responses=problems({503: "reporting.upstream_unavailable"}),
            summary="Counties by composite score, change since last month, bottom list, explained (每月一评比)")
async def ranking(ctx: ReadOnly, month: MonthText) -> Ranking:
    return await county_ranking(ctx, month)
