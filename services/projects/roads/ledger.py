"""Excel of the road gaps (未通硬化道路自然屯清单), inert text under Chinese headers."""
from typing import Any

from services.kit.counties import COUNTIES
from services.kit.xlsx import Column, write_report_xlsx
from services.projects.deps import Ctx
from services.projects.roads import service
from services.projects.terms import STATUS_LABELS

EXPORT_LIMIT = 100_000
PAGE = 200
COLUMNS = [Column("县区", 16), Column("乡镇", 14), Column("行政村", 14), Column("自然屯", 14),
           Column("户数", 8, "0"), Column("贫困村", 8), Column("贫困发生率（%）", 14, "0.00"),
           Column("解决该屯道路的项目（编号 名称 状态）", 60)]


async def export_gaps(ctx: Ctx, year: int, county: str | None) -> bytes:
    """The year's gaps in scope, each with the entries that will close it."""
    rows: list[list[Any]] = []
    after = None
    while len(rows) < EXPORT_LIMIT:
        page = await service.gaps(ctx, year, county, after, PAGE)
        rows += [[COUNTIES.get(g.county_code, g.county_code), g.township_name, g.village_name, g.name, g.households,
                  "是" if g.poor_village else "否", "" if g.poverty_incidence is None else float(g.poverty_incidence),
                  "；".join(f"{e.project_id} {e.name} {STATUS_LABELS[e.status]}" for e in g.entries)]
                 for g in page.items]
        if page.next_cursor is None:
            break
        after = page.next_cursor
    return write_report_xlsx(f"{year} 年未通硬化道路自然屯", COLUMNS, rows)
