"""A known-answer registry for the collective-economy and road tests, inserted through the ORM.

One county (融水) of five administrative villages chosen for the edge cases of the road rule, plus one village
of 三江 for scope: see `seed` for each village's marks and natural villages. The two counties' demo registry
(which every test database starts with, tests/places.py) is removed first, so the lists hold exactly these;
entries made after `seed` name these villages by id.
"""
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import delete

from services.projects.places.models import AdministrativeVillage, NaturalVillage, Township, VillageYear

SANJIANG = "450226"


@dataclass
class Places:
    """Ids of the seeded rows by name."""

    villages: dict[str, int] = field(default_factory=dict)
    naturals: dict[str, int] = field(default_factory=dict)


# name: (county, poor_village, exited_year, poverty incidence in 2019 or None, natural villages as
# (name, households, road hardened on or None))
VILLAGES: dict[str, tuple[str, bool, int | None, str | None, list[tuple[str, int, date | None]]]] = {
    "甲村": ("450225", True, None, "10.00", [("甲一屯", 30, None), ("甲二屯", 20, date(2019, 6, 1)),
                                             ("甲三屯", 19, None)]),
    "乙村": ("450225", False, None, "25.00", [("乙一屯", 25, None), ("乙二屯", 40, date(2020, 3, 1))]),
    "丙村": ("450225", False, None, "24.99", [("丙一屯", 100, None)]),
    "丁村": ("450225", True, 2018, "5.00", [("丁一屯", 50, None)]),
    "戊村": ("450225", True, 2019, None, [("戊一屯", 20, None)]),
    "己村": (SANJIANG, True, None, None, [("己一屯", 30, None)]),
}


async def seed(app: Any) -> Places:
    """Insert the townships, villages, 2019 figures and natural villages above; their ids by name."""
    places = Places()
    async with app.state.sessionmaker() as session:
        await _clear(session)
        townships = {county: Township(county_code=county, name=f"{county}测试乡") for county in ("450225", SANJIANG)}
        session.add_all(townships.values())
        await session.flush()
        for name, (county, poor, exited, incidence, naturals) in VILLAGES.items():
            village = AdministrativeVillage(township_id=townships[county].id, county_code=county, name=name,
                                            poor_village=poor, exited_year=exited)
            session.add(village)
            await session.flush()
            places.villages[name] = village.id
            if incidence is not None:
                session.add(VillageYear(village_id=village.id, year=2019, households=200, poor_households=20,
                                        poverty_incidence=Decimal(incidence)))
            for natural_name, households, hardened_on in naturals:
                natural = NaturalVillage(village_id=village.id, county_code=county, name=natural_name,
                                         households=households, hardened_road=hardened_on is not None,
                                         road_hardened_on=hardened_on)
                session.add(natural)
                await session.flush()
                places.naturals[natural_name] = natural.id
        await session.commit()
    return places


async def _clear(session: Any) -> None:
    """Remove the demo registry (a fresh test database has no entries pointing at it yet)."""
    for model in (NaturalVillage, VillageYear, AdministrativeVillage, Township):
        await session.execute(delete(model))

