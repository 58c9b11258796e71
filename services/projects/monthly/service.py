"""A month's library figures per county (月度通报数据), read by the reporting service in one call; a folder of its
own above clear-out, whose stall rules it counts."""
from collections import defaultdict
from typing import Any

from contracts.enums import ProjectStatus
from contracts.month_figures import Count, ProjectsMonthRow
from services.kit.context import RequestContext
from services.kit.months import Month
from services.projects.clearout.sweep import Cutoffs
from services.projects.monthly.repository import MonthFigureRepository
from services.projects.terms import STATUS_LABELS


async def month_figures(ctx: RequestContext[Any], month_text: str) -> list[ProjectsMonthRow]:
    """Per county in scope: entries by state, admitted and started in the month, stalled as of its last day
    (today while it runs) by PROJECTS_STALL_MONTHS."""
    month = Month.parse(month_text)
    cutoffs = Cutoffs.at(month.as_of(ctx.clock.today()), ctx.settings.stall_months)
    repo = MonthFigureRepository(ctx.session)
    by_status: dict[str, list[Count]] = defaultdict(list)
    for county, status, n in await repo.by_status(ctx.principal):
        by_status[county].append(Count(key=status, label=STATUS_LABELS[ProjectStatus(status)], count=n))
    counts = await repo.month_counts(ctx.principal, month.first, month.last, cutoffs)
    counties = sorted(set(by_status).union(*counts.values()))
    return [ProjectsMonthRow(county_code=c, by_status=by_status[c], **{k: v.get(c, 0) for k, v in counts.items()})
            for c in counties]
