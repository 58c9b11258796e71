"""What the projects service says of a project, asked before the request's transaction begins.

A money move checks its project live (admitted, same county, within budget). Asking inside the transaction would
hold a database connection, and on PostgreSQL the idempotency key's lock, for as long as the projects service
takes to answer; so the router asks first, and the move uses the answer. A failure is kept, not raised, so that a
replay of an answered request never depends on the projects service.
"""
from dataclasses import dataclass
from typing import Any

from services.funds.deps import Ctx, projects_of
from services.kit.errors import DomainError


@dataclass(frozen=True)
class LiveProject:
    """The projects service's answer for one project: the project, None when it does not exist, or the failure."""

    project_id: int
    found: dict[str, Any] | None
    failure: DomainError | None = None

    def answer(self) -> dict[str, Any] | None:
        """The project (None when unknown); raises the 503 problem when the projects service could not answer."""
        if self.failure is not None:
            raise self.failure
        return self.found


async def look_up(ctx: Ctx, project_id: int) -> LiveProject:
    """Ask the projects service for one project; call it before any SQL of the request."""
    try:
        return LiveProject(project_id, await projects_of(ctx).project(project_id))
    except DomainError as failure:
        return LiveProject(project_id, None, failure)
