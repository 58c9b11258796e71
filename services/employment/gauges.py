"""Domain gauges of the employment service: quota subjects by kind and status for the current period."""
from prometheus_client import Gauge
from sqlalchemy.ext.asyncio import AsyncSession

from services.employment.config import Settings
from services.employment.quotas.repository import QuotaRepository, compliance_query
from services.employment.quotas.service import band_of, parse_period
from services.employment.states import QuotaKind, QuotaStatus
from services.kit.auth import Principal, Role
from services.kit.clock import Clock

_CITY = Principal("metrics", Role.ADMIN)


def quota_gauges(settings: Settings, clock: Clock):
    """A gauge factory: employment_quota_subjects{kind,status} for this year and this month."""

    def factory(registry):
        gauge = Gauge("employment_quota_subjects", "Quota subjects of the current period by kind and status",
                      ["kind", "status"], registry=registry)

        async def refresh(session: AsyncSession) -> None:
            today = clock.today()
            periods = {QuotaKind.ENTERPRISE: str(today.year), QuotaKind.GROUP_PROJECT: f"{today:%Y-%m}"}
            repo = QuotaRepository(session)
            for kind, text in periods.items():
                query = compliance_query(kind, parse_period(kind, text), band_of(kind, settings), _CITY,
                                         None, None, None)
                counts = await repo.count_by_status(query)
                for status in QuotaStatus:
                    gauge.labels(str(kind), str(status)).set(counts.get(str(status), 0))

        return refresh

    return factory
