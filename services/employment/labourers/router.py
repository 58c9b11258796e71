"""REST endpoints of labourers (贫困劳动力)."""
from typing import Annotated

from fastapi import APIRouter, Query, Response

from contracts.employment import LabourerRead
from services.employment.deps import Reader, Writer
from services.employment.labourers import places, service
from services.employment.labourers.schemas import LabourerCreate
from services.employment.terms import Registration
from services.kit.contract import problems
from services.kit.ids import Id, IdList, ids_of
from services.kit.pagination import MAX_PAGE, Page, decode_cursor

router = APIRouter(prefix="/labourers", tags=["labourers"])


@router.post("", response_model=LabourerRead, status_code=201, summary="Register a labourer (劳动力登记)",
             responses=problems({409: "labourer.duplicate: the ID number is already registered",
                                 422: "labourer.unknown_village: not a village of the county's registry",
                                 503: "employment.registry_unavailable: the projects service does not answer"}))
async def register_labourer(entry: LabourerCreate, ctx: Writer, response: Response) -> LabourerRead:
    """Register a labourer in a registry village; the ID number's check digit and birth date are verified."""
    registry = await places.look_up(ctx, [entry])  # first: no network call inside the request's transaction
    read = await service.register(ctx, entry, registry)
    response.headers["Location"] = f"/labourers/{read.id}"
    return read


@router.get("", response_model=Page[LabourerRead], summary="List or batch-read labourers")
async def list_labourers(
    ctx: Reader,
    county: Annotated[str | None, Query(description="户籍县区代码")] = None,
    registration: Registration | None = None,
    relocated: Annotated[bool | None, Query(description="易地扶贫搬迁户")] = None,
    ids: IdList = None,
    after: Annotated[str | None, Query(description="上一页返回的 next_cursor")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
) -> Page[LabourerRead]:
    """Labourers in the caller's county, newest first; ID numbers masked except for hr and admin."""
    if ids is not None:
        return await service.labourers_by_ids(ctx, ids_of(ids))
    return await service.list_labourers(ctx, county, registration, relocated, decode_cursor(after), limit)


@router.get("/{labourer_id}", response_model=LabourerRead, summary="One labourer")
async def get_labourer(labourer_id: Id, ctx: Reader) -> LabourerRead:
    """One labourer; 404 also when outside the caller's county."""
    return await service.get_labourer(ctx, labourer_id)
