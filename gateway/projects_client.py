"""The gateway's typed client of the projects service: every route it calls, each answering a contract model."""
from contracts.page import Page
from contracts.places import NaturalVillageRead, TownshipRead, VillageDetail, VillageRead
from contracts.projects import (
    Candidate,
    CountyCount,
    FigureRead,
    HistoryRead,
    ObjectionRead,
    PlanMembership,
    PlanRead,
    ProjectRead,
)
from gateway.upstream import Caller, Endpoint, UpstreamProblem, ids_param

PROJECTS = Endpoint("GET", "/projects", Page[ProjectRead])
PROJECT = Endpoint("GET", "/projects/{project_id}", ProjectRead)
SUBMIT = Endpoint("POST", "/projects", ProjectRead)
EDIT = Endpoint("PUT", "/projects/{project_id}", ProjectRead)
IMPORT = Endpoint("POST", "/projects/import", list[ProjectRead])
TIMELINE = Endpoint("GET", "/projects/{project_id}/timeline", list[HistoryRead])
OBJECTIONS = Endpoint("GET", "/projects/{project_id}/objections", list[ObjectionRead])
LODGE_OBJECTION = Endpoint("POST", "/projects/{project_id}/objections", ObjectionRead)
RESOLVE_OBJECTION = Endpoint("POST", "/projects/{project_id}/objections/{objection_id}/resolution", ProjectRead)
PLANS = Endpoint("GET", "/plans", list[PlanRead])
PLAN = Endpoint("GET", "/plans/{county}/{year}", PlanRead)
ROLL_OVER = Endpoint("POST", "/plans/{county}/{year}/rollover", PlanRead)
ADJUST = Endpoint("POST", "/plans/{county}/{year}/adjustments", PlanRead)
CANDIDATES = Endpoint("GET", "/clearout/candidates", Page[Candidate])
CLEAROUT_SUMMARY = Endpoint("GET", "/clearout/summary", list[CountyCount])
PROJECT_PLANS = Endpoint("GET", "/projects/{project_id}/plans", list[PlanMembership])
FIGURES = Endpoint("GET", "/figures", list[FigureRead])
TOWNSHIPS = Endpoint("GET", "/townships", Page[TownshipRead])
CREATE_TOWNSHIP = Endpoint("POST", "/townships", TownshipRead)
VILLAGES = Endpoint("GET", "/villages", Page[VillageRead])
VILLAGE = Endpoint("GET", "/villages/{village_id}", VillageDetail)
CREATE_VILLAGE = Endpoint("POST", "/villages", VillageDetail)
UPDATE_VILLAGE = Endpoint("PUT", "/villages/{village_id}", VillageDetail)
SET_VILLAGE_YEAR = Endpoint("PUT", "/villages/{village_id}/years/{figures_year}", VillageDetail)
ADD_NATURAL_VILLAGE = Endpoint("POST", "/villages/{village_id}/natural-villages", VillageDetail)
UPDATE_NATURAL_VILLAGE = Endpoint("PUT", "/natural-villages/{natural_village_id}", NaturalVillageRead)
# One endpoint per action on an entry; each answers the entry as it now stands.
ACTIONS = {action: Endpoint("POST", f"/projects/{{project_id}}/{action}", ProjectRead)
           for action in ("review", "resubmit", "admit", "schedule", "start", "progress", "complete", "accept",
                          "settle", "cancel", "clear")}


class ProjectsClient(Caller):
    """Calls the projects service REST API on behalf of one caller."""

    async def get(self, project_id: int) -> ProjectRead | None:
        """Read by id (the service's lean single read); None when the caller cannot see it or it does not exist."""
        try:
            return await self.call(PROJECT, path_params={"project_id": project_id})
        except UpstreamProblem as problem:
            if problem.status == 404:
                return None
            raise

    async def get_many(self, ids: list[int]) -> list[ProjectRead]:
        """Batch read: the visible entries among ids."""
        page = await self.call(PROJECTS, params=ids_param(ids))
        return page.items

    async def villages(self, ids: list[int]) -> list[VillageRead]:
        """Batch read of registry villages: the visible ones among ids."""
        page = await self.call(VILLAGES, params=ids_param(ids))
        return page.items

    async def village(self, village_id: int) -> VillageDetail | None:
        """One registry village with its figures; None when the caller cannot see it or it does not exist."""
        try:
            return await self.call(VILLAGE, path_params={"village_id": village_id})
        except UpstreamProblem as problem:
            if problem.status == 404:
                return None
            raise
