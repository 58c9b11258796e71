"""Announcements of allocations (公告公示) and performance evaluations (绩效评价)."""
from datetime import date, timedelta
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field, model_validator

from services.funds.deps import Finance, Reader
from services.funds.disclosure.models import Announcement, Evaluation
from services.funds.ledger import repository as ledger
from services.funds.ledger.schemas import AllocationRead, Strict, Text
from services.funds.ledger.service import load_batch
from services.funds.projection import repository as projection
from services.kit.audit import audit
from services.kit.contract import problems
from services.kit.errors import FieldError, unprocessable
from services.kit.ids import Id
from services.kit.pagination import MAX_PAGE, Page, decode_cursor, page_of

router = APIRouter(tags=["disclosure and evaluation (公告公示、绩效评价)"])


class AnnouncementCreate(Strict):
    """Announce a batch's allocations for a window (commonly 7 days or more)."""

    title: Text
    starts_on: date | None = None
    days: int = Field(7, ge=1, le=90, description="公示天数")


class AnnouncementRead(BaseModel):
    """An announcement with its frozen allocation list and whether it is open today."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    batch_id: int
    county_code: str
    title: str
    starts_on: date
    ends_on: date
    allocations: list[dict[str, Any]]
    published_by: str
    open: bool = False


class Indicator(Strict):
    """One indicator of an evaluation: target and actual."""

    indicator: Text
    unit: Annotated[str, Field(min_length=1, max_length=20)]
    target: Decimal = Field(ge=0, max_digits=18, decimal_places=4)
    actual: Decimal = Field(ge=0, max_digits=18, decimal_places=4)


class EvaluationCreate(Strict):
    """Evaluate a batch's or a project's use of funds."""

    batch_id: int | None = None
    project_id: int | None = None
    indicators: list[Indicator] = Field(min_length=1, max_length=50)
    score: Decimal = Field(ge=0, le=100, max_digits=5, decimal_places=2)
    conclusion: Annotated[str, Field(min_length=1, max_length=4000)]
    evaluator: Text
    evaluated_on: date

    @model_validator(mode="after")
    def _one_target(self) -> "EvaluationCreate":
        if (self.batch_id is None) == (self.project_id is None):
            raise ValueError("须且只能指定 batch_id 或 project_id 之一")
        return self


class EvaluationRead(BaseModel):
    """A stored evaluation."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    county_code: str
    batch_id: int | None
    project_id: int | None
    indicators: list[dict[str, Any]]
    score: Decimal
    conclusion: str
    evaluator: str
    evaluated_on: date


@router.post("/batches/{batch_id}/announcements", response_model=AnnouncementRead, status_code=201,
             summary="Announce a batch's allocations publicly (公告公示)")
async def announce(batch_id: Id, body: AnnouncementCreate, ctx: Finance) -> AnnouncementRead:
    batch = await load_batch(ctx, batch_id)
    ctx.check_county(batch.county_code)
    starts = body.starts_on or ctx.clock.today()
    rows = await ledger.allocations(ctx.session, ctx.principal, batch_id=batch_id, limit=10_000)
    frozen = [AllocationRead.model_validate(a).model_dump(mode="json", include={"id", "project_id", "amount",
                                                                               "allocated_on"}) for a in rows]
    row = await ledger.add(ctx.session, Announcement(
        batch_id=batch_id, county_code=batch.county_code, title=body.title, starts_on=starts,
        ends_on=starts + timedelta(days=body.days - 1), allocations=frozen, published_by=ctx.principal.sub))
    await audit(ctx.session, ctx.principal, "funds.announce", "fund_batch", batch_id, None, {"announcement": row.id})
    return _announcement(ctx, row)


def _announcement(ctx, row: Announcement) -> AnnouncementRead:
    today = ctx.clock.today()
    return AnnouncementRead.model_validate(row).model_copy(update={"open": row.starts_on <= today <= row.ends_on})


@router.get("/announcements", response_model=Page[AnnouncementRead], summary="Announcements, newest first")
async def list_announcements(ctx: Reader, after: str | None = None,
                             limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> Page[AnnouncementRead]:
    rows = await ledger.scoped_rows(ctx.session, Announcement, ctx.principal, decode_cursor(after), limit)
    return page_of(rows, limit, lambda r: _announcement(ctx, r))


@router.post("/evaluations", response_model=EvaluationRead, status_code=201,
             summary="Record a performance evaluation of fund use (绩效评价)",
             responses=problems({404: "funds.batch_not_found: the batch named"}))
async def evaluate(body: EvaluationCreate, ctx: Finance) -> EvaluationRead:
    if body.batch_id is not None:
        county = (await load_batch(ctx, body.batch_id)).county_code
    else:
        state = (await projection.states(ctx.session, [body.project_id])).get(body.project_id)
        if state is None:
            raise unprocessable("funds.project_not_found", f"资金服务未掌握项目 {body.project_id}",
                                [FieldError("project_id", "项目不存在或尚未同步")])
        county = state.county_code
    ctx.check_county(county)
    row = await ledger.add(ctx.session, Evaluation(
        county_code=county, batch_id=body.batch_id, project_id=body.project_id,
        indicators=[i.model_dump(mode="json") for i in body.indicators], score=body.score,
        conclusion=body.conclusion, evaluator=body.evaluator, evaluated_on=body.evaluated_on,
        created_by=ctx.principal.sub))
    await audit(ctx.session, ctx.principal, "funds.evaluate", "evaluation", row.id, None, {"score": str(row.score)})
    return EvaluationRead.model_validate(row)


@router.get("/evaluations", response_model=Page[EvaluationRead], summary="Evaluations, newest first")
async def list_evaluations(ctx: Reader, after: str | None = None,
                           limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> Page[EvaluationRead]:
    rows = await ledger.scoped_rows(ctx.session, Evaluation, ctx.principal, decode_cursor(after), limit)
    return page_of(rows, limit, EvaluationRead.model_validate)
