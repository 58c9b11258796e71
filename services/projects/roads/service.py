"""Road coverage (硬化道路全覆盖): per county the qualifying natural villages and how many have a hardened road,
the gaps with the library entries that will close them, and the county office marking a road as hardened."""
from datetime import date
from typing import Any

from contracts.events.projects import RoadMarked
from contracts.roads import ClosingEntry, NaturalVillageRoad, RoadCoverage, RoadGap
from services.kit.audit import audit
from services.kit.concurrency import check_version
from services.kit.counties import COUNTIES
from services.kit.errors import FieldError, unprocessable, unseen
from services.kit.outbox import Scope, publish
from services.kit.pagination import Page, decode_cursor, page_of
from services.projects.deps import Ctx
from services.projects.places.models import NaturalVillage
from services.projects.roads.repository import NaturalVillageRepository, RoadRule


def rule_of(ctx: Ctx, year: int) -> RoadRule:
    """The year's rule with the configured threshold and minimum households."""
    return RoadRule(year, ctx.settings.road_incidence_threshold, ctx.settings.road_min_households)


async def coverage(ctx: Ctx, year: int) -> list[RoadCoverage]:
    """Each county in scope: qualifying natural villages, those hardened by the year's end, gaps, rate."""
    rows = await NaturalVillageRepository(ctx.session).coverage(ctx.principal, rule_of(ctx, year))
    return [RoadCoverage(county_code=county, county_name=COUNTIES.get(county, county), year=year,
                         qualifying=qualifying, hardened=hardened, gaps=qualifying - hardened,
                         rate=round(hardened / qualifying, 4) if qualifying else 1.0)
            for county, qualifying, hardened in rows]


async def gaps(ctx: Ctx, year: int, county: str | None, after: str | None, limit: int) -> Page[RoadGap]:
    """Qualifying natural villages without a hardened road, by id, each with the entries that will close it."""
    rule = rule_of(ctx, year)
    repo = NaturalVillageRepository(ctx.session)
    rows = await repo.gaps(ctx.principal, rule, county, decode_cursor(after), limit)
    closing = await repo.closing(ctx.principal, [r[0].id for r in rows[:limit]])

    def read(r: Any) -> RoadGap:
        natural, village, township_name, incidence = r
        return RoadGap(
            natural_village_id=natural.id, name=natural.name, households=natural.households, village_id=village.id,
            village_name=village.name, township_name=township_name, county_code=natural.county_code,
            poor_village=village.poor_village and (village.exited_year is None or village.exited_year >= year),
            poverty_incidence=incidence, version=natural.version,
            entries=[ClosingEntry(project_id=p.id, name=p.name, status=p.status) for p in closing.get(natural.id, [])])

    return page_of(rows, limit, read, key=lambda r: int(r[0].id))


def road_read(natural: NaturalVillage) -> NaturalVillageRoad:
    """A natural village's road as readers see it."""
    return NaturalVillageRoad.model_validate(natural, from_attributes=True)


async def _natural_village(ctx: Ctx, natural_village_id: int) -> NaturalVillage:
    return await NaturalVillageRepository(ctx.session).get_or_404(
        natural_village_id, ctx.principal, "natural_village.not_found", unseen("自然屯", natural_village_id))


async def read_road(ctx: Ctx, natural_village_id: int) -> NaturalVillageRoad:
    """One natural village's road; 404 also when it is outside the caller's county."""
    return road_read(await _natural_village(ctx, natural_village_id))


async def mark_road(ctx: Ctx, natural_village_id: int, version: int, hardened_on: date | None) -> NaturalVillageRoad:
    """Mark the road hardened on a date (or, with no date, not hardened: a correction), by the county office."""
    natural = await _natural_village(ctx, natural_village_id)
    ctx.check_county(natural.county_code, "只能标记本县区的自然屯")
    check_version(version, natural.version)
    if hardened_on is not None and hardened_on > ctx.clock.today():
        raise unprocessable("request.invalid", "硬化完成日期不能晚于今天",
                            [FieldError("road_hardened_on", "不能晚于今天")])
    before = {"hardened_road": natural.hardened_road, "road_hardened_on": _iso(natural.road_hardened_on),
              "version": natural.version}
    natural.hardened_road, natural.road_hardened_on = hardened_on is not None, hardened_on
    await ctx.session.flush()
    await audit(ctx.session, ctx.principal, "natural_village.mark_road", "natural_village", natural.id, before,
                {"hardened_road": natural.hardened_road, "road_hardened_on": _iso(hardened_on),
                 "version": natural.version})
    await publish(ctx.session, RoadMarked(
        natural_village_id=natural.id, village_id=natural.village_id, county_code=natural.county_code,
        hardened_road=natural.hardened_road, road_hardened_on=hardened_on, version=natural.version),
        Scope(natural.county_code))
    return road_read(natural)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()
