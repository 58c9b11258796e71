"""Domain gauge of road coverage: qualifying natural villages without a hardened road this year, by county."""
from collections.abc import Callable

from prometheus_client import CollectorRegistry, Gauge
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.clock import Clock
from services.kit.metrics import DomainGauges
from services.projects.config import Settings
from services.projects.deps import CITYWIDE
from services.projects.roads.repository import NaturalVillageRepository, RoadRule


def road_gauges(settings: Settings, clock_of: Callable[[], Clock]) -> Callable[[CollectorRegistry], DomainGauges]:
    """A gauge factory: projects_road_gaps, qualifying natural villages without a hardened road this year."""

    def factory(registry: CollectorRegistry) -> DomainGauges:
        gaps = Gauge("projects_road_gaps", "Qualifying natural villages without a hardened road this year, by county",
                     ["county"], registry=registry)

        async def refresh(session: AsyncSession) -> None:
            rule = RoadRule(clock_of().today().year, settings.road_incidence_threshold, settings.road_min_households)
            gaps.clear()
            for county, qualifying, hardened in await NaturalVillageRepository(session).coverage(CITYWIDE, rule):
                gaps.labels(county).set(qualifying - hardened)

        return refresh

    return factory
