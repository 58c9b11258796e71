"""Idle funds (闲置资金): the rules from settings, lists and sums, and finance's class override."""
from contracts.events.funds import IdleClassOverridden
from contracts.funds import IdleItem
from services.funds.deps import Ctx
from services.funds.events import publish_funds
from services.funds.idle import repository as repo
from services.funds.idle.models import IdleOverride
from services.funds.idle.schemas import ClassOverride
from services.funds.terms import IDLE_LABELS, IdleClass
from services.kit.audit import audit
from services.kit.errors import not_found


def rules(ctx: Ctx) -> repo.IdleRules:
    """Today and the configured idle days."""
    return repo.IdleRules(ctx.clock.today(), ctx.settings.unallocated_idle_days, ctx.settings.idle_days)


def item_of(ctx: Ctx, row) -> IdleItem:
    """An item row from SQL as the API shows it."""
    idle_class = IdleClass(row["idle_class"])
    return IdleItem(**{k: row[k] for k in ("kind", "item_id", "batch_id", "project_id", "project_status",
                                           "county_code", "source_level", "year", "amount", "since",
                                           "age_bucket")},
                    age_days=(ctx.clock.today() - row["since"]).days, idle_class=idle_class,
                    idle_class_label=IDLE_LABELS[idle_class], overridden=bool(row["overridden"]))


async def current(ctx: Ctx, kind: str, item_id: int) -> IdleItem | None:
    """The item if it is idle now."""
    row = await repo.one_item(ctx.session, rules(ctx), kind, item_id)
    return item_of(ctx, row) if row else None


async def override(ctx: Ctx, kind: str, item_id: int, body: ClassOverride) -> IdleItem:
    """Set an idle item's class by hand (audited); 404 when the item is not idle or not in scope."""
    item = await current(ctx, kind, item_id)
    if item is None or not ctx.principal.sees_county(item.county_code):
        raise not_found("funds.idle_item_not_found", f"{kind} {item_id} 当前不是闲置资金或不在查看范围内")
    ctx.check_county(item.county_code)
    before = {"idle_class": str(item.idle_class), "overridden": item.overridden}
    row = await repo.get_override(ctx.session, kind, item_id)
    if row is None:
        await repo.add_override(ctx.session, IdleOverride(item_kind=kind, item_id=item_id, idle_class=body.idle_class,
                                                          reason=body.reason, set_by=ctx.principal.sub,
                                                          set_at=ctx.clock.now()))
    else:
        row.idle_class, row.reason, row.set_by, row.set_at = body.idle_class, body.reason, ctx.principal.sub, \
            ctx.clock.now()
        await ctx.session.flush()
    await audit(ctx.session, ctx.principal, "funds.idle_override", kind, item_id, before,
                {"idle_class": str(body.idle_class), "reason": body.reason})
    await publish_funds(ctx, IdleClassOverridden(
        item_kind=kind, item_id=item_id, county_code=item.county_code, project_id=item.project_id,
        previous_class=item.idle_class, idle_class=body.idle_class, reason=body.reason),
        item.county_code, item.project_id)
    return await current(ctx, kind, item_id)
