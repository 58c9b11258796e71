"""The SQL of the funds work queue: open rectification cases and idle items without one, within the caller's scope.

Every statement labels what the kit's work queue reads (services/kit/work_queue.py): `work_id`, `work_due` (NULL
when undated), `work_county` and, for idle items (a batch and an allocation may share an id), `work_period` = the
item's kind.
"""
from datetime import timedelta
from typing import Any

from sqlalchemy import ColumnElement, Date, Select, and_, case, exists, func, null, select

from services.funds.idle.repository import IdleRules, allocation_idle, allocation_since, batch_idle, idle_parts
from services.funds.ledger.models import Allocation, AllocationsWithBalance, FundBatch
from services.funds.projection.models import ProjectState
from services.funds.rectification.models import RectificationCase
from services.funds.terms import ENDED
from services.kit.auth import Principal, Role
from services.kit.repository import Repository

C = RectificationCase


def _in_county(column: Any, principal: Principal) -> list[ColumnElement[bool]]:
    return [column == principal.county] if principal.county is not None else []


def _uncovered(*item: ColumnElement[bool]) -> ColumnElement[bool]:
    """No open idle case (整改未销号) covers the item."""
    return ~exists().where(C.origin == "idle", C.status != "closed", *item)


class WorkRepository(Repository[RectificationCase]):
    """Cases and idle items awaiting someone: county roles their county, owners the cases of their unit's projects."""

    model = RectificationCase

    def open_cases(self, principal: Principal) -> Select[Any]:
        """Cases not yet closed (整改未销号), by deadline, with their project's or batch's name."""
        conditions: list[Any] = [C.status != "closed", *self.scope(principal)]
        if principal.role == Role.PROJECT_OWNER:
            conditions.append(ProjectState.owner_org == principal.org)
        columns: list[Any] = [
            C.id.label("work_id"), C.deadline.label("work_due"), C.county_code.label("work_county"), C.measure,
            C.responsible_unit, C.idle_class, C.amount, C.finding, ProjectState.name.label("project_name"),
            ProjectState.owner_org, FundBatch.doc_number]
        return (select(*columns)
                .outerjoin(ProjectState, ProjectState.project_id == C.project_id)
                .outerjoin(FundBatch, FundBatch.id == C.batch_id).where(*conditions))

    def idle_without_case(self, principal: Principal, rules: IdleRules) -> tuple[Select[Any], ...]:
        """Idle items (闲置资金) no open idle case covers, undated: one statement per kind, so that each pages in id
        order straight from its table's index (a union of the two would be sorted whole first)."""
        # The items open idle cases cover, as (kind, id): one hash anti-join, not a correlated lookup per item.
        covered = select(case((C.allocation_id.is_(None), "batch"), else_="allocation").label("kind"),
                         func.coalesce(C.allocation_id, C.batch_id).label("item_id")).where(
            C.origin == "idle", C.status != "closed").subquery("covered")
        statements: list[Select[Any]] = []
        for part in idle_parts(rules):
            items = part.subquery("idle")
            columns: list[Any] = [
                items.c.item_id.label("work_id"), null().cast(Date).label("work_due"),
                items.c.county_code.label("work_county"), items.c.kind.label("work_period"), items.c.batch_id,
                items.c.amount, items.c.idle_class, items.c.project_name, FundBatch.doc_number]
            statements.append(
                select(*columns)
                .outerjoin(covered, and_(covered.c.kind == items.c.kind, covered.c.item_id == items.c.item_id))
                .join(FundBatch, FundBatch.id == items.c.batch_id)
                .where(covered.c.item_id.is_(None), *_in_county(items.c.county_code, principal)))
        return tuple(statements)

    def idle_without_case_total(self, principal: Principal, rules: IdleRules) -> Select[Any]:
        """How many items `idle_without_case` lists, without reading every allocation: the allocations holding a
        balance (kept per county by triggers), less those moved within idle_days on a project not ended (from the
        index on their last movement), less the idle ones an open idle case covers (from the cases), plus the
        uncovered idle batches."""
        ended = exists().where(ProjectState.project_id == Allocation.project_id, ProjectState.status.in_(sorted(ENDED)))
        in_county = _in_county(Allocation.county_code, principal)
        with_balance = select(func.coalesce(func.sum(AllocationsWithBalance.items), 0)).where(
            *_in_county(AllocationsWithBalance.county_code, principal))
        moved = select(func.count()).select_from(Allocation).where(
            Allocation.balance > 0, allocation_since() > rules.today - timedelta(days=rules.idle_days), ~ended,
            *in_county)
        open_idle = select(C.allocation_id).where(C.origin == "idle", C.status != "closed")
        covered = select(func.count()).select_from(Allocation).where(
            Allocation.id.in_(open_idle), allocation_idle(rules, ended), *in_county)
        batches = select(func.count()).select_from(FundBatch).where(
            batch_idle(rules), _uncovered(C.allocation_id.is_(None), C.batch_id == FundBatch.id),
            *_in_county(FundBatch.county_code, principal))
        return select(with_balance.scalar_subquery() - moved.scalar_subquery() - covered.scalar_subquery()
                      + batches.scalar_subquery())
