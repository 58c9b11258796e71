"""Domain gauges of the projects service: entries and budget by county, state and category."""
from collections.abc import Awaitable, Callable

from prometheus_client import CollectorRegistry, Gauge
from sqlalchemy.ext.asyncio import AsyncSession

from services.projects.figures.repository import FigureRepository

LABELS = ["county", "status", "category"]


def library_gauges(registry: CollectorRegistry) -> Callable[[AsyncSession], Awaitable[None]]:
    """A refresh function for /metrics setting projects_total and projects_budget_yuan."""
    entries = Gauge("projects_total", "Library entries by county, state and category", LABELS, registry=registry)
    budget = Gauge("projects_budget_yuan", "Budget of library entries (yuan)", LABELS, registry=registry)

    async def refresh(session: AsyncSession) -> None:
        entries.clear()
        budget.clear()
        for county, status, category, n, yuan in await FigureRepository(session).gauge_rows():
            entries.labels(county, status, category).set(n)
            budget.labels(county, status, category).set(float(yuan))

    return refresh
