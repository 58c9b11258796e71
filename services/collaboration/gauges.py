"""Domain gauges of the collaboration service, per county: overdue key tasks, this year's task completion and
how much of this year's committed Guangdong money has arrived (资金到位率)."""
from collections.abc import Awaitable, Callable

from prometheus_client import CollectorRegistry, Gauge
from sqlalchemy.ext.asyncio import AsyncSession

from services.collaboration.agreements.repository import AgreementRepository
from services.collaboration.money.repository import GuangdongMoney
from services.collaboration.money.schemas import rate as money_rate
from services.collaboration.tasks.figures import rate
from services.collaboration.tasks.repository import KeyTaskRepository
from services.kit.auth import Principal, Role
from services.kit.clock import Clock

_CITY = Principal("metrics", Role.ADMIN)
CITY_LABEL = "city"  # the city-level agreement's tasks have no county


def collaboration_gauges(clock: Callable[[], Clock]) -> Callable[[CollectorRegistry],
                                                                 Callable[[AsyncSession], Awaitable[None]]]:
    """A gauge factory: collaboration_key_tasks_overdue, collaboration_task_completion and
    collaboration_money_arrival, each by county."""

    def factory(registry: CollectorRegistry) -> Callable[[AsyncSession], Awaitable[None]]:
        overdue = Gauge("collaboration_key_tasks_overdue", "Key tasks past their deadline and not done, by county",
                        ["county"], registry=registry)
        completion = Gauge("collaboration_task_completion", "Share of this year's key tasks done, by county",
                           ["county"], registry=registry)
        arrival = Gauge("collaboration_money_arrival", "Share of this year's committed Guangdong money arrived",
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
            arrival.clear()
            arrived = await GuangdongMoney(session).arrived(today.year)
            for county, committed in (await AgreementRepository(session).committed(_CITY, today.year)).items():
                if county is not None:
                    amount = arrived.get(county, (committed * 0, None))[0]
                    arrival.labels(county).set(float(money_rate(amount, committed)))

        return refresh

    return factory
