"""REST endpoints of quota compliance (用工比例达标情况)."""
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from contracts.employment import BreachReport, Compliance
from services.employment.deps import Reader
from services.employment.quotas import service
from services.employment.terms import QuotaKind, QuotaStatus
from services.kit.ids import MAX_ID
from services.kit.pagination import MAX_PAGE, Page, decode_cursor

router = APIRouter(prefix="/quotas", tags=["quotas"])
PeriodText = Annotated[str, Query(description="YYYY（骨干企业，年度）或 YYYY-MM（集团项目，月份）")]


@router.get("/compliance", response_model=Page[Compliance], summary="Quota compliance for one period")
async def compliance(
    ctx: Reader,
    kind: QuotaKind,
    period: PeriodText,
    county: Annotated[str | None, Query(description="县区代码")] = None,
    subject_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="骨干企业 id 或在建项目 id")] = None,
    group_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="集团公司 id（只列其在建项目）")] = None,
    status: QuotaStatus | None = None,
    after: Annotated[str | None, Query(description="上一页返回的 next_cursor")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
) -> Page[Compliance]:
    """Each enterprise's year or each group project's month: placed, reported total, ratio and status."""
    return await service.compliance_page(ctx, kind, period, county, subject_id, group_id, status,
                                         decode_cursor(after), limit)


@router.get("/breaches", response_model=BreachReport, summary="Breaches per county or group, with trend")
async def breaches(
    ctx: Reader,
    kind: QuotaKind,
    period_from: Annotated[str, Query(alias="from", description="起始期间")],
    period_to: Annotated[str, Query(alias="to", description="结束期间")],
    by: Literal["county", "group"] = "county",
) -> BreachReport:
    """Per county (or per group, for group projects) and period: subjects, breaches and not-reported."""
    return await service.breach_report(ctx, kind, period_from, period_to, by)
