"""Idle funds (闲置资金): the rules from settings, lists and sums, and finance's class override."""
from collections.abc import Sequence

from sqlalchemy import RowMapping

from contracts.events.funds import IdleClassOverridden
from contracts.funds import IdleItem, IdleSum
from services.funds.deps import Ctx
from services.funds.events import publish_funds
from services.funds.idle.models import IdleOverride
from services.funds.idle.repository import LIST_KEY, IdleItemRepository, IdleOverrideRepository, IdleRules, list_key
from services.funds.idle.schemas import ClassOverride, IdleFilter
from services.funds.terms import IDLE_LABELS, OUT_OF_COUNTY, IdleClass
from services.kit.audit import audit
from services.kit.errors import not_found
from services.kit.pagination import Page, decode_key, page_of


def rules(ctx: Ctx) -> IdleRules:
    """Today and the configured idle days."""
    return IdleRules(ctx.clock.today(), ctx.settings.unallocated_idle_days, ctx.settings.idle_days)


def idle_items(ctx: Ctx) -> IdleItemRepository:
    """The idle items as of the caller's today."""
    return IdleItemRepository(ctx.session, rules(ctx))


def item_of(ctx: Ctx, row: RowMapping) -> IdleItem:
    """An item row from SQL as the API shows it."""
    idle_class = IdleClass(row["idle_class"])
    return IdleItem(**{k: row[k] for k in ("kind", "item_id", "batch_id", "project_id", "project_status",
                                           "county_code", "source_level", "year", "amount", "since",
                                           "age_bucket")},
                    age_days=(ctx.clock.today() - row["since"]).days, idle_class=idle_class,
                    idle_class_label=IDLE_LABELS[idle_class], overridden=bool(row["overridden"]))


async def every_item(ctx: Ctx, f: IdleFilter, limit: int) -> list[IdleItem]:
    """Up to `limit` idle items in scope, largest first."""
    return [item_of(ctx, row) for row in await idle_items(ctx).page(ctx.principal, f, limit)]


async def page_items(ctx: Ctx, f: IdleFilter, after: str | None, limit: int) -> Page[IdleItem]:
    """A page of idle items in scope, largest first (闲置资金清单); 422 for a cursor we did not make."""
    rows = await idle_items(ctx).page(ctx.principal, f, limit + 1, decode_key(after, LIST_KEY))
    return page_of(rows, limit, lambda row: item_of(ctx, row), key=list_key)


async def sums(ctx: Ctx, f: IdleFilter, by: Sequence[str]) -> list[IdleSum]:
    """Idle yuan and items in scope, grouped by the dimensions (闲置资金汇总)."""
    rows = await idle_items(ctx).sums(ctx.principal, f, by)
    return [IdleSum(**{k: (str(v) if k == "idle_class" else v) for k, v in row.items()}) for row in rows]


async def current(ctx: Ctx, kind: str, item_id: int) -> IdleItem | None:
    """The item if it is idle now."""
    row = await idle_items(ctx).one(kind, item_id)
    return item_of(ctx, row) if row else None


async def override(ctx: Ctx, kind: str, item_id: int, body: ClassOverride) -> IdleItem:
    """Set an idle item's class by hand (audited); 404 when the item is not idle or not in scope."""
    item = await current(ctx, kind, item_id)
    if item is None or not ctx.principal.sees_county(item.county_code):
        raise not_found("funds.idle_item_not_found", f"{kind} {item_id} 当前不是闲置资金或不在查看范围内")
    ctx.check_county(item.county_code, OUT_OF_COUNTY)
    before = {"idle_class": str(item.idle_class), "overridden": item.overridden}
    overrides = IdleOverrideRepository(ctx.session)
    row = await overrides.of_item(kind, item_id)
    if row is None:
        await overrides.add(IdleOverride(item_kind=kind, item_id=item_id, idle_class=body.idle_class,
                                         reason=body.reason, set_by=ctx.principal.sub, set_at=ctx.clock.now()))
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
    refreshed = await current(ctx, kind, item_id)
    assert refreshed is not None, "an override changes an item's class, never whether it is idle"
    return refreshed
