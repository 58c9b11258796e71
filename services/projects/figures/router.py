"""REST endpoint of the bulletin figures (通报数据)."""

from fastapi import APIRouter

from contracts.projects import FigureRead
from services.kit.values import Year
from services.projects.deps import Actor
from services.projects.figures import service
from services.projects.figures.schemas import Dimension

router = APIRouter(tags=["bulletin figures"])


@router.get("/figures", response_model=list[FigureRead],
            summary="Entries, budget, share started and completed by county, state, category or plan year")
async def bulletin_figures(ctx: Actor, by: Dimension = Dimension.COUNTY, county: str | None = None,
                           plan_year: Year | None = None) -> list[FigureRead]:
    """Bulletin figures of the caller's scope, grouped by one dimension."""
    return await service.bulletin_figures(ctx, by, county, plan_year)
