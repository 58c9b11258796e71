"""Domain gauges of the funds service: idle yuan by county and class, overdue cases by county."""
from collections.abc import Callable

from prometheus_client import CollectorRegistry, Gauge
from sqlalchemy.ext.asyncio import AsyncSession

from services.funds.config import Settings
from services.funds.idle.repository import IdleItemRepository, IdleRules
from services.funds.idle.schemas import IdleFilter
from services.funds.rectification.repository import CaseRepository
from services.kit.auth import Principal, Role
from services.kit.clock import Clock
from services.kit.metrics import DomainGauges

# The gauges read city-wide, like the city office: every county.
CITY = Principal(sub="system:gauges", role=Role.CITY_OFFICE)


def funds_gauges(settings: Settings, clock_of: Callable[[], Clock]) -> Callable[[CollectorRegistry], DomainGauges]:
    """A gauge factory for build_service: funds_idle_yuan and funds_overdue_cases, refreshed on each scrape."""

    def factory(registry: CollectorRegistry) -> DomainGauges:
        idle = Gauge("funds_idle_yuan", "Idle fiscal poverty funds (yuan) by county and class",
                     ["county", "idle_class"], registry=registry)
        overdue = Gauge("funds_overdue_cases", "Rectification cases past their deadline by county", ["county"],
                        registry=registry)

        async def refresh(session: AsyncSession) -> None:
            today = clock_of().today()
            items = IdleItemRepository(session, IdleRules(today, settings.unallocated_idle_days, settings.idle_days))
            idle.clear()
            for row in await items.sums(CITY, IdleFilter(), ["county_code", "idle_class"]):
                idle.labels(row["county_code"], str(row["idle_class"])).set(float(row["amount"]))
            overdue.clear()
            for county, n in await CaseRepository(session).overdue_by_county(today):
                overdue.labels(county).set(n)

        return refresh

    return factory
