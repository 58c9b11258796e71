"""Rectification (整改, 销号): open a case per idle item or finding, work it, close it only once money moved."""
from datetime import date, timedelta
from decimal import Decimal

from contracts.events.funds import RectificationCaseOpened, RectificationCaseStatusChanged
from contracts.funds import CaseRead, CountyNotice, WeeklyNotice
from services.funds.deps import Ctx
from services.funds.events import publish_funds
from services.funds.idle import service as idle
from services.funds.idle.schemas import IdleFilter
from services.funds.ledger.reads import load_allocation, load_batch
from services.funds.ledger.repository import AllocationRepository, BatchRepository
from services.funds.projection.repository import ProjectStateRepository
from services.funds.rectification.models import RectificationCase
from services.funds.rectification.repository import CaseRepository
from services.funds.rectification.schemas import CaseClose, CaseCreate
from services.funds.terms import OUT_OF_COUNTY
from services.kit.audit import audit
from services.kit.concurrency import check_version
from services.kit.counties import COUNTIES
from services.kit.errors import DomainError, FieldError, conflict, unprocessable
from services.kit.pagination import Page, decode_cursor, page_of

# Which state may go to which, and who may take the step.
MOVES = {("open", "rectifying"), ("open", "closed"), ("rectifying", "closed")}
SWEEP_LIMIT = 10_000


def read(ctx: Ctx, case: RectificationCase) -> CaseRead:
    """A case as the API shows it, with whether it is past its deadline."""
    overdue = case.status != "closed" and case.deadline < ctx.clock.today()
    return CaseRead.model_validate(case).model_copy(update={"overdue": overdue})


async def _county_and_project(ctx: Ctx, body: CaseCreate) -> tuple[str, int | None]:
    """The county of the case's target (CaseCreate names exactly one), and its project if it has one."""
    if body.allocation_id is not None:
        allocation = await load_allocation(ctx, body.allocation_id)
        return allocation.county_code, allocation.project_id
    if body.batch_id is not None:
        return (await load_batch(ctx, body.batch_id)).county_code, None
    state = None if body.project_id is None else await ProjectStateRepository(ctx.session).one(body.project_id)
    if state is None:
        raise unprocessable("funds.project_not_found", f"资金服务未掌握项目 {body.project_id}",
                            [FieldError("project_id", "项目不存在或尚未同步")])
    return state.county_code, state.project_id


async def open_case(ctx: Ctx, body: CaseCreate) -> CaseRead:
    """Open a case; an idle case takes the item's class, amount and the class's default deadline."""
    county, project_id = await _county_and_project(ctx, body)
    ctx.check_county(county, OUT_OF_COUNTY)
    today = ctx.clock.today()
    idle_class: str | None = None
    amount = Decimal(0)
    if body.origin == "idle":
        kind = "allocation" if body.allocation_id is not None else "batch"
        found = await idle.current(ctx, kind, body.allocation_id or body.batch_id or 0)
        if found is None:
            raise conflict("funds.not_idle", "该笔资金目前不是闲置资金，无需整改")
        if await CaseRepository(ctx.session).open_case_for(body.batch_id, body.allocation_id):
            raise conflict("funds.case_exists", "该笔闲置资金已有未销号的整改")
        idle_class, amount = str(found.idle_class), found.amount
    days = ctx.settings.rectify_days.get(idle_class or "finding", 30)
    case = await CaseRepository(ctx.session).add(RectificationCase(
        county_code=county, origin=body.origin, batch_id=body.batch_id, allocation_id=body.allocation_id,
        project_id=project_id, idle_class=idle_class, amount=amount, finding=body.finding, measure=body.measure,
        responsible_unit=body.responsible_unit, deadline=body.deadline or today + timedelta(days=days),
        status="open", opened_by=ctx.principal.sub, opened_on=today))
    await audit(ctx.session, ctx.principal, "funds.case_open", "rectification_case", case.id, None,
                {"origin": case.origin, "idle_class": idle_class, "amount": str(case.amount)})
    await _opened(ctx, case, by_sweep=False)
    return read(ctx, case)


async def _opened(ctx: Ctx, case: RectificationCase, by_sweep: bool) -> None:
    await publish_funds(ctx, RectificationCaseOpened(
        case_id=case.id, county_code=case.county_code, origin=case.origin, batch_id=case.batch_id,
        allocation_id=case.allocation_id, project_id=case.project_id, idle_class=case.idle_class,
        amount=case.amount, measure=case.measure, responsible_unit=case.responsible_unit, deadline=case.deadline,
        opened_on=case.opened_on, by_sweep=by_sweep), case.county_code, case.project_id)


async def _moved(ctx: Ctx, case: RectificationCase, before: str) -> None:
    await publish_funds(ctx, RectificationCaseStatusChanged(
        case_id=case.id, county_code=case.county_code, project_id=case.project_id, from_case_status=before,
        case_status=case.status, version=case.version, closed_on=case.closed_on, note=case.close_note),
        case.county_code, case.project_id)


async def _load(ctx: Ctx, case_id: int) -> RectificationCase:
    return await CaseRepository(ctx.session).get_or_404(
        case_id, ctx.principal, "funds.case_not_found",
        f"整改事项 {case_id} 不存在或不在查看范围内")


async def one_case(ctx: Ctx, case_id: int) -> CaseRead:
    """A case in scope; 404 otherwise."""
    return read(ctx, await _load(ctx, case_id))


