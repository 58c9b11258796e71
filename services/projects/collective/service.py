"""Village collective income (村级集体经济收入): recorded and corrected by the county office, listed, and the
villages below the yearly target (default 50,000 yuan) with their trend and each county's rate reaching it."""
from decimal import Decimal
from typing import Any

from contracts.collective import CollectiveGap, CollectiveIncomeRead, CollectiveSummary, YearTotal
from contracts.events.projects import CollectiveIncomeRecorded
from services.kit.audit import audit
from services.kit.concurrency import check_version
from services.kit.counties import COUNTIES
from services.kit.errors import conflict, not_found, unseen
from services.kit.outbox import Scope, publish
from services.kit.pagination import Page, decode_cursor, page_of
from services.projects.collective.models import CollectiveIncome
from services.projects.collective.repository import IncomeRepository, VillageRepository
from services.projects.collective.schemas import IncomeAmounts, IncomeIn
from services.projects.deps import Ctx
from services.projects.places.models import AdministrativeVillage

SOURCES = ("dividends", "leasing", "operating", "other")


def income_read(ctx: Ctx, row: CollectiveIncome, village_name: str, township_name: str) -> CollectiveIncomeRead:
    """A stored record as readers see it, with whether it reaches the target."""
    return CollectiveIncomeRead(
        id=row.id, village_id=row.village_id, village_name=village_name, township_name=township_name,
        county_code=row.county_code, year=row.year, total=row.total, version=row.version, updated_at=row.updated_at,
        reaches_target=row.total >= ctx.settings.collective_income_target,
        **{name: getattr(row, name) for name in SOURCES})


def _snapshot(row: CollectiveIncome) -> dict[str, Any]:
    return {"village_id": row.village_id, "year": row.year, "version": row.version,
            **{name: str(getattr(row, name)) for name in (*SOURCES, "total")}}


async def _announce(ctx: Ctx, row: CollectiveIncome, before: dict[str, Any] | None) -> None:
    """Audit the change and put it on the feed, read in the village's county."""
    action = "collective_income.record" if before is None else "collective_income.correct"
    await audit(ctx.session, ctx.principal, action, "collective_income", row.id, before, _snapshot(row))
    await publish(ctx.session, CollectiveIncomeRecorded(
        income_id=row.id, village_id=row.village_id, county_code=row.county_code, year=row.year,
        income_total=row.total, version=row.version), Scope(row.county_code))


async def village_for_change(ctx: Ctx, village_id: int) -> AdministrativeVillage:
    """A village the caller may change records of: readable (404 otherwise) and in its county (403)."""
    village = await VillageRepository(ctx.session).get_or_404(village_id, ctx.principal, "village.not_found",
                                                               unseen("行政村", village_id))
    ctx.check_county(village.county_code, "只能填报本县区行政村的记录")
    return village


def _set_amounts(row: CollectiveIncome, amounts: IncomeAmounts) -> None:
    for name in SOURCES:
        setattr(row, name, getattr(amounts, name))
    row.total = amounts.total


async def stage_income(ctx: Ctx, village: AdministrativeVillage, body: IncomeIn) -> CollectiveIncome:
    """A new record of a checked village; 409 when the village already has one for the year."""
    incomes = IncomeRepository(ctx.session)
    existing = await incomes.find(village.id, body.year)
    if existing is not None:
        raise conflict("collective_income.exists", f"{village.name} {body.year} 年的集体经济收入已填报，请修改原记录",
                       income_id=existing.id)
    row = CollectiveIncome(village_id=village.id, county_code=village.county_code, year=body.year,
                           recorded_by=ctx.principal.sub)
    _set_amounts(row, body)
    await incomes.add(row)
    await _announce(ctx, row, None)
    return row


async def record_income(ctx: Ctx, body: IncomeIn) -> CollectiveIncomeRead:
    """A village's income for a year, recorded by its county office."""
    village = await village_for_change(ctx, body.village_id)
    row = await stage_income(ctx, village, body)
    return income_read(ctx, row, village.name, await VillageRepository(ctx.session).township_name(village))


async def _one(ctx: Ctx, income_id: int) -> tuple[CollectiveIncome, str, str]:
    found = await IncomeRepository(ctx.session).one(income_id, ctx.principal)
    if found is None:
        raise not_found("collective_income.not_found", unseen("集体经济收入记录", income_id))
    return found[0], str(found[1]), str(found[2])


async def read_income(ctx: Ctx, income_id: int) -> CollectiveIncomeRead:
    """One record; 404 also when it is outside the caller's county."""
    return income_read(ctx, *await _one(ctx, income_id))


async def correct_income(ctx: Ctx, income_id: int, version: int, body: IncomeAmounts) -> CollectiveIncomeRead:
    """New amounts for a record, by its county office, against the version last read (If-Match)."""
    row, village_name, township_name = await _one(ctx, income_id)
    ctx.check_county(row.county_code, "只能修改本县区行政村的记录")
    check_version(version, row.version)
    before = _snapshot(row)
    _set_amounts(row, body)
    row.updated_at = ctx.clock.now()
    await ctx.session.flush()
    await _announce(ctx, row, before)
    return income_read(ctx, row, village_name, township_name)


async def list_incomes(ctx: Ctx, county: str | None, village_id: int | None, year: int | None, after: str | None,
                       limit: int) -> Page[CollectiveIncomeRead]:
    """Records in the caller's scope, oldest first, keyset-paginated."""
    rows = await IncomeRepository(ctx.session).listed(ctx.principal, county, village_id, year, decode_cursor(after),
                                                      limit)
    return page_of(rows, limit, lambda r: income_read(ctx, r[0], r[1], r[2]), key=lambda r: int(r[0].id))


def _poor_in(village: AdministrativeVillage, year: int) -> bool:
    """A poor village (贫困村) is poor in every year up to and including the year it exited."""
    return village.poor_village and (village.exited_year is None or village.exited_year >= year)


async def gaps(ctx: Ctx, year: int, county: str | None, after: str | None, limit: int) -> Page[CollectiveGap]:
    """Villages below the target in the year (or not reported), by village id, each with its earlier years."""
    target = ctx.settings.collective_income_target
    repo = IncomeRepository(ctx.session)
    rows = await repo.below_target(ctx.principal, year, target, county, decode_cursor(after), limit)
    trend = await repo.trend([r[0].id for r in rows[:limit]], year)

    def read(r: Any) -> CollectiveGap:
        village, township_name, total = r
        return CollectiveGap(
            village_id=village.id, village_name=village.name, township_name=township_name,
            county_code=village.county_code, poor_village=_poor_in(village, year), year=year, total=total,
            shortfall=target - (total or Decimal(0)),
            trend=[YearTotal(year=y, total=t) for y, t in trend.get(village.id, [])])

    return page_of(rows, limit, read, key=lambda r: int(r[0].id))


async def summary(ctx: Ctx, year: int) -> list[CollectiveSummary]:
    """Per county in scope: villages, reported, reaching the target, below it, and the rate reaching it."""
    target = ctx.settings.collective_income_target
    return [CollectiveSummary(county_code=county, county_name=COUNTIES.get(county, county), year=year,
                              target=target, deadline=ctx.settings.collective_income_deadline, villages=villages,
                              reported=reported, reaching=reaching, below=villages - reaching,
                              rate=round(reaching / villages, 4) if villages else 0.0)
            for county, villages, reported, reaching in
            await IncomeRepository(ctx.session).summary(ctx.principal, year, target)]

