"""Domain gauges of the employment service: quota subjects by kind and status for the current period."""
from collections.abc import Callable

from prometheus_client import CollectorRegistry, Gauge
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import State

from services.employment.config import Context, Settings
from services.employment.quotas.service import status_counts
from services.employment.terms import QuotaStatus
from services.kit.auth import Principal, Role
from services.kit.clock import Clock
from services.kit.metrics import DomainGauges

_CITY = Principal("metrics", Role.ADMIN)


def quota_gauges(settings: Settings, clock: Clock) -> Callable[[CollectorRegistry], DomainGauges]:
    """A gauge factory: employment_quota_subjects{kind,status} for this year and this month."""

    def factory(registry: CollectorRegistry) -> DomainGauges:
        gauge = Gauge("employment_quota_subjects", "Quota subjects of the current period by kind and status",
                      ["kind", "status"], registry=registry)

        async def refresh(session: AsyncSession) -> None:
            # The scrape reads city-wide, as a request of the metrics system would.
            counts = await status_counts(Context(session, _CITY, clock, settings, State()))
            for kind, by_status in counts.items():
                for status in QuotaStatus:
                    gauge.labels(str(kind), str(status)).set(by_status.get(str(status), 0))

        return refresh

    return factory