async def page_cases(ctx: Ctx, county: str | None, status: str | None, overdue: bool,
                     project_ids: tuple[int, ...] | None, after: str | None, limit: int) -> Page[CaseRead]:
    """Cases in scope, newest first; `overdue` keeps those past their deadline and not closed."""
    cases = CaseRepository(ctx.session)
    query = cases.filtered(ctx.principal, county, status, ctx.clock.today() if overdue else None, project_ids)
    return page_of(await cases.page(query, decode_cursor(after), limit), limit, lambda c: read(ctx, c))


async def weekly_notice(ctx: Ctx, week_end: date | None) -> WeeklyNotice:
    """New, overdue and closed cases per county in the week ending `week_end` (default today) (每周通报)."""
    end = week_end or ctx.clock.today()
    start = end - timedelta(days=6)
    rows = await CaseRepository(ctx.session).weekly(ctx.principal, start, end)
    counties = [CountyNotice(county_code=c, new=n, overdue=o, closed=d) for c, n, o, d in rows]
    return WeeklyNotice(week_start=start, week_end=end, counties=counties)


def _move(ctx: Ctx, case: RectificationCase, target: str) -> None:
    if (case.status, target) not in MOVES:
        allowed = sorted(t for s, t in MOVES if s == case.status)
        raise conflict("funds.case_invalid_transition", f"整改事项当前为 {case.status}，不能改为 {target}",
                       current_state=case.status, allowed=allowed)
    ctx.check_county(case.county_code, OUT_OF_COUNTY)


async def start(ctx: Ctx, case_id: int, version: int) -> CaseRead:
    """open → rectifying (整改中), if nobody changed the case since the caller read `version`."""
    case = await _load(ctx, case_id)
    check_version(version, case.version)
    _move(ctx, case, "rectifying")
    case.status = "rectifying"
    await ctx.session.flush()
    await audit(ctx.session, ctx.principal, "funds.case_start", "rectification_case", case.id,
                {"status": "open"}, {"status": "rectifying"})
    await _moved(ctx, case, "open")
    return read(ctx, case)


async def _unresolved(ctx: Ctx, case: RectificationCase) -> str | None:
    """Why the money has not moved yet, or None when it has (spent, recovered and reallocated, or settled)."""
    if case.project_id is not None:
        state = await ProjectStateRepository(ctx.session).one(case.project_id)
        if state is not None and state.status == "settled":
            return None
    if case.batch_id is not None and case.allocation_id is None:
        batch = await BatchRepository(ctx.session).fresh(case.batch_id)
        return f"批次仍有 {batch.unallocated} 元未分配" if batch.unallocated > 0 else None
    balance, waiting = await AllocationRepository(ctx.session).unmoved(case.allocation_id, case.project_id)
    if balance > 0:
        return f"仍有 {balance} 元未支出也未收回"
    if waiting > 0:
        return f"收回的 {waiting} 元尚未另行安排"
    return None


async def close(ctx: Ctx, case_id: int, body: CaseClose, version: int) -> CaseRead:
    """销号 — refused with funds.rectification_unresolved until the money has actually moved."""
    case = await _load(ctx, case_id)
    check_version(version, case.version)
    _move(ctx, case, "closed")
    reason = await _unresolved(ctx, case)
    if reason is not None:
        raise DomainError(409, "funds.rectification_unresolved", f"资金尚未动起来，不能销号：{reason}")
    before = case.status
    case.status, case.closed_on, case.close_note = "closed", ctx.clock.today(), body.note
    await ctx.session.flush()
    await audit(ctx.session, ctx.principal, "funds.case_close", "rectification_case", case.id,
                {"status": before}, {"status": "closed", "note": body.note})
    await _moved(ctx, case, before)
    return read(ctx, case)


MEASURES = {"accelerate": "加快推进项目实施，按进度报账",
            "accept_and_settle": "抓紧组织验收，完善手续，尽快报账",
            "recover": "收回资金，另行安排项目并尽快启动",
            "start": "督促项目尽快开工",
            "assign": "尽快安排到已入库项目"}


async def sweep(ctx: Ctx) -> list[CaseRead]:
    """Open a case for every idle item in scope that has none open yet (每笔闲置资金都要有整改措施)."""
    rows = await idle.idle_items(ctx).page(ctx.principal, IdleFilter(), SWEEP_LIMIT)
    cases = CaseRepository(ctx.session)
    covered = await cases.open_idle_items(ctx.principal)
    today, opened = ctx.clock.today(), []
    for row in rows:
        if (row["kind"], row["item_id"]) in covered:
            continue
        idle_class = str(row["idle_class"])
        unit = f"{COUNTIES[row['county_code']]}财政局" if idle_class in ("assign", "recover") else "项目主管单位"
        case = await cases.add(RectificationCase(
            county_code=row["county_code"], origin="idle", batch_id=row["batch_id"] if row["kind"] == "batch" else None,
            allocation_id=row["item_id"] if row["kind"] == "allocation" else None, project_id=row["project_id"],
            idle_class=idle_class, amount=row["amount"], measure=MEASURES[idle_class], responsible_unit=unit,
            deadline=today + timedelta(days=ctx.settings.rectify_days.get(idle_class, 30)), status="open",
            opened_by=ctx.principal.sub, opened_on=today))
        await audit(ctx.session, ctx.principal, "funds.case_open", "rectification_case", case.id, None,
                    {"origin": "idle", "idle_class": idle_class, "amount": str(case.amount), "via": "sweep"})
        await _opened(ctx, case, by_sweep=True)
        opened.append(read(ctx, case))
    return opened
