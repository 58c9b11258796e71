"""REST endpoints of collaboration projects (粤桂扶贫协作项目库)."""
import logging
from typing import Annotated

import httpx
from fastapi import APIRouter, Query, Response
from starlette.datastructures import State

from contracts.collaboration import CollaborationProjectRead
from services.collaboration.common import CountyFilter
from services.collaboration.deps import Reader, Reporter
from services.collaboration.feeds.follower import catch_up
from services.collaboration.projects import service
from services.collaboration.projects.schemas import CollaborationProjectCreate, CollaborationProjectUpdate
from services.collaboration.records import tagged
from services.kit.concurrency import IfMatch
from services.kit.contract import problems
from services.kit.ids import Id, IdFilter, IdList, ids_of
from services.kit.pagination import MAX_PAGE, Page, decode_cursor

router = APIRouter(tags=["collaboration projects"])
Cursor = Annotated[str | None, Query(description="上一页返回的 next_cursor")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
log = logging.getLogger("collaboration.projects")


async def fresh(state: State, feed: str) -> None:
    """Catch up a feed before a change that depends on it (no transaction is open yet); when the other service
    does not answer, what is already kept is used."""
    try:
        await catch_up(state, feed)
    except (httpx.HTTPError, ValueError, KeyError) as exc:
        log.warning("%s feed not caught up before a change: %s", feed, type(exc).__name__)


@router.post("/collaboration-projects", response_model=CollaborationProjectRead, status_code=201,
             summary="Register a library entry as a collaboration project",
             responses=problems({409: "collaboration.project_unknown / project_ended / project_registered",
                                 422: "collaboration.linkage_required / pairing_not_found / pairing_other_county"}))
async def register_project(entry: CollaborationProjectCreate, ctx: Reporter, response: Response
                           ) -> CollaborationProjectRead:
    """Link an entry of the project library to a pairing with its Guangdong share and linkage (带贫减贫机制)."""
    await fresh(ctx.state, "projects")
    return tagged(response, await service.register(ctx, entry))


@router.get("/collaboration-projects", response_model=Page[CollaborationProjectRead],
            summary="List or batch-read collaboration projects (by registration or by library entry ids)")
async def list_projects(ctx: Reader, county: CountyFilter = None, pairing_id: IdFilter = None, ids: IdList = None,
                        project_ids: Annotated[IdList, Query(description="按项目库项目 id 批量读取")] = None,
                        after: Cursor = None, limit: Limit = 50) -> Page[CollaborationProjectRead]:
    """Collaboration projects in the caller's county with their entry's name and status (kept from the projects
    feed, so this list works while the projects service is down) and their money; `ids` or `project_ids`
    batch-read instead."""
    return await service.listing(ctx, county, pairing_id, ids_of(ids) if ids is not None else None,
                                 ids_of(project_ids) if project_ids is not None else None, decode_cursor(after), limit)


@router.get("/collaboration-projects/{collaboration_project_id}", response_model=CollaborationProjectRead,
            summary="One collaboration project")
async def get_project(collaboration_project_id: Id, ctx: Reader, response: Response) -> CollaborationProjectRead:
    """One collaboration project with its ETag; 404 also when outside the caller's scope."""
    (read,) = await service.reads(ctx, [await service.get(ctx, collaboration_project_id)])
    return tagged(response, read)


@router.patch("/collaboration-projects/{collaboration_project_id}", response_model=CollaborationProjectRead,
              summary="Edit a collaboration project's share or households (If-Match)")
async def update_project(collaboration_project_id: Id, changes: CollaborationProjectUpdate, ctx: Reporter,
                         version: IfMatch, response: Response) -> CollaborationProjectRead:
    """Change the Guangdong share or the households promised and delivered."""
    return tagged(response, await service.update(ctx, collaboration_project_id, changes, version))
