"""The SQL of the funds work queue: open rectification cases and idle items without one, within the caller's scope.

Every statement labels what the kit's work queue reads (services/kit/work_queue.py): `work_id`, `work_due` (NULL
when undated), `work_county` and, for idle items (a batch and an allocation may share an id), `work_period` = the
item's kind.
"""
from typing import Any

from sqlalchemy import Date, Select, and_, null, or_, select

from services.funds.idle.repository import IdleRules, idle_items
from services.funds.ledger.models import FundBatch
from services.funds.projection.models import ProjectState
from services.funds.rectification.models import RectificationCase
from services.kit.auth import Principal, Role
from services.kit.repository import Repository

C = RectificationCase


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

    def idle_without_case(self, principal: Principal, rules: IdleRules) -> Select[Any]:
        """Idle items (闲置资金) no open idle case covers, undated."""
        items = idle_items(rules)
        covered = select(C.id).where(C.origin == "idle", C.status != "closed", or_(
            and_(items.c.kind == "allocation", C.allocation_id == items.c.item_id),
            and_(items.c.kind == "batch", C.allocation_id.is_(None), C.batch_id == items.c.item_id))).exists()
        conditions: list[Any] = [~covered]
        if principal.county is not None:
            conditions.append(items.c.county_code == principal.county)
        columns: list[Any] = [
            items.c.item_id.label("work_id"), null().cast(Date).label("work_due"),
            items.c.county_code.label("work_county"), items.c.kind.label("work_period"), items.c.batch_id,
            items.c.amount, items.c.idle_class, ProjectState.name.label("project_name"), FundBatch.doc_number]
        return (select(*columns)
                .outerjoin(ProjectState, ProjectState.project_id == items.c.project_id)
                .join(FundBatch, FundBatch.id == items.c.batch_id).where(*conditions))

