"""Import and export of a county's registry workbook (村屯名录台账): all rows or none, matched by names, so
importing the same workbook twice changes nothing the second time."""
from typing import Any

from anyio import to_thread
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import UploadFile

from contracts.enums import VillageChange
from contracts.places import VillageRead
from services.kit.audit import audit
from services.kit.auth import Principal
from services.kit.counties import is_liuzhou_county
from services.kit.errors import FieldError, unprocessable
from services.kit.xlsx import CellProblem, Ledger, LedgerLimits, parse_xlsx, refuse_rows, write_sheets
from services.projects.deps import Ctx
from services.projects.places.editing import KEEP, announce
from services.projects.places.models import AdministrativeVillage, NaturalVillage, Township, VillageYear
from services.projects.places.repository import (
    NaturalVillageRepository,
    TownshipRepository,
    VillageRepository,
    VillageYearRepository,
)
from services.projects.places.schemas import village_read
from services.projects.places.workbook import (
    NATURAL_COLUMNS,
    NATURAL_REQUIRED,
    NATURALS,
    VILLAGE_COLUMNS,
    VILLAGE_REQUIRED,
    VILLAGES,
    NaturalRow,
    VillageRow,
    read_rows,
)

Key = tuple[str, str]  # (township name, village name)


def county_of(principal: Principal, county: str | None) -> str:
    """The county a workbook is about: the caller's own, or the one a city-wide caller names."""
    chosen = principal.county or county
    if chosen is None or not is_liuzhou_county(chosen):
        raise unprocessable("request.invalid", "请指明县区（county）", [FieldError("county", "须为柳州市的县区代码")])
    return chosen


def _yes(value: bool) -> str:
    return "是" if value else "否"


async def export_registry(ctx: Ctx, county: str | None) -> bytes:
    """A county's registry in the import's layout."""
    code = county_of(ctx.principal, county)
    ctx.check_county(code, "只能导出本县区的村屯名录")
    townships = {t.id: t.name for t in await TownshipRepository(ctx.session).of_counties([code])}
    villages = await VillageRepository(ctx.session).of_counties([code])
    years = await VillageYearRepository(ctx.session).of_villages(v.id for v in villages)
    naturals = await NaturalVillageRepository(ctx.session).of_villages(v.id for v in villages)
    by_id = {v.id: v for v in villages}
    village_rows: list[list[Any]] = []
    for v in sorted(villages, key=lambda v: v.id):
        marks = [townships[v.township_id], v.name, _yes(v.poor_village), _yes(v.deep_poverty), v.exited_year]
        own = sorted((y for (vid, _), y in years.items() if vid == v.id), key=lambda y: y.year)
        village_rows += [marks + [y.year, y.households, y.poor_households, float(y.poverty_incidence)] for y in own]
        if not own:
            village_rows.append(marks + [None, None, None, None])
    natural_rows = [[townships[by_id[n.village_id].township_id], by_id[n.village_id].name, n.name, n.households,
                     _yes(n.hardened_road), n.road_hardened_on] for n in naturals]
    return write_sheets([(VILLAGES, [c.header for c in VILLAGE_COLUMNS], village_rows),
                         (NATURALS, [c.header for c in NATURAL_COLUMNS], natural_rows)])


def _parse(content: bytes, limits: LedgerLimits) -> tuple[Ledger, Ledger]:
    return (parse_xlsx(content, VILLAGE_REQUIRED, limits, sheet=VILLAGES),
            parse_xlsx(content, NATURAL_REQUIRED, limits, sheet=NATURALS))


async def import_registry(ctx: Ctx, county: str | None, file: UploadFile) -> list[VillageRead]:
    """One workbook of a county, all rows or none: every bad cell of both sheets is reported, nothing stored."""
    code = county_of(ctx.principal, county)
    ctx.check_county(code, KEEP)
    content = await file.read()
    village_sheet, natural_sheet = await to_thread.run_sync(_parse, content, LedgerLimits.of(ctx.settings))
    villages, naturals, problems = await to_thread.run_sync(read_rows, village_sheet.rows, natural_sheet.rows)
    problems = village_sheet.problems + natural_sheet.problems + problems
    stored = {t.id: t for t in await TownshipRepository(ctx.session).of_counties([code])}
    existing = {(stored[v.township_id].name, v.name): v
                for v in await VillageRepository(ctx.session).of_counties([code])}
    named = {(row.township, row.name) for _, row in villages}
    problems += [CellProblem(n, f"行政村（{NATURALS}）", f"名录和“{VILLAGES}”工作表中都没有{row.township}{row.village}")
                 for n, row in naturals if (row.township, row.village) not in named | set(existing)]
    if problems:
        raise refuse_rows(problems)
    return await _store(ctx, code, list(stored.values()), existing, [r for _, r in villages], [r for _, r in naturals])


