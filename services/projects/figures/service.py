"""Bulletin figures (通报数据) as officials read them: each group with its Chinese label and shares."""
from contracts.projects import FigureRead
from services.kit.counties import COUNTIES
from services.projects.deps import Ctx
from services.projects.figures.repository import FigureRepository
from services.projects.figures.schemas import Dimension
from services.projects.terms import CATEGORY_LABELS, STATUS_LABELS, ProjectCategory, ProjectStatus


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


async def bulletin_figures(ctx: Ctx, by: Dimension, county: str | None, plan_year: int | None) -> list[FigureRead]:
    """Entries, budget and the shares started and completed per group, over the caller's scope."""
    rows = await FigureRepository(ctx.session).figures(ctx.principal, by, county, plan_year)
    return [FigureRead(key=f.key, label=_label(by, f.key), entries=f.entries, budget=f.budget,
                       in_library=f.in_library,
                       started_share=round(f.started / f.in_library, 4) if f.in_library else 0.0,
                       completed_share=round(f.completed / f.in_library, 4) if f.in_library else 0.0)
            for f in rows]
