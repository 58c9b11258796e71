"""REST endpoints of placements (就业安置)."""
from typing import Annotated

from fastapi import APIRouter, Query

from contracts.employment import PlacementRead
from services.employment.deps import Reader, Writer
from services.employment.placements import service
from services.employment.placements.schemas import PlacementCreate, PlacementEnd
from services.kit.contract import problems
from services.kit.ids import Id, IdFilter
from services.kit.pagination import MAX_PAGE, Page, decode_cursor
from services.kit.values import Day

router = APIRouter(prefix="/placements", tags=["placements"])


@router.post("", response_model=PlacementRead, status_code=201, summary="Place a labourer (就业安置)",
             responses=problems({404: "labourer.not_found, employer.not_found, group_project.not_found: a record named",
                                 409: "placement.overlap: an overlapping placement at the same employer"}))
async def place_labourer(entry: PlacementCreate, ctx: Writer) -> PlacementRead:
    """Place a labourer at an enterprise, group project, base enterprise, public-welfare post or workshop."""
    return await service.place(ctx, entry)


@router.post("/{placement_id}/end", response_model=PlacementRead, summary="End a placement")
async def end_placement(placement_id: Id, entry: PlacementEnd, ctx: Writer) -> PlacementRead:
    """Record the last day of a placement."""
    return await service.end(ctx, placement_id, entry)


@router.get("", response_model=Page[PlacementRead], summary="List placements")
async def list_placements(
    ctx: Reader,
    labourer_id: IdFilter = None,
    employer_id: IdFilter = None,
    project_id: IdFilter = None,
    active_on: Annotated[Day | None, Query(description="只列出该日在岗的安置")] = None,
    after: Annotated[str | None, Query(description="上一页返回的 next_cursor")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
) -> Page[PlacementRead]:
    """Placements of the caller's county's labourers, newest first."""
    return await service.list_placements(ctx, labourer_id, employer_id, project_id, active_on,
                                         decode_cursor(after), limit)


@router.get("/{placement_id}", response_model=PlacementRead, summary="One placement")
async def get_placement(placement_id: Id, ctx: Reader) -> PlacementRead:
    """One placement; 404 also when outside the caller's county."""
    return await service.get_placement(ctx, placement_id)