async def _store(ctx: Ctx, county: str, townships: list[Township], existing: dict[Key, AdministrativeVillage],
                 villages: list[VillageRow], naturals: list[NaturalRow]) -> list[VillageRead]:
    session, by_name = ctx.session, {t.name: t for t in townships}
    changed: dict[Key, AdministrativeVillage] = {}
    for row in villages:
        township = by_name.get(row.township)
        if township is None:
            township = by_name[row.township] = await TownshipRepository(session).add(
                Township(county_code=county, name=row.township))
        key, marks = (row.township, row.name), (row.poor_village, row.deep_poverty, row.exited_year)
        village = existing.get(key)
        if village is None:
            village = existing[key] = AdministrativeVillage(township_id=township.id, county_code=county,
                                                            name=row.name, demo=False)
            changed[key] = village
        if (village.poor_village, village.deep_poverty, village.exited_year) != marks:
            village.poor_village, village.deep_poverty, village.exited_year = marks
            changed[key] = village
    session.add_all(changed.values())
    await session.flush()
    changed |= await _store_years(ctx, existing, villages)
    changed |= await _store_naturals(ctx, county, existing, naturals)
    for (township_name, _), village in changed.items():
        await record_village_import(session, ctx.principal, village, township_name)
    wanted = list(dict.fromkeys((row.township, row.name) for row in villages))
    return [village_read(existing[key], key[0]) for key in wanted]


async def record_village_import(session: AsyncSession, principal: Principal, village: AdministrativeVillage,
                                township: str) -> None:
    """A village that came in by import (or as demo data): audit record and `village.changed` event."""
    await audit(session, principal, "village.import", "village", village.id, None,
                village_read(village, township).model_dump(mode="json"))
    await announce(session, village, township, VillageChange.IMPORTED)


def _touch(ctx: Ctx, village: AdministrativeVillage) -> AdministrativeVillage:
    village.updated_at = ctx.clock.now()  # the village changes with its figures: its version moves on
    return village


async def _store_years(ctx: Ctx, villages: dict[Key, AdministrativeVillage], rows: list[VillageRow]
                       ) -> dict[Key, AdministrativeVillage]:
    stored = await VillageYearRepository(ctx.session).of_villages(v.id for v in villages.values())
    changed = {}
    for row in rows:
        if row.year is None or row.figures is None:
            continue
        key = (row.township, row.name)
        village, figures = villages[key], row.figures
        year = stored.get((village.id, row.year))
        if year is None:
            year = VillageYear(village_id=village.id, year=row.year)
            ctx.session.add(year)
        elif (year.households, year.poor_households, year.poverty_incidence) == (
                figures.households, figures.poor_households, figures.poverty_incidence):
            continue
        year.households, year.poor_households = figures.households, figures.poor_households
        year.poverty_incidence = figures.poverty_incidence
        changed[key] = _touch(ctx, village)
    await ctx.session.flush()
    return changed


async def _store_naturals(ctx: Ctx, county: str, villages: dict[Key, AdministrativeVillage], rows: list[NaturalRow]
                          ) -> dict[Key, AdministrativeVillage]:
    stored = {(n.village_id, n.name): n
              for n in await NaturalVillageRepository(ctx.session).of_villages(v.id for v in villages.values())}
    changed = {}
    for row in rows:
        key = (row.township, row.village)
        village = villages[key]
        values = {"households": row.households, "hardened_road": row.hardened_road,
                  "road_hardened_on": row.road_hardened_on}
        natural = stored.get((village.id, row.name))
        if natural is None:
            ctx.session.add(NaturalVillage(village_id=village.id, county_code=county, name=row.name, **values))
        elif all(getattr(natural, k) == v for k, v in values.items()):
            continue
        else:
            for name, value in values.items():
                setattr(natural, name, value)
        changed[key] = _touch(ctx, village)
    await ctx.session.flush()
    return changed
