"""The typed per-request context: the caller's token, one client per service and the request's DataLoaders."""
from dataclasses import dataclass, field

from fastapi import Request
from strawberry.fastapi import BaseContext

from gateway.collaboration_client import CollaborationClient
from gateway.employment_client import EmploymentClient
from gateway.funds_client import FundsClient
from gateway.loaders import DataLoaders
from gateway.projects_client import ProjectsClient
from gateway.reporting_client import ReportingClient


@dataclass
class Context(BaseContext):
    """What every resolver of one request shares."""

    authorization: str | None
    projects: ProjectsClient
    funds: FundsClient
    employment: EmploymentClient
    collaboration: CollaborationClient
    reporting: ReportingClient
    loaders: DataLoaders = field(init=False)

    def __post_init__(self) -> None:
        super().__init__()  # strawberry's request, response and background tasks, set by its router
        self.loaders = DataLoaders.of(self.projects, self.funds, self.employment, self.collaboration)


async def get_context(request: Request) -> Context:
    """Build the context from the app's shared clients and the caller's Authorization header."""
    authorization = request.headers.get("authorization")
    upstreams = request.app.state.upstreams
    return Context(authorization, ProjectsClient(upstreams["projects"], authorization),
                   FundsClient(upstreams["funds"], authorization),
                   EmploymentClient(upstreams["employment"], authorization),
                   CollaborationClient(upstreams["collaboration"], authorization),
                   ReportingClient(upstreams["reporting"], authorization))
