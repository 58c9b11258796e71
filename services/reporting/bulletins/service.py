"""Bulletins (月度通报): a draft previewed any time, issued editions frozen as they were, corrections as new
editions with a reason; every issue audited and published.

No transaction is open while the other services are read: stored editions are read first with an autocommit
session, the figures are fetched, and only then is the new edition written in the request's transaction.
"""
import asyncio

from sqlalchemy.exc import IntegrityError

from contracts.events.reporting import BulletinIssued
from contracts.reporting import Bulletin, BulletinIssue, BulletinStatus, RankingRow
from contracts.reporting import BulletinEdition as BulletinEditionRead
from services.kit.audit import audit
from services.kit.errors import DomainError, FieldError, not_found, unprocessable
from services.kit.months import Month
from services.kit.outbox import Scope, publish
from services.reporting.bulletins.models import BulletinEdition
from services.reporting.bulletins.repository import BulletinRepository
from services.reporting.deps import Ctx
from services.reporting.figures.service import MonthBuild, build, checked_month, figures
from services.reporting.scoring.score import rank
from services.reporting.sources.client import Calls


def _bulletin(row: BulletinEdition) -> Bulletin:
    return Bulletin.model_validate(row.body)


async def _stored(ctx: Ctx, month: Month) -> Bulletin | None:
    """The month's newest issued edition, read outside the request's transaction."""
    async with ctx.state.read_sessionmaker() as session:
        row = await BulletinRepository(session).latest(str(month), ctx.principal)
    return None if row is None else _bulletin(row)


async def city_ranking(ctx: Ctx, month: Month, calls: Calls, with_change: bool = True
                       ) -> list[RankingRow]:
    """The whole city's ranking of a month: as issued when it was, else computed now (with last month's ranks
    unless `with_change` is off)."""
    issued = await _stored(ctx, month)
    if issued is not None:
        return issued.ranking
    return (await _computed(ctx, month, calls, with_change)).ranking


async def _computed(ctx: Ctx, month: Month, calls: Calls, with_change: bool) -> MonthBuild:
    """The month computed now; with the change since last month, whose ranks come from its issued bulletin, or
    else from its figures read now, side by side with this month's (no longer than one month alone)."""
    if not with_change:
        return await build(ctx, month, None, calls)
    before = await _stored(ctx, month.shifted(-1))
    if before is not None:
        return await build(ctx, month, _places(before.ranking), calls)
    last, this = await asyncio.gather(figures(ctx, month.shifted(-1), calls), figures(ctx, month, calls))
    weights, size = ctx.settings.weights, ctx.settings.bottom_size
    return MonthBuild(this, rank(this, weights, size, _places(rank(last, weights, size))))


def _places(ranking: list[RankingRow]) -> dict[str, int]:
    return {row.county_code: row.rank for row in ranking}


async def draft(ctx: Ctx, month: Month, with_change: bool = True) -> Bulletin:
    """The month's bulletin computed now, for the whole city (not stored); without `with_change` the ranking has
    no change since last month, and half the upstream calls."""
    calls = Calls()
    built = await _computed(ctx, month, calls, with_change)
    return Bulletin(month=str(month), status=BulletinStatus.DRAFT, edition=None, issued_at=None, issued_by=None,
                    reason=None, generated_at=ctx.clock.now(), counties=built.counties, ranking=built.ranking,
                    upstream_calls=calls.count)


def scoped(ctx: Ctx, bulletin: Bulletin) -> Bulletin:
    """The bulletin as the caller may see it: a county's reader gets its own county's rows only."""
    county = ctx.principal.county
    if county is None:
        return bulletin
    return bulletin.model_copy(update={"counties": [c for c in bulletin.counties if c.county_code == county],
                                       "ranking": [r for r in bulletin.ranking if r.county_code == county]})


async def preview(ctx: Ctx, month_text: str, with_change: bool = True) -> Bulletin:
    """The draft of a month as the caller may see it."""
    return scoped(ctx, await draft(ctx, checked_month(ctx, month_text), with_change))


async def issued(ctx: Ctx, month_text: str, edition: int | None) -> Bulletin:
    """An issued edition as the caller may see it (the newest when `edition` is None); 404 bulletin.not_issued."""
    month = Month.parse(month_text)
    repo = BulletinRepository(ctx.session)
    row = await (repo.latest(str(month), ctx.principal) if edition is None
                 else repo.edition(str(month), edition, ctx.principal))
    if row is None:
        which = "" if edition is None else f"第 {edition} 版"
        raise not_found("bulletin.not_issued", f"{month} 的通报{which}尚未印发")
    return scoped(ctx, _bulletin(row))


async def editions(ctx: Ctx, month_text: str | None, after: int | None, limit: int
                   ) -> list[BulletinEdition]:
    """Up to limit+1 issued editions, newest first, optionally of one month."""
    month = None if month_text is None else str(Month.parse(month_text))
    repo = BulletinRepository(ctx.session)
    return await repo.page(repo.listing(ctx.principal, month), after, limit)


def edition_read(row: BulletinEdition) -> BulletinEditionRead:
    """An edition in the list, without its figures."""
    return BulletinEditionRead(id=row.id, month=row.month, edition=row.edition, issued_at=row.issued_at,
                               issued_by=row.issued_by, reason=row.reason)


async def issue(ctx: Ctx, month_text: str, body: BulletinIssue) -> Bulletin:
    """Freeze the month's figures as a new edition; a second or later edition needs the correction's reason."""
    month = checked_month(ctx, month_text)
    bulletin = await draft(ctx, month)  # every upstream read happens before the transaction begins
    repo = BulletinRepository(ctx.session)
    edition = await repo.next_edition(str(month))
    if edition > 1 and not body.reason:
        message = "该月通报已印发，再次印发为更正版，须说明更正理由"
        raise unprocessable("bulletin.reason_required", message, [FieldError("reason", message)],
                            editions=edition - 1)
    frozen = bulletin.model_copy(update={"status": BulletinStatus.ISSUED, "edition": edition,
                                         "issued_at": ctx.clock.now(), "issued_by": ctx.principal.sub,
                                         "reason": body.reason if edition > 1 else None})
    row = BulletinEdition(month=str(month), edition=edition, issued_at=frozen.issued_at, issued_by=frozen.issued_by,
                          reason=frozen.reason, body=frozen.model_dump(mode="json"))
    try:
        await repo.add(row)
    except IntegrityError:  # another edition of the month was issued at the same moment
        raise DomainError(409, "bulletin.edition_conflict", "同一月份的通报正被同时印发，请刷新后重试") from None
    bottom = [r.county_code for r in frozen.ranking if r.bottom]
    await audit(ctx.session, ctx.principal, "bulletin.issued", "bulletin_edition", row.id, None,
                {"month": row.month, "edition": edition, "reason": row.reason, "bottom": bottom})
    await publish(ctx.session, BulletinIssued(bulletin_id=row.id, bulletin_month=row.month, edition=edition,
                                              issued_by=row.issued_by, reason=row.reason, bottom=",".join(bottom)),
                  Scope(None))
    return frozen
