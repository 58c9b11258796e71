"""Who is due for a reminder talk (提醒约谈) in a month, by the rules in settings, as the caller may see it."""
import asyncio

from contracts.reporting import Reminder
from services.kit.months import Month
from services.reporting.bulletins.service import city_ranking
from services.reporting.deps import Ctx
from services.reporting.figures.service import checked_month
from services.reporting.reminders import rules
from services.reporting.sources.client import Calls
from services.reporting.sources.lists import breaching_projects, overdue_cases


def _months(last: Month, count: int) -> list[Month]:
    """`count` months ending with `last`, oldest first."""
    return [last.shifted(i - count + 1) for i in range(count)]


async def reminders(ctx: Ctx, month_text: str) -> list[Reminder]:
    """Cases overdue beyond the limit (as of today), projects in breach for the last months running, counties on
    the bottom list for the last months running; a county's reader gets its county's only."""
    month, settings, calls = checked_month(ctx, month_text), ctx.settings, Calls()
    upstreams = ctx.state.upstreams
    breach_months, bottom_months = _months(month, settings.breach_months), _months(month, settings.bottom_months)
    cases, breaches = await asyncio.gather(overdue_cases(upstreams, calls),
                                           breaching_projects(upstreams, breach_months, calls))
    rankings = await asyncio.gather(*(city_ranking(ctx, m, calls, with_change=False) for m in bottom_months))
    due = (rules.overdue_cases(cases, ctx.clock.today(), settings.case_overdue_days)
           + rules.breach_running(list(zip(breach_months, breaches, strict=True)))
           + rules.bottom_running(list(zip(bottom_months, rankings, strict=True))))
    county = ctx.principal.county
    return [r for r in due if county is None or r.county_code == county]
