"""REST endpoints of road coverage (硬化道路)."""
from typing import Annotated

from fastapi import APIRouter, Query, Response

from contracts.roads import NaturalVillageRoad, RoadCoverage, RoadGap
from services.kit.concurrency import IfMatch, etag
from services.kit.ids import Id
from services.kit.pagination import MAX_PAGE, Page
from services.kit.values import Year
from services.kit.xlsx import XLSX
from services.projects.deps import CountyFigureReader, CountyOffice
from services.projects.roads import ledger, service
from services.projects.roads.schemas import RoadMarkIn

router = APIRouter(prefix="/roads", tags=["road coverage"])


def _with_etag(response: Response, road: NaturalVillageRoad) -> NaturalVillageRoad:
    response.headers["ETag"] = etag(road.version)
    return road


@router.get("/coverage", response_model=list[RoadCoverage],
            summary="Per county: qualifying natural villages, hardened, gaps, rate (硬化道路覆盖率)")
async def road_coverage(ctx: CountyFigureReader, year: Year) -> list[RoadCoverage]:
    """Each county in scope for the year."""
    return await service.coverage(ctx, year)


@router.get("/gaps", response_model=Page[RoadGap],
            summary="Qualifying natural villages without a hardened road, with the entries closing them")
async def road_gaps(ctx: CountyFigureReader, year: Year,
               county: Annotated[str | None, Query(description="县区代码")] = None,
               after: Annotated[str | None, Query(description="上一页返回的 next_cursor")] = None,
               limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> Page[RoadGap]:
    """The year's gaps in scope, by natural village id."""
    return await service.gaps(ctx, year, county, after, limit)


@router.get("/gaps/export.xlsx", response_class=Response, responses={200: {"content": {XLSX: {}}}},
            summary="Export the road gaps as .xlsx (未通硬化道路自然屯清单)")
async def export_road_gaps(ctx: CountyFigureReader, year: Year,
                      county: Annotated[str | None, Query(description="县区代码")] = None) -> Response:
    """The year's gaps in scope as an attachment."""
    return Response(await ledger.export_gaps(ctx, year, county), media_type=XLSX,
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''road-gaps-{year}.xlsx"})


@router.get("/natural-villages/{natural_village_id}", response_model=NaturalVillageRoad,
            summary="A natural village's road, with its ETag")
async def read_natural_village_road(natural_village_id: Id, ctx: CountyFigureReader,
                                    response: Response) -> NaturalVillageRoad:
    """One natural village's road."""
    return _with_etag(response, await service.read_road(ctx, natural_village_id))


@router.put("/natural-villages/{natural_village_id}", response_model=NaturalVillageRoad,
            summary="Mark a natural village's road hardened (or correct the mark); If-Match")
async def mark_natural_village_road(natural_village_id: Id, body: RoadMarkIn, ctx: CountyOffice, version: IfMatch,
                    response: Response) -> NaturalVillageRoad:
    """The road marked by the county office of its county."""
    return _with_etag(response, await service.mark_road(ctx, natural_village_id, version, body.road_hardened_on))
