"""Domain gauges of the projects service: entries by county and state."""
from prometheus_client import Gauge
from sqlalchemy.ext.asyncio import AsyncSession

from services.projects.library.repository import ProjectRepository


def library_gauges(registry):
    """A refresh function for /metrics that sets projects_total{county,status}."""
    gauge = Gauge("projects_total", "Library entries by county and state", ["county", "status"], registry=registry)

    async def refresh(session: AsyncSession) -> None:
        gauge.clear()
        for county, status, n in await ProjectRepository(session).count_by_county_and_status():
            gauge.labels(county, status).set(n)

    return refresh
