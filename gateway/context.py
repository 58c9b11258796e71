"""The typed per-request context: the caller's token, service clients and DataLoaders."""
from fastapi import Request
from strawberry.fastapi import BaseContext

from gateway.loaders.project_by_id import ProjectByIdLoader
from gateway.projects_client import ProjectsClient


class Context(BaseContext):
    """What every resolver of one request shares."""

    def __init__(self, authorization: str | None, projects: ProjectsClient) -> None:
        super().__init__()
        self.authorization = authorization
        self.projects = projects
        self.project_by_id = ProjectByIdLoader(projects)


async def get_context(request: Request) -> Context:
    """Build the context from the app's shared clients and the caller's Authorization header."""
    authorization = request.headers.get("authorization")
    return Context(authorization, ProjectsClient(request.app.state.upstreams["projects"], authorization))
