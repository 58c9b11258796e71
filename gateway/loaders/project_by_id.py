"""ProjectByIdLoader: every project lookup of one request in a single batch call."""
from typing import Any

from strawberry.dataloader import DataLoader

from gateway.projects_client import ProjectsClient


class ProjectByIdLoader(DataLoader[int, dict[str, Any] | None]):
    """Loads projects by id through GET /projects?ids=…; None for ids the caller cannot see."""

    def __init__(self, projects: ProjectsClient) -> None:
        super().__init__(load_fn=self._load, max_batch_size=200)
        self.projects = projects

    async def _load(self, ids: list[int]) -> list[dict[str, Any] | None]:
        found = {p["id"]: p for p in await self.projects.get_many(ids)}
        return [found.get(i) for i in ids]
