"""Per-request DataLoaders: every lookup by id of one request answered by a single batch call to its service."""
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from strawberry.dataloader import DataLoader

from contracts.collaboration import CollaborationProjectRead
from contracts.employment import EmployerRead, LabourerRead
from contracts.funds import ProjectFunding
from contracts.places import VillageRead
from contracts.projects import ProjectRead
from gateway.collaboration_client import CollaborationClient
from gateway.employment_client import EmploymentClient
from gateway.funds_client import FundsClient
from gateway.projects_client import ProjectsClient

M = TypeVar("M")
MAX_BATCH = 200  # the services' largest ?ids= batch


class ByIdLoader(DataLoader[int, M | None]):
    """Loads by id through a batch read; None for ids the caller cannot see (or that do not exist).

    With `fetch_one`, a batch of a single id uses the service's read by id instead, which is cheaper than a batch
    read of one (the common `project(id)` query).
    """

    def __init__(self, fetch: Callable[[list[int]], Awaitable[list[M]]], key: Callable[[M], int],
                 fetch_one: Callable[[int], Awaitable[M | None]] | None = None) -> None:
        super().__init__(load_fn=self._load, max_batch_size=MAX_BATCH)
        self.fetch, self.key, self.fetch_one = fetch, key, fetch_one

    async def _load(self, ids: list[int]) -> list[M | None]:
        if self.fetch_one is not None and len(ids) == 1:
            return [await self.fetch_one(ids[0])]
        found = {self.key(x): x for x in await self.fetch(ids)}
        return [found.get(i) for i in ids]


def _id(read: ProjectRead | LabourerRead | EmployerRead | VillageRead) -> int:
    return read.id


def _project_id(read: ProjectFunding | CollaborationProjectRead) -> int:
    return read.project_id


@dataclass(frozen=True)
class DataLoaders:
    """The loaders of one request, each backed by its service's batch endpoint."""

    project_by_id: ByIdLoader[ProjectRead]  # GET /projects?ids= (GET /projects/{id} for one)
    funding_by_project_id: ByIdLoader[ProjectFunding]  # GET /funding?ids=
    labourer_by_id: ByIdLoader[LabourerRead]  # GET /labourers?ids=
    employer_by_id: ByIdLoader[EmployerRead]  # GET /employers?ids=
    collaboration_by_project_id: ByIdLoader[CollaborationProjectRead]  # GET /collaboration-projects?project_ids=
    village_by_id: ByIdLoader[VillageRead]  # GET /villages?ids= (the village registry, projects service)

    @classmethod
    def of(cls, projects: ProjectsClient, funds: FundsClient, employment: EmploymentClient,
           collaboration: CollaborationClient) -> "DataLoaders":
        """Fresh loaders for one request (a loader caches, so it must never outlive the request)."""
        return cls(project_by_id=ByIdLoader(projects.get_many, _id, projects.get),
                   funding_by_project_id=ByIdLoader(funds.funding, _project_id),
                   labourer_by_id=ByIdLoader(employment.labourers, _id),
                   employer_by_id=ByIdLoader(employment.employers, _id),
                   collaboration_by_project_id=ByIdLoader(collaboration.projects_of, _project_id),
                   village_by_id=ByIdLoader(projects.villages, _id))
