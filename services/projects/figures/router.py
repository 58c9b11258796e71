"""REST endpoint of the bulletin figures (通报数据)."""

from fastapi import APIRouter

from contracts.projects import FigureRead
from services.kit.counties import COUNTIES
from services.kit.values import Year
from services.projects.deps import Actor
from services.projects.figures.repository import Dimension, figures
from services.projects.library.states import CATEGORY_LABELS, STATUS_LABELS, ProjectCategory, ProjectStatus

router = APIRouter(tags=["bulletin figures"])


def _label(by: Dimension, key: str | None) -> str:
    if key is None:
        return "未列入计划"
    if by == Dimension.COUNTY:
        return COUNTIES.get(key, key)
    if by == Dimension.STATUS:
        return STATUS_LABELS[ProjectStatus(key)]
    if by == Dimension.CATEGORY:
        return CATEGORY_LABELS[ProjectCategory(key)]
    return f"{key} 年度计划"


@router.get("/figures", response_model=list[FigureRead],
            summary="Entries, budget, share started and completed by county, state, category or plan year")
async def bulletin_figures(ctx: Actor, by: Dimension = Dimension.COUNTY, county: str | None = None,
                           plan_year: Year | None = None) -> list[FigureRead]:
    rows = await figures(ctx.session, ctx.principal, by, county, plan_year)
    return [FigureRead(key=f.key, label=_label(by, f.key), entries=f.entries, budget=f.budget,
                       in_library=f.in_library,
                       started_share=round(f.started / f.in_library, 4) if f.in_library else 0.0,
                       completed_share=round(f.completed / f.in_library, 4) if f.in_library else 0.0)
            for f in rows]
