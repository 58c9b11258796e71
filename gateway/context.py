"""The typed per-request context: the caller's token, service clients and DataLoaders."""
from fastapi import Request
from strawberry.fastapi import BaseContext

from gateway.employment_client import EmploymentClient
from gateway.funds_client import FundsClient
from gateway.loaders.employer_by_id import EmployerByIdLoader
from gateway.loaders.funding_by_project_id import FundingByProjectIdLoader
from gateway.loaders.labourer_by_id import LabourerByIdLoader
from gateway.loaders.project_by_id import ProjectByIdLoader
from gateway.projects_client import ProjectsClient


class Context(BaseContext):
    """What every resolver of one request shares."""

    def __init__(self, authorization: str | None, projects: ProjectsClient, funds: FundsClient | None = None,
                 employment: EmploymentClient | None = None) -> None:
        super().__init__()
        self.authorization = authorization
        self.projects = projects
        self.project_by_id = ProjectByIdLoader(projects)
        self.funds = funds
        self.funding_by_project_id = FundingByProjectIdLoader(funds) if funds else None
        self.employment = employment
        self.labourer_by_id = LabourerByIdLoader(employment) if employment else None
        self.employer_by_id = EmployerByIdLoader(employment) if employment else None


async def get_context(request: Request) -> Context:
    """Build the context from the app's shared clients and the caller's Authorization header."""
    authorization = request.headers.get("authorization")
    upstreams = request.app.state.upstreams
    return Context(authorization, ProjectsClient(upstreams["projects"], authorization),
                   funds=FundsClient(upstreams["funds"], authorization),
                   employment=EmploymentClient(upstreams["employment"], authorization))
