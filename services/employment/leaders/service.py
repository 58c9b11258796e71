"""Labour leaders' retention (劳务带头人带动就业及稳岗) and cross-province labour export (跨省劳务输出)."""
import calendar
from datetime import date

from contracts.employment import LeaderFigures, ProvinceExport
from services.employment.config import Context
from services.employment.placements.repository import PlacementRepository

_RETENTION = ((3, "observable_3m", "still_placed_3m"), (6, "observable_6m", "still_placed_6m"))


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _kept(start: date, end: date | None, months: int) -> bool:
    return end is None or end >= add_months(start, months)


async def leader_figures(ctx: Context, as_of: date | None) -> list[LeaderFigures]:
    """Per leader: distinct labourers brought; of those whose first spell is 3 (6) months old, how many stayed."""
    as_of = as_of or ctx.clock.today()
    first_spell: dict[tuple[str, int], tuple[date, date | None]] = {}
    for leader, labourer, start, end in await PlacementRepository(ctx.session).leader_spells(ctx.principal, as_of):
        first_spell.setdefault((leader, labourer), (start, end))  # ordered by start: the first spell wins
    figures: dict[str, LeaderFigures] = {}
    for (leader, _), (start, end) in first_spell.items():
        f = figures.setdefault(leader, LeaderFigures(leader=leader, brought=0, observable_3m=0, still_placed_3m=0,
                                                     observable_6m=0, still_placed_6m=0))
        f.brought += 1
        for months, seen, kept in _RETENTION:
            if add_months(start, months) <= as_of:
                setattr(f, seen, getattr(f, seen) + 1)
                setattr(f, kept, getattr(f, kept) + _kept(start, end, months))
    return list(figures.values())


async def labour_export(ctx: Context, year: int) -> list[ProvinceExport]:
    """Distinct labourers at base enterprises during the year, per destination province."""
    rows = await PlacementRepository(ctx.session).export_by_province(ctx.principal, date(year, 1, 1),
                                                                     date(year, 12, 31))
    return [ProvinceExport(province=p, labourers=n) for p, n in rows]
