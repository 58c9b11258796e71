"""REST endpoints of placements (就业安置)."""
from typing import Annotated

from fastapi import APIRouter, Query

from contracts.employment import PlacementRead
from services.employment.common import Reader, Writer, sees_whole_id
from services.employment.placements import service
from services.employment.placements.repository import PlacementRepository
from services.employment.placements.schemas import PlacementCreate, PlacementEnd, placement_read
from services.kit.contract import problems
from services.kit.db import Session
from services.kit.errors import not_found
from services.kit.ids import Id, IdFilter
from services.kit.pagination import MAX_PAGE, Page, decode_cursor, page_of
from services.kit.values import Day

router = APIRouter(prefix="/placements", tags=["placements"])


@router.post("", response_model=PlacementRead, status_code=201, summary="Place a labourer (就业安置)",
             responses=problems({404: "labourer.not_found, employer.not_found, group_project.not_found: a record named",
                                 409: "placement.overlap: an overlapping placement at the same employer"}))
async def place_labourer(entry: PlacementCreate, session: Session, principal: Writer) -> PlacementRead:
    """Place a labourer at an enterprise, group project, base enterprise, public-welfare post or workshop."""
    return await service.place(session, principal, entry)


@router.post("/{placement_id}/end", response_model=PlacementRead, summary="End a placement")
async def end_placement(placement_id: Id, entry: PlacementEnd, session: Session,
                        principal: Writer) -> PlacementRead:
    """Record the last day of a placement."""
    return await service.end(session, principal, placement_id, entry)


@router.get("", response_model=Page[PlacementRead], summary="List placements")
async def list_placements(
    session: Session,
    principal: Reader,
    labourer_id: IdFilter = None,
    employer_id: IdFilter = None,
    project_id: IdFilter = None,
    active_on: Annotated[Day | None, Query(description="只列出该日在岗的安置")] = None,
    after: Annotated[str | None, Query(description="上一页返回的 next_cursor")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
) -> Page[PlacementRead]:
    """Placements of the caller's county's labourers, newest first."""
    rows = await PlacementRepository(session).page(principal, labourer_id, employer_id, project_id, active_on,
                                                   decode_cursor(after), limit)
    whole = sees_whole_id(principal)
    return page_of(rows, limit, lambda row: placement_read(*row, whole), key=lambda row: row[0].id)


@router.get("/{placement_id}", response_model=PlacementRead, summary="One placement")
async def get_placement(placement_id: Id, session: Session, principal: Reader) -> PlacementRead:
    """One placement; 404 also when outside the caller's county."""
    found = await PlacementRepository(session).get(placement_id, principal)
    if found is None:
        raise not_found("placement.not_found", f"安置记录 {placement_id} 不存在或不在查看范围内")
    return placement_read(*found, sees_whole_id(principal))
