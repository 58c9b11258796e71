"""REST endpoints of the village registry (村屯名录): townships, administrative villages, natural villages."""
from typing import Annotated

from fastapi import APIRouter, File, Query, Response, UploadFile

from contracts.places import NaturalVillageRead, TownshipRead, VillageDetail, VillageRead
from services.kit.body_limit import UPLOAD_RESPONSES
from services.kit.concurrency import IfMatch, etag
from services.kit.contract import problems
from services.kit.ids import Id, IdFilter, IdList, ids_of
from services.kit.pagination import MAX_PAGE, Page, decode_cursor
from services.kit.values import Year
from services.kit.xlsx import XLSX
from services.projects.deps import Actor, Reader, RegistryKeeper
from services.projects.places import editing, ledger, service
from services.projects.places.schemas import (
    NaturalVillageIn,
    TownshipCreate,
    VillageCreate,
    VillageUpdate,
    VillageYearIn,
)

router = APIRouter(tags=["village registry"])

County = Annotated[str | None, Query(description="县区代码")]
After = Annotated[str | None, Query(description="上一页返回的 next_cursor")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Prefix = Annotated[str | None, Query(max_length=60, description="名称前缀")]
KEEPER = problems({403: "auth.out_of_scope: another county's registry", 409: "duplicate name",
                   412: "precondition.failed: changed since read", 428: "precondition.required: If-Match missing"})


def tagged(response: Response, read: VillageDetail) -> VillageDetail:
    """The village with its version as the ETag the next edit brings back in If-Match."""
    response.headers["ETag"] = etag(read.version)
    return read


@router.get("/villages/export.xlsx", response_class=Response, responses={200: {"content": {XLSX: {}}}},
            summary="Export a county's registry as .xlsx (村屯名录)")
async def export_registry(ctx: Actor, county: County = None) -> Response:
    """Two sheets, 行政村 (one row per village and year) and 自然屯, in the import's layout."""
    return Response(await ledger.export_registry(ctx, county), media_type=XLSX,
                    headers={"Content-Disposition": "attachment; filename*=UTF-8''village-registry.xlsx"})


@router.post("/villages/import.xlsx", response_model=list[VillageRead], status_code=201, responses=UPLOAD_RESPONSES,
             summary="Import a county's registry: all rows or none, matched by names (re-import is idempotent)")
async def import_registry(ctx: RegistryKeeper,
                          file: Annotated[UploadFile, File(description=".xlsx，工作表“行政村”和“自然屯”，表头同导出")],
                          county: County = None) -> list[VillageRead]:
    """One workbook of townships, villages, yearly figures and natural villages; every bad row is reported."""
    return await ledger.import_registry(ctx, county, file)


@router.get("/townships", response_model=Page[TownshipRead], summary="List townships (乡镇)")
async def list_townships(ctx: Reader, county: County = None, name: Prefix = None, after: After = None,
                         limit: Limit = 50) -> Page[TownshipRead]:
    """Townships in the caller's scope in id order."""
    return await service.list_townships(ctx, county, name, decode_cursor(after), limit)


@router.post("/townships", response_model=TownshipRead, status_code=201, summary="Add a township (乡镇)",
             responses=problems({403: "auth.out_of_scope", 409: "township.duplicate"}))
async def create_township(entry: TownshipCreate, ctx: RegistryKeeper) -> TownshipRead:
    """A new township of the caller's county."""
    return await service.create_township(ctx, entry)


@router.get("/villages", response_model=Page[VillageRead], summary="List or batch-read administrative villages")
async def list_villages(
    ctx: Reader, county: County = None, township_id: IdFilter = None,
    poor: Annotated[bool | None, Query(description="只看贫困村（true）或非贫困村（false）")] = None,
    name: Prefix = None, ids: IdList = None, after: After = None, limit: Limit = 50,
) -> Page[VillageRead]:
    """Villages in the caller's scope in id order; `ids` batch-reads instead."""
    return await service.list_villages(ctx, county, township_id, poor, name, None if ids is None else ids_of(ids),
                                       decode_cursor(after), limit)


@router.post("/villages", response_model=VillageDetail, status_code=201, summary="Add an administrative village",
             responses=problems({403: "auth.out_of_scope", 409: "village.duplicate",
                                 422: "village.unknown_township or request.invalid"}))
async def create_village(entry: VillageCreate, ctx: RegistryKeeper, response: Response) -> VillageDetail:
    """A new village of a township of the caller's county."""
    read = await editing.create_village(ctx, entry)
    response.headers["Location"] = f"/villages/{read.id}"
    return tagged(response, read)


@router.get("/villages/{village_id}", response_model=VillageDetail, summary="One village with figures")
async def get_village(village_id: Id, ctx: Reader, response: Response) -> VillageDetail:
    """One village with its yearly figures and natural villages; 404 also outside the caller's county."""
    return tagged(response, await service.get_village(ctx, village_id))


@router.put("/villages/{village_id}", response_model=VillageDetail, responses=KEEPER,
            summary="Edit a village's name and poor-village marks (If-Match)")
async def update_village(village_id: Id, changes: VillageUpdate, ctx: RegistryKeeper, version: IfMatch,
                         response: Response) -> VillageDetail:
    """Rename or re-mark a village read at the If-Match version."""
    return tagged(response, await editing.update_village(ctx, village_id, version, changes))


@router.put("/villages/{village_id}/years/{figures_year}", response_model=VillageDetail, responses=KEEPER,
            summary="Set one year's figures of a village (If-Match)")
async def put_year(village_id: Id, figures_year: Year, figures: VillageYearIn, ctx: RegistryKeeper, version: IfMatch,
                   response: Response) -> VillageDetail:
    """Households, poor households and poverty incidence of one year; other years are kept."""
    return tagged(response, await editing.put_year(ctx, village_id, figures_year, version, figures))


@router.post("/villages/{village_id}/natural-villages", response_model=VillageDetail, status_code=201,
             responses=KEEPER, summary="Add a natural village (自然屯) to a village (If-Match on the village)")
async def add_natural_village(village_id: Id, entry: NaturalVillageIn, ctx: RegistryKeeper, version: IfMatch,
                              response: Response) -> VillageDetail:
    """A new natural village; answers the village with its natural villages."""
    return tagged(response, await editing.add_natural_village(ctx, village_id, version, entry))


@router.get("/natural-villages", response_model=Page[NaturalVillageRead], summary="List natural villages (自然屯)")
async def list_natural_villages(
    ctx: Reader, county: County = None, village_id: IdFilter = None,
    hardened: Annotated[bool | None, Query(description="是否已通硬化道路")] = None,
    ids: IdList = None, after: After = None, limit: Limit = 50,
) -> Page[NaturalVillageRead]:
    """Natural villages in the caller's scope in id order; `ids` batch-reads instead."""
    return await service.list_natural_villages(ctx, county, village_id, hardened,
                                               None if ids is None else ids_of(ids), decode_cursor(after), limit)


@router.put("/natural-villages/{natural_village_id}", response_model=NaturalVillageRead, responses=KEEPER,
            summary="Edit a natural village: households, hardened road (If-Match)")
async def update_natural_village(natural_village_id: Id, entry: NaturalVillageIn, ctx: RegistryKeeper,
                                 version: IfMatch, response: Response) -> NaturalVillageRead:
    """Change a natural village read at the If-Match version."""
    read = await editing.update_natural_village(ctx, natural_village_id, version, entry)
    response.headers["ETag"] = etag(read.version)
    return read
