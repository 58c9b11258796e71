"""Announcing a batch's allocations (公告公示) and evaluating fund use (绩效评价): stored, audited, on the feed."""
from datetime import timedelta
from decimal import Decimal

from contracts.events.funds import AllocationsAnnounced, FundUseEvaluated
from contracts.funds import AllocationRead, AnnouncementRead, EvaluationRead
from services.funds.deps import Ctx
from services.funds.disclosure.models import Announcement, Evaluation
from services.funds.disclosure.repository import AnnouncementRepository, EvaluationRepository
from services.funds.disclosure.schemas import AnnouncementCreate, EvaluationCreate
from services.funds.events import publish_funds
from services.funds.ledger.reads import load_batch
from services.funds.ledger.repository import AllocationRepository
from services.funds.projection.repository import ProjectStateRepository
from services.funds.terms import OUT_OF_COUNTY
from services.kit.audit import audit
from services.kit.errors import FieldError, unprocessable
from services.kit.pagination import Page, decode_cursor, page_of

ANNOUNCED_LIMIT = 10_000  # allocations frozen in one announcement


async def announce(ctx: Ctx, batch_id: int, body: AnnouncementCreate) -> AnnouncementRead:
    """Freeze the batch's allocations as published for the window."""
    batch = await load_batch(ctx, batch_id)
    ctx.check_county(batch.county_code, OUT_OF_COUNTY)
    starts = body.starts_on or ctx.clock.today()
    allocations = AllocationRepository(ctx.session)
    rows = await allocations.every(allocations.of(ctx.principal, batch_id=batch_id), ANNOUNCED_LIMIT)
    frozen = [AllocationRead.model_validate(a).model_dump(mode="json", include={"id", "project_id", "amount",
                                                                               "allocated_on"}) for a in rows]
    row = await AnnouncementRepository(ctx.session).add(Announcement(
        batch_id=batch_id, county_code=batch.county_code, title=body.title, starts_on=starts,
        ends_on=starts + timedelta(days=body.days - 1), allocations=frozen, published_by=ctx.principal.sub))
    await audit(ctx.session, ctx.principal, "funds.announce", "fund_batch", batch_id, None, {"announcement": row.id})
    await publish_funds(ctx, AllocationsAnnounced(
        announcement_id=row.id, batch_id=batch_id, county_code=row.county_code, title=row.title,
        starts_on=row.starts_on, ends_on=row.ends_on, allocation_count=len(frozen),
        allocated=sum((a.amount for a in rows), Decimal(0))), row.county_code)
    return announcement_read(ctx, row)


async def evaluate(ctx: Ctx, body: EvaluationCreate) -> EvaluationRead:
    """Record a performance evaluation of a batch's or a project's use of funds."""
    if body.batch_id is not None:
        county = (await load_batch(ctx, body.batch_id)).county_code
    else:
        state = None if body.project_id is None else await ProjectStateRepository(ctx.session).one(body.project_id)
        if state is None:
            raise unprocessable("funds.project_not_found", f"资金服务未掌握项目 {body.project_id}",
                                [FieldError("project_id", "项目不存在或尚未同步")])
        county = state.county_code
    ctx.check_county(county, OUT_OF_COUNTY)
    row = await EvaluationRepository(ctx.session).add(Evaluation(
        county_code=county, batch_id=body.batch_id, project_id=body.project_id,
        indicators=[i.model_dump(mode="json") for i in body.indicators], score=body.score,
        conclusion=body.conclusion, evaluator=body.evaluator, evaluated_on=body.evaluated_on,
        created_by=ctx.principal.sub))
    await audit(ctx.session, ctx.principal, "funds.evaluate", "evaluation", row.id, None, {"score": str(row.score)})
    await publish_funds(ctx, FundUseEvaluated(
        evaluation_id=row.id, county_code=county, batch_id=row.batch_id, project_id=row.project_id,
        score=row.score, evaluator=row.evaluator, evaluated_on=row.evaluated_on, conclusion=row.conclusion),
        county, row.project_id)
    return EvaluationRead.model_validate(row)


def announcement_read(ctx: Ctx, row: Announcement) -> AnnouncementRead:
    """An announcement as the API shows it, with whether its window is open today."""
    today = ctx.clock.today()
    return AnnouncementRead.model_validate(row).model_copy(update={"open": row.starts_on <= today <= row.ends_on})


async def page_announcements(ctx: Ctx, after: str | None, limit: int) -> Page[AnnouncementRead]:
    """Announcements in scope, newest first."""
    announcements = AnnouncementRepository(ctx.session)
    rows = await announcements.page(announcements.readable(ctx.principal), decode_cursor(after), limit)
    return page_of(rows, limit, lambda row: announcement_read(ctx, row))


async def page_evaluations(ctx: Ctx, after: str | None, limit: int) -> Page[EvaluationRead]:
    """Evaluations in scope, newest first."""
    evaluations = EvaluationRepository(ctx.session)
    rows = await evaluations.page(evaluations.readable(ctx.principal), decode_cursor(after), limit)
    return page_of(rows, limit, EvaluationRead.model_validate)
