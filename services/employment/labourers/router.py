"""REST endpoints of labourers (贫困劳动力)."""
from typing import Annotated

from fastapi import APIRouter, Query, Response

from contracts.employment import LabourerRead
from services.employment.common import Reader, Writer, sees_whole_id
from services.employment.labourers import service
from services.employment.labourers.repository import LabourerRepository
from services.employment.labourers.schemas import LabourerCreate, labourer_read
from services.employment.states import Registration
from services.kit.contract import problems
from services.kit.db import Session
from services.kit.errors import not_found
from services.kit.ids import Id, IdList, ids_of
from services.kit.pagination import MAX_PAGE, Page, decode_cursor, page_of

router = APIRouter(prefix="/labourers", tags=["labourers"])


@router.post("", response_model=LabourerRead, status_code=201, summary="Register a labourer (劳动力登记)",
             responses=problems({409: "labourer.duplicate: the ID number is already registered"}))
async def register_labourer(entry: LabourerCreate, session: Session, principal: Writer,
                            response: Response) -> LabourerRead:
    """Register a labourer; the ID number's check digit and birth date are verified."""
    read = await service.register(session, principal, entry)
    response.headers["Location"] = f"/labourers/{read.id}"
    return read


@router.get("", response_model=Page[LabourerRead], summary="List or batch-read labourers")
async def list_labourers(
    session: Session,
    principal: Reader,
    county: Annotated[str | None, Query(description="户籍县区代码")] = None,
    registration: Registration | None = None,
    relocated: Annotated[bool | None, Query(description="易地扶贫搬迁户")] = None,
    ids: IdList = None,
    after: Annotated[str | None, Query(description="上一页返回的 next_cursor")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
) -> Page[LabourerRead]:
    """Labourers in the caller's county, newest first; ID numbers masked except for hr and admin."""
    repo, whole = LabourerRepository(session), sees_whole_id(principal)
    if ids is not None:
        found = await repo.get_many(ids_of(ids), principal)
        return Page(items=[labourer_read(r, whole) for r in found], next_cursor=None)
    rows = await repo.page(principal, county, registration, relocated, decode_cursor(after), limit)
    return page_of(rows, limit, lambda r: labourer_read(r, whole))


@router.get("/{labourer_id}", response_model=LabourerRead, summary="One labourer")
async def get_labourer(labourer_id: Id, session: Session, principal: Reader) -> LabourerRead:
    """One labourer; 404 also when outside the caller's county."""
    row = await LabourerRepository(session).get(labourer_id, principal)
    if row is None:
        raise not_found("labourer.not_found", f"劳动力 {labourer_id} 不存在或不在当前账号的查看范围内")
    return labourer_read(row, sees_whole_id(principal))
