"""REST endpoints of the village collective economy (村级集体经济)."""
from typing import Annotated, Any

from fastapi import APIRouter, File, Query, Response, UploadFile

from contracts.collective import (
    CollectiveGap,
    CollectiveIncomeRead,
    CollectiveProject,
    CollectiveSummary,
    ShareConversionRead,
)
from services.kit.body_limit import UPLOAD_RESPONSES
from services.kit.concurrency import IfMatch, etag
from services.kit.contract import problems
from services.kit.ids import Id, IdFilter
from services.kit.pagination import MAX_PAGE, Page
from services.kit.values import Year
from services.kit.xlsx import XLSX
from services.projects.collective import holdings, ledger, service
from services.projects.collective.schemas import ExpectedIncomeIn, IncomeAmounts, IncomeIn, ShareConversionIn
from services.projects.deps import CountyFigureReader, CountyOffice

router = APIRouter(prefix="/collective", tags=["collective economy"])
County = Annotated[str | None, Query(description="县区代码")]
After = Annotated[str | None, Query(description="上一页返回的 next_cursor")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
FILE: dict[int | str, dict[str, Any]] = {200: {"content": {XLSX: {}}}}


def _attachment(content: bytes, name: str) -> Response:
    return Response(content, media_type=XLSX, headers={"Content-Disposition": f"attachment; filename*=UTF-8''{name}"})


def _with_etag(response: Response, income: CollectiveIncomeRead) -> CollectiveIncomeRead:
    response.headers["ETag"] = etag(income.version)
    return income


@router.post("/incomes", response_model=CollectiveIncomeRead, status_code=201,
             summary="Record a village's collective income for a year (村级集体经济收入填报)",
             responses=problems({404: "village.not_found", 409: "collective_income.exists (income_id names it)"}))
async def record_collective_income(body: IncomeIn, ctx: CountyOffice, response: Response) -> CollectiveIncomeRead:
    """A village's income by source for a year, by its county office."""
    income = await service.record_income(ctx, body)
    response.headers["Location"] = f"/collective/incomes/{income.id}"
    return _with_etag(response, income)


@router.get("/incomes", response_model=Page[CollectiveIncomeRead], summary="Collective income records in scope")
async def list_collective_incomes(ctx: CountyFigureReader, county: County = None, village_id: IdFilter = None,
                       year: Year | None = None, after: After = None, limit: Limit = 50) -> Page[CollectiveIncomeRead]:
    """Records in the caller's scope, oldest first, keyset-paginated."""
    return await service.list_incomes(ctx, county, village_id, year, after, limit)


@router.get("/incomes/export.xlsx", response_class=Response, responses=FILE,
            summary="Export collective income records as .xlsx (村级集体经济收入台账)")
async def export_collective_incomes(ctx: CountyFigureReader, county: County = None,
                                   year: Year | None = None) -> Response:
    """The records in scope, with the import's headers plus totals."""
    return _attachment(await ledger.export_incomes(ctx, county, year), "collective-incomes.xlsx")


@router.post("/incomes/import.xlsx", response_model=list[CollectiveIncomeRead], status_code=201,
             responses=UPLOAD_RESPONSES, summary="Import a county's incomes from .xlsx: all rows or none")
async def import_collective_incomes(ctx: CountyOffice, file: Annotated[UploadFile, File(
        description=".xlsx，表头：乡镇、行政村、年度、入股分红（元）、资源发包租赁（元）、经营收入（元）、其他收入（元）")],
                         ) -> list[CollectiveIncomeRead]:
    """A ledger of the caller's county; every bad cell and unknown village is reported, nothing stored."""
    return await ledger.import_incomes(ctx, file)


@router.get("/incomes/{income_id}", response_model=CollectiveIncomeRead, summary="One collective income record")
async def read_collective_income(income_id: Id, ctx: CountyFigureReader, response: Response) -> CollectiveIncomeRead:
    """One record with its ETag."""
    return _with_etag(response, await service.read_income(ctx, income_id))


@router.put("/incomes/{income_id}", response_model=CollectiveIncomeRead,
            summary="Correct a record's amounts (If-Match: the version read)")
async def correct_collective_income(income_id: Id, body: IncomeAmounts, ctx: CountyOffice, version: IfMatch,
                         response: Response) -> CollectiveIncomeRead:
    """New amounts for a record of the caller's county."""
    return _with_etag(response, await service.correct_income(ctx, income_id, version, body))


@router.get("/gaps", response_model=Page[CollectiveGap],
            summary="Villages below the collective-income target in a year, with their trend (未达标村)")
async def collective_gaps(ctx: CountyFigureReader, year: Year, county: County = None, after: After = None,
               limit: Limit = 50) -> Page[CollectiveGap]:
    """Villages below target (or not reported) in the year, by village id."""
    return await service.gaps(ctx, year, county, after, limit)


@router.get("/gaps/export.xlsx", response_class=Response, responses=FILE,
            summary="Export the villages below target as .xlsx (集体经济未达标村清单)")
async def export_collective_gaps(ctx: CountyFigureReader, year: Year, county: County = None) -> Response:
    """The gap list of the year in scope."""
    return _attachment(await ledger.export_gaps(ctx, year, county), f"collective-gaps-{year}.xlsx")


@router.get("/summary", response_model=list[CollectiveSummary],
            summary="Per county: villages, reaching the target, below it, rate (村级集体经济达标情况)")
async def collective_summary(ctx: CountyFigureReader, year: Year) -> list[CollectiveSummary]:
    """Each county in scope for the year."""
    return await service.summary(ctx, year)


@router.get("/projects", response_model=Page[CollectiveProject],
            summary="Collective-economy entries in their villages with their expected income")
async def list_collective_projects(ctx: CountyFigureReader, county: County = None, village_id: IdFilter = None,
                       after: After = None, limit: Limit = 50) -> Page[CollectiveProject]:
    """Collective-economy entries with a registry village, by id."""
    return await holdings.list_entries(ctx, county, village_id, after, limit)


@router.put("/projects/{project_id}/expected-income", response_model=CollectiveProject,
            summary="Set the income a collective-economy entry is expected to bring (If-Match \"0\" when new)",
            responses=problems({409: "collective.not_collective_economy, collective.no_village"}))
async def set_expected_income(project_id: Id, body: ExpectedIncomeIn, ctx: CountyOffice,
                              version: IfMatch) -> CollectiveProject:
    """The entry's expected yearly income for its village."""
    return await holdings.set_expected_income(ctx, project_id, version, body.amount)


@router.post("/shares", response_model=ShareConversionRead, status_code=201,
             summary="Record a 三变 share conversion (资金变股金、农民变股东)",
             responses=problems({404: "village.not_found, project.not_found (outside the caller's county too)",
                                 409: "collective.other_county"}))
async def record_share_conversion(body: ShareConversionIn, ctx: CountyOffice) -> ShareConversionRead:
    """An entry turning funds into a village's shares, by the county office."""
    return await holdings.record_shares(ctx, body)


@router.get("/shares", response_model=Page[ShareConversionRead], summary="三变 share records per village or county")
async def list_share_conversions(ctx: CountyFigureReader, county: County = None, village_id: IdFilter = None,
                      project_id: IdFilter = None, after: After = None,
                      limit: Limit = 50) -> Page[ShareConversionRead]:
    """Share records in scope, by id."""
    return await holdings.list_shares(ctx, county, village_id, project_id, after, limit)
