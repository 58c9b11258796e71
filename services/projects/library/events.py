"""What the projects feed says about an entry: its snapshot as a typed contract payload, scoped to its owner."""
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events.projects import ProjectSnapshot
from services.kit.outbox import Scope, publish
from services.projects.library.models import Project


def scope_of(project: Project) -> Scope:
    """An entry's events are read in its county, and by its own owner unit."""
    return Scope(county=project.county_code, org=project.owner_org)


async def publish_project(session: AsyncSession, model: type[ProjectSnapshot], project: Project,
                          **extra: Any) -> None:
    """Publish `model` (a project event) with the entry's state after the change, plus the event's own fields."""
    await publish(session, model(
        project_id=project.id, version=project.version, status=project.status, county_code=project.county_code,
        owner_org=project.owner_org, name=project.name, started_on=project.started_on,
        library_code=project.library_code, plan_year=project.plan_year, progress_percent=project.progress_percent,
        **extra), scope_of(project))
