"""What awaits each role in the funds service (待办事项), as the kit's duties.

Rectification cases not yet closed (整改未销号), by their deadline (限期整改): for finance, the county and city offices
and inspectors within their scope, and for a project unit the cases on its own projects; idle items (闲置资金) that no
case covers yet, for finance and the county office, to open a case for (each idle item needs a measure).
"""
from collections.abc import Callable
from typing import Any

from sqlalchemy import Row, select, union_all

from contracts.work import WorkKind, WorkLink
from services.funds.deps import Ctx
from services.funds.idle.service import rules
from services.funds.terms import IDLE_LABELS, IdleClass
from services.funds.work.repository import WorkRepository
from services.kit.auth import Role
from services.kit.outbox import Scope
from services.kit.warnings import Warnable
from services.kit.work import warn_days_of, work_item
from services.kit.work_queue import Duty, Listing


def _class_word(idle_class: str | None) -> str:
    return IDLE_LABELS[IdleClass(idle_class)] if idle_class else "督查审计发现问题"


def _title(row: Row[Any]) -> str:
    """What the item is about: its project, else its fund document."""
    return row.project_name or (f"资金文件 {row.doc_number}" if row.doc_number else "整改事项")


def cases(ctx: Ctx) -> Listing:
    """Open rectification cases in the caller's scope, by deadline; a warning reaches the county and the project's
    owner unit."""
    today, warn = ctx.clock.today(), warn_days_of(ctx.settings.work_warn_days, WorkKind.CASE_DUE)

    def warnable(row: Row[Any]) -> Warnable:
        link = WorkLink(service="funds", resource="rectification_case", id=row.work_id,
                        path=f"/rectification-cases/{row.work_id}")
        expected = f"整改销号（{_class_word(row.idle_class)}）：{row.measure}；责任单位：{row.responsible_unit}"
        item = work_item(WorkKind.CASE_DUE, link, _title(row), expected, row.work_due, row.work_county, today, warn)
        return Warnable(item, Scope(row.work_county, row.owner_org))

    return Listing(WorkRepository(ctx.session).open_cases(ctx.principal), warnable)


def idle_without_case(ctx: Ctx) -> Listing:
    """Idle items no open case covers, to open a case for (立项整改)."""
    today = ctx.clock.today()

    def warnable(row: Row[Any]) -> Warnable:
        path = f"/batches/{row.work_id}" if row.work_period == "batch" else f"/allocations/{row.work_id}"
        link = WorkLink(service="funds", resource=row.work_period, id=row.work_id, path=path)
        expected = f"闲置 {row.amount} 元（{_class_word(row.idle_class)}）：立项整改，明确措施、责任单位和期限"
        item = work_item(WorkKind.IDLE_WITHOUT_CASE, link, _title(row), expected, None, row.work_county, today, 0,
                         period=row.work_period)
        return Warnable(item, Scope(row.work_county))

    repository, idle_rules = WorkRepository(ctx.session), rules(ctx)
    parts = repository.idle_without_case(ctx.principal, idle_rules)
    return Listing(select(union_all(*parts).subquery("idle_without_case")), warnable,
                   total=repository.idle_without_case_total(ctx.principal, idle_rules), parts=parts)


def _duty(kind: WorkKind, roles: set[Role], listing: Callable[[Ctx], Listing], dated: bool = True) -> Duty:
    return Duty("funds", kind, frozenset(roles), listing, dated)


DUTIES = (
    _duty(WorkKind.CASE_DUE, {Role.FINANCE, Role.COUNTY_OFFICE, Role.CITY_OFFICE, Role.INSPECTOR,
                              Role.PROJECT_OWNER}, cases),
    _duty(WorkKind.IDLE_WITHOUT_CASE, {Role.FINANCE, Role.COUNTY_OFFICE}, idle_without_case, dated=False),
)
