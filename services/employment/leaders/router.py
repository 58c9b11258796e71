"""Labour leaders' retention (劳务带头人带动就业及稳岗) and cross-province export counts."""
from typing import Annotated

from fastapi import APIRouter, Query

from contracts.employment import LeaderFigures, ProvinceExport
from services.employment.deps import Reader
from services.employment.leaders import service
from services.kit.values import Day, Year

router = APIRouter(tags=["labour leaders"])


@router.get("/leaders", response_model=list[LeaderFigures], summary="Labour leaders and retention at 3 and 6 months")
async def leaders(ctx: Reader,
                  as_of: Annotated[Day | None, Query(description="统计日，默认今天")] = None) -> list[LeaderFigures]:
    """Per leader: distinct labourers brought; of those whose first spell is 3 (6) months old, how many stayed."""
    return await service.leader_figures(ctx, as_of)


@router.get("/labour-export", response_model=list[ProvinceExport],
            summary="Cross-province labour export by destination province (跨省劳务输出)")
async def labour_export(ctx: Reader, year: Year) -> list[ProvinceExport]:
    """Distinct labourers at base enterprises during the year, per destination province."""
    return await service.labour_export(ctx, year)
