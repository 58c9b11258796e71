"""Domain gauges of the collaboration service: overdue key tasks and this year's completion rate per county."""
from collections.abc import Awaitable, Callable

from prometheus_client import CollectorRegistry, Gauge
from sqlalchemy.ext.asyncio import AsyncSession

from services.collaboration.tasks.figures import rate
from services.collaboration.tasks.repository import KeyTaskRepository
from services.kit.auth import Principal, Role
from services.kit.clock import Clock

_CITY = Principal("metrics", Role.ADMIN)
CITY_LABEL = "city"  # the city-level agreement's tasks have no county


def collaboration_gauges(clock: Callable[[], Clock]) -> Callable[[CollectorRegistry],
                                                                 Callable[[AsyncSession], Awaitable[None]]]:
    """A gauge factory: collaboration_key_tasks_overdue{county} and collaboration_task_completion{county}."""

    def factory(registry: CollectorRegistry) -> Callable[[AsyncSession], Awaitable[None]]:
        overdue = Gauge("collaboration_key_tasks_overdue", "Key tasks past their deadline and not done, by county",
                        ["county"], registry=registry)
        completion = Gauge("collaboration_task_completion", "Share of this year's key tasks done, by county",
                           ["county"], registry=registry)

        async def refresh(session: AsyncSession) -> None:
            today = clock().today()
            repo = KeyTaskRepository(session)
            overdue.clear()
            for county, count in (await repo.overdue_by_county(today)).items():
                overdue.labels(county or CITY_LABEL).set(count)
            completion.clear()
            for county, _, _, total, done, _ in await repo.completion(_CITY, today, today.year, False):
                completion.labels(county or CITY_LABEL).set(float(rate(int(done or 0), total)))

        return refresh

    return factory
