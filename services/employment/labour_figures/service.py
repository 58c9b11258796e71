"""Labour collaboration figures (劳务协作): registered labourers in work during a year, per home county and by where."""
from contracts.collaboration import LabourFigures, LabourWhere
from services.employment.config import Context
from services.employment.labour_figures.repository import LabourFigureRepository


async def labour_figures(ctx: Context, year: int) -> list[LabourFigures]:
    """One row per home county with placements overlapping the year, counted from the registry in SQL."""
    repo = LabourFigureRepository(ctx.session)
    counts: dict[str, dict[str, int]] = {}
    for county, where, n in await repo.by_where(ctx.principal, year):
        counts.setdefault(county, {})[where] = n
    totals = await repo.totals(ctx.principal, year)
    return [LabourFigures(county_code=c, year=year, guangdong=counts[c].get(LabourWhere.GUANGDONG, 0),
                          in_county=counts[c].get(LabourWhere.IN_COUNTY, 0),
                          elsewhere=counts[c].get(LabourWhere.ELSEWHERE, 0), total=totals.get(c, 0))
            for c in sorted(counts)]
