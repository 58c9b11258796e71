"""Building a month's figures and ranking from the other services (no transaction is open while they are read)."""
from dataclasses import dataclass

from contracts.reporting import CountyFigures, RankingRow
from services.kit.errors import FieldError, unprocessable
from services.kit.months import Month
from services.reporting.deps import Ctx
from services.reporting.figures.counties import county_rows
from services.reporting.scoring.score import rank
from services.reporting.sources.client import Calls
from services.reporting.sources.reads import read_month


@dataclass(frozen=True)
class MonthBuild:
    """A month's figures and ranking as computed now."""

    counties: list[CountyFigures]
    ranking: list[RankingRow]


def checked_month(ctx: Ctx, text: str) -> Month:
    """The month asked for: `YYYY-MM`, not after the running month (422 otherwise)."""
    month = Month.parse(text)
    if month > Month.of(ctx.clock.today()):
        message = "该月份尚未开始，无法生成通报"
        raise unprocessable("bulletin.future_month", message, [FieldError("month", message)])
    return month


async def figures(ctx: Ctx, month: Month, calls: Calls) -> list[CountyFigures]:
    """Every county's figures of the month, read from the services now."""
    return county_rows(await read_month(ctx.state.upstreams, month, calls))


async def build(ctx: Ctx, month: Month, previous: dict[str, int] | None, calls: Calls) -> MonthBuild:
    """The month's figures and ranking; `previous` is last month's rank of each county, if known."""
    counties = await figures(ctx, month, calls)
    settings = ctx.settings
    return MonthBuild(counties, rank(counties, settings.weights, settings.bottom_size, previous))

