"""Batch read of each project's funding (项目资金情况), for the gateway's Project.funding DataLoader."""
from decimal import Decimal

from fastapi import APIRouter

from contracts.funds import AllocationRead, ProjectFunding
from services.funds.deps import Reader
from services.funds.idle import repository as idle_repo
from services.funds.idle import service as idle
from services.funds.ledger import repository as ledger
from services.kit.ids import RequiredIdList, ids_of

router = APIRouter(tags=["ledger"])


@router.get("/funding", response_model=list[ProjectFunding],
            summary="Funding of several projects in one call (batch form for the gateway)")
async def funding(ctx: Reader, ids: RequiredIdList) -> list[ProjectFunding]:
    project_ids = ids_of(ids)
    allocations = await ledger.allocations(ctx.session, ctx.principal, project_ids, limit=10_000)
    f = idle_repo.IdleFilter(project_ids=tuple(project_ids))
    items = await idle_repo.list_items(ctx.session, idle.rules(ctx), f, ctx.principal.county, 10_000)
    out = []
    for pid in project_ids:
        mine = [a for a in allocations if a.project_id == pid]

        def total(name: str, rows=mine) -> Decimal:
            return sum((getattr(a, name) for a in rows), Decimal("0.00"))

        out.append(ProjectFunding(
            project_id=pid, allocated=total("amount"), spent=total("spent"),
            recovered=total("recovered"), balance=total("balance"),
            allocations=[AllocationRead.model_validate(a) for a in mine],
            idle_items=[idle.item_of(ctx, row) for row in items if row["project_id"] == pid]))
    return out
