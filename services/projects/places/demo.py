"""Demo village registry (演示村屯名录) for `make run` and the tests: a few townships and villages per county, with
poor, deep-poverty, exited and non-poor villages, yearly figures and natural villages, every row marked demo."""
from datetime import date
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.auth import Principal
from services.projects.places.ledger import record_village_import
from services.projects.places.models import AdministrativeVillage, NaturalVillage, Township, VillageYear
from services.projects.places.repository import VillageRepository

# county -> township -> [(village, poor, deep, exited year, [(natural village, households, road hardened on)])]
Natural = tuple[str, int, date | None]
REGISTRY: dict[str, dict[str, list[tuple[str, bool, bool, int | None, list[Natural]]]]] = {
    "450225": {"安陲乡": [("江门村", True, True, None, [("江门屯", 48, None), ("大坪屯", 26, date(2019, 9, 30)),
                                                         ("小寨屯", 12, None)]),
                          ("乌吉村", False, False, None, [("乌吉屯", 35, date(2017, 6, 1))])],
               "杆洞乡": [("党鸠村", True, True, 2019, [("党鸠屯", 40, date(2019, 11, 20))])],
               "四荣乡": [("荣地村", True, False, 2020, [("荣地屯", 22, None)])]},
    "450226": {"独峒镇": [("高定村", True, True, None, [("高定屯", 120, date(2018, 5, 1))])],
               "同乐苗族乡": [("高洋村", True, False, 2019, [])],
               "八江镇": [("布央村", True, False, 2020, [("布央屯", 30, None)]), ("八江村", False, False, None, [])]},
    "450224": {"大将镇": [("龙妙村", True, False, 2019, [("龙妙屯", 25, None)])],
               "板榄镇": [("大坡村", True, False, 2020, []), ("板榄村", False, False, None, [])]},
    "450222": {"古砦仫佬族乡": [("古砦村", True, False, 2019, [])], "冲脉镇": [("指挥村", True, False, 2020, [])]},
    "450223": {"四排镇": [("四排村", True, False, 2019, [])], "黄冕镇": [("幽兰村", True, False, 2020, [])]},
    "450206": {"百朋镇": [("怀洪村", True, False, 2019, [])], "三都镇": [("觉山村", True, False, 2020, [])]},
    "450202": {"静兰街道": [("环江村", True, False, 2018, [])]},
    "450203": {"里雍镇": [("百乐村", True, False, 2019, [])]},
    "450204": {"太阳村镇": [("山湾村", True, False, 2019, [])]},
    "450205": {"沙塘镇": [("杨柳村", True, False, 2020, [])]},
}
YEARS = (2017, 2018, 2019, 2020)


def _figures(village: AdministrativeVillage, n: int) -> list[VillageYear]:
    """Yearly figures that fall as a poor village exits."""
    households = 300 + 37 * n
    rows = []
    for k, year in enumerate(YEARS):
        poor = max(households * (30 - 8 * k) // 100, 0) if village.poor_village else households * (6 - k) // 100
        rows.append(VillageYear(village_id=village.id, year=year, households=households, poor_households=poor,
                                poverty_incidence=(Decimal(poor * 100) / households).quantize(Decimal("0.01"))))
    return rows


async def add_registry(session: AsyncSession) -> dict[str, AdministrativeVillage]:
    """Insert the demo registry (rows only, in a fixed order); returns the villages by name (names are unique)."""
    townships = {(county, name): Township(county_code=county, name=name, demo=True)
                 for county, places in REGISTRY.items() for name in places}
    session.add_all(townships.values())
    await session.flush()
    villages: dict[str, AdministrativeVillage] = {}
    naturals: dict[str, list[Natural]] = {}
    for county, places in REGISTRY.items():
        for township, rows in places.items():
            for name, poor, deep, exited, natural in rows:
                villages[name] = AdministrativeVillage(
                    township_id=townships[(county, township)].id, county_code=county, name=name, poor_village=poor,
                    deep_poverty=deep, exited_year=exited, demo=True)
                naturals[name] = natural
    session.add_all(villages.values())
    await session.flush()
    for n, village in enumerate(villages.values()):
        session.add_all(_figures(village, n))
        session.add_all(NaturalVillage(village_id=village.id, county_code=village.county_code, name=name,
                                       households=households, hardened_road=on is not None, road_hardened_on=on,
                                       demo=True) for name, households, on in naturals[village.name])
    await session.flush()
    return villages


async def demo_registry(session: AsyncSession, principal: Principal) -> dict[str, int]:
    """The registry's village ids by name, after adding the demo registry when the registry is empty (each village
    audited and announced as imported, so the feed holds the registry like any import)."""
    repo = VillageRepository(session)
    if not await repo.any_stored():
        villages = await add_registry(session)
        townships = {name: township for places in REGISTRY.values() for township, rows in places.items()
                     for name, *_ in rows}
        for name, village in villages.items():
            await record_village_import(session, principal, village, townships[name])
    return {v.name: v.id for v in await repo.of_counties(REGISTRY)}
