"""Domain gauge of the collective economy: villages below the income target this year, by county."""
from collections.abc import Callable

from prometheus_client import CollectorRegistry, Gauge
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.clock import Clock
from services.kit.metrics import DomainGauges
from services.projects.collective.repository import IncomeRepository
from services.projects.config import Settings
from services.projects.deps import CITYWIDE


def collective_gauges(settings: Settings, clock_of: Callable[[], Clock]) -> Callable[[CollectorRegistry],
                                                                                     DomainGauges]:
    """A gauge factory: projects_collective_below_target, villages below target (or not reported) this year."""

    def factory(registry: CollectorRegistry) -> DomainGauges:
        below = Gauge("projects_collective_below_target",
                      "Administrative villages below the collective-income target this year, by county", ["county"],
                      registry=registry)

        async def refresh(session: AsyncSession) -> None:
            year = clock_of().today().year
            below.clear()
            for county, villages, _, reaching in await IncomeRepository(session).summary(
                    CITYWIDE, year, settings.collective_income_target):
                below.labels(county).set(villages - reaching)

        return refresh

    return factory
