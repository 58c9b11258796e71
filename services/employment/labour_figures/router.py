"""GET /labour-figures: poor labourers helped into work, per county and by where (劳务协作：到广东、就地、其他)."""
from fastapi import APIRouter

from contracts.collaboration import LabourFigures
from services.employment.deps import Reader
from services.employment.labour_figures import service
from services.kit.values import Year

router = APIRouter(tags=["placements"])


@router.get("/labour-figures", response_model=list[LabourFigures],
            summary="Registered labourers in work during a year per home county, by where (劳务协作)")
async def labour_figures(ctx: Reader, year: Year) -> list[LabourFigures]:
    """One row per home county with placements overlapping the year, counted from the registry in SQL (the
    collaboration service reads these for its scorecard; never typed by hand)."""
    return await service.labour_figures(ctx, year)
