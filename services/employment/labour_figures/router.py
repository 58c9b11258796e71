"""GET /labour-figures: poor labourers helped into work, per county and by where (劳务协作：到广东、就地、其他)."""
from fastapi import APIRouter

from contracts.collaboration import LabourFigures, LabourWhere
from services.employment.common import Reader
from services.employment.labour_figures.repository import LabourFigureRepository
from services.kit.db import Session
from services.kit.values import Year

router = APIRouter(tags=["placements"])


@router.get("/labour-figures", response_model=list[LabourFigures],
            summary="Registered labourers in work during a year per home county, by where (劳务协作)")
async def labour_figures(session: Session, principal: Reader, year: Year) -> list[LabourFigures]:
    """One row per home county with placements overlapping the year, counted from the registry in SQL (the
    collaboration service reads these for its scorecard; never typed by hand)."""
    repo = LabourFigureRepository(session)
    counts: dict[str, dict[str, int]] = {}
    for county, where, n in await repo.by_where(principal, year):
        counts.setdefault(county, {})[where] = n
    totals = await repo.totals(principal, year)
    return [LabourFigures(county_code=c, year=year, guangdong=counts[c].get(LabourWhere.GUANGDONG, 0),
                          in_county=counts[c].get(LabourWhere.IN_COUNTY, 0),
                          elsewhere=counts[c].get(LabourWhere.ELSEWHERE, 0), total=totals.get(c, 0))
            for c in sorted(counts)]
