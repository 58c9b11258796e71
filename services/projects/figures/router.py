"""REST endpoint of the bulletin figures (通报数据)."""
from decimal import Decimal

from fastapi import APIRouter
from pydantic import BaseModel, Field

from services.kit.counties import COUNTIES
from services.kit.values import Year
from services.projects.deps import Actor
from services.projects.figures.repository import Dimension, figures
from services.projects.library.states import CATEGORY_LABELS, STATUS_LABELS, ProjectCategory, ProjectStatus

router = APIRouter(tags=["bulletin figures"])


class FigureRead(BaseModel):
    """Figures of one group."""

    key: str | None = Field(description="分组值；计划年度为空表示未列入计划")
    label: str
    entries: int = Field(description="项目数")
    budget: Decimal = Field(description="总预算（元）")
    in_library: int = Field(description="已入库（未终止）项目数")
    started_share: float = Field(description="开工率：已开工 ÷ 已入库")
    completed_share: float = Field(description="完工率：已竣工 ÷ 已入库")


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
