"""REST endpoints of monthly bulletins (月度通报): preview, issue, every edition, the list of editions."""
from typing import Annotated

from fastapi import APIRouter, Query, Response

from contracts.month_figures import MonthText
from contracts.reporting import Bulletin, BulletinEdition, BulletinIssue
from services.kit.contract import problems
from services.kit.pagination import MAX_PAGE, Page, decode_cursor, page_of
from services.kit.xlsx import XLSX
from services.reporting.bulletins import service
from services.reporting.bulletins.excel import bulletin_xlsx
from services.reporting.deps import CityOffice, ReadOnly

router = APIRouter(prefix="/bulletins", tags=["bulletins"])
UPSTREAM = "reporting.upstream_unavailable: a service the figures come from does not answer (nothing stored)"


@router.get("", response_model=Page[BulletinEdition], summary="Issued editions, newest first (通报版次)")
async def list_editions(ctx: ReadOnly, month: MonthText | None = None, after: str | None = None,
                        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> Page[BulletinEdition]:
    rows = await service.editions(ctx, month, decode_cursor(after), limit)
    return page_of(rows, limit, service.edition_read)


@router.get("/{month}/preview", response_model=Bulletin, responses=problems({503: UPSTREAM}),
            summary="The month's draft computed now, not stored (预览)")
async def preview_bulletin(month: MonthText, ctx: ReadOnly,
                           change: Annotated[bool, Query(description="是否计算名次变化（需读取上月数据）")] = True
                           ) -> Bulletin:
    return await service.preview(ctx, month, change)


@router.get("/{month}/export.xlsx", response_class=Response, responses={200: {"content": {XLSX: {}}}},
            summary="The bulletin as an Excel sheet: an issued edition (newest by default), or draft=true")
async def export_bulletin(month: MonthText, ctx: ReadOnly, draft: bool = False,
                          edition: Annotated[int | None, Query(ge=1, le=1000, description="版次；默认最新")] = None
                          ) -> Response:
    bulletin = await (service.preview(ctx, month) if draft else service.issued(ctx, month, edition))
    name = f"bulletin-{month}-{'draft' if bulletin.edition is None else bulletin.edition}.xlsx"
    return Response(bulletin_xlsx(bulletin), media_type=XLSX,
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{name}"})


@router.get("/{month}", response_model=Bulletin, summary="An issued edition exactly as issued (newest by default)")
async def issued_bulletin(month: MonthText, ctx: ReadOnly,
                          edition: Annotated[int | None, Query(ge=1, le=1000, description="版次；默认最新")] = None
                          ) -> Bulletin:
    return await service.issued(ctx, month, edition)


@router.post("/{month}/issue", response_model=Bulletin, status_code=201,
             responses=problems({409: "bulletin.edition_conflict", 503: UPSTREAM}),
             summary="Issue the month's bulletin (印发): its figures are frozen; again = a correction with a reason")
async def issue_bulletin(month: MonthText, body: BulletinIssue, ctx: CityOffice) -> Bulletin:
    return await service.issue(ctx, month, body)
