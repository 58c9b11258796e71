"""REST endpoints of idle funds: list, sums by dimension, class override."""
from typing import Annotated

from fastapi import APIRouter, Query

from contracts.enums import ItemKind
from contracts.funds import IdleItem, IdleSum
from services.funds.deps import Finance, Reader
from services.funds.idle import service
from services.funds.idle.schemas import ClassOverride, IdleFilter
from services.funds.terms import IDLE_GROUPS, AgeBucket, IdleClass, SourceLevel
from services.kit.errors import FieldError, unprocessable
from services.kit.ids import Id, IdList, ids_of
from services.kit.pagination import MAX_PAGE, Page
from services.kit.values import Year

router = APIRouter(prefix="/idle-funds", tags=["idle funds"])
BY = "逗号分隔的汇总维度：" + "、".join(IDLE_GROUPS)


@router.get("", response_model=Page[IdleItem],
            summary="Idle items in scope, largest first, page by page (闲置资金清单)")
async def list_idle(ctx: Reader, county: str | None = None, source_level: SourceLevel | None = None,
                    year: Year | None = None, idle_class: IdleClass | None = None, age_bucket: AgeBucket | None = None,
                    project_ids: IdList = None,
                    after: str | None = None, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> Page[IdleItem]:
    """Idle items in the caller's scope, largest first; the cursor carries the amount, kind and id."""
    ids = tuple(ids_of(project_ids)) if project_ids else None
    f = IdleFilter(county=county, source_level=source_level, year=year, idle_class=idle_class,
                   age_bucket=age_bucket, project_ids=ids)
    return await service.page_items(ctx, f, after, limit)


@router.get("/sums", response_model=list[IdleSum],
            summary="Idle yuan by county, source, year, class and/or age bucket (闲置资金汇总)")
async def idle_sums(ctx: Reader, by: Annotated[str, Query(description=BY)] = "county_code", county: str | None = None,
                    source_level: SourceLevel | None = None, year: Year | None = None,
                    idle_class: IdleClass | None = None, age_bucket: AgeBucket | None = None) -> list[IdleSum]:
    """Idle yuan and item counts in the caller's scope, grouped by the dimensions named in `by`."""
    dimensions = [d.strip() for d in by.split(",") if d.strip()]
    if not dimensions or any(d not in IDLE_GROUPS for d in dimensions):
        raise unprocessable("request.invalid", "by 须为以下维度之一或多个：" + "、".join(IDLE_GROUPS),
                            [FieldError("by", "不是允许的取值")])
    f = IdleFilter(county=county, source_level=source_level, year=year, idle_class=idle_class, age_bucket=age_bucket)
    return await service.sums(ctx, f, dimensions)


@router.put("/{kind}/{item_id}/class", response_model=IdleItem,
            summary="Finance overrides an idle item's class, with the reason (audited)")
async def override_class(kind: ItemKind, item_id: Id, body: ClassOverride, ctx: Finance) -> IdleItem:
    """Set an idle item's class by hand with the reason; 404 when it is not idle or not in scope."""
    return await service.override(ctx, str(kind), item_id, body)
