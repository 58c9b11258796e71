"""The village registry every test database of the projects service starts with (the demo registry, seeded into
the template once per backend), and its ids by name for the tests' entries."""
import asyncio

from sqlalchemy import select

from services.kit.db import make_engine, make_sessionmaker
from services.projects.places.demo import REGISTRY, add_registry
from services.projects.places.models import NaturalVillage

# Filled when the templates are built (tests/conftest.py `migrated`); the same on every backend.
VILLAGES: dict[str, int] = {}
NATURAL_VILLAGES: dict[str, int] = {}
COUNTY_OF: dict[int, str] = {}


async def _seed(url: str) -> None:
    engine = make_engine(url)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            villages = await add_registry(session)
            naturals = (await session.scalars(select(NaturalVillage))).all()
        found = {name: v.id for name, v in villages.items()}
        if VILLAGES and VILLAGES != found:
            raise RuntimeError("the seeded registry got other ids on this backend")
        VILLAGES.update(found)
        NATURAL_VILLAGES.update({n.name: n.id for n in naturals})
        COUNTY_OF.update({v.id: v.county_code for v in villages.values()})
    finally:
        await engine.dispose()


def seed_template(url: str) -> None:
    """Insert the demo registry into a freshly migrated template. Call outside an event loop."""
    asyncio.run(_seed(url))


def village_id(name: str) -> int:
    """The registry id of a seeded administrative village (行政村) by its name."""
    return VILLAGES[name]


def first_village(county: str) -> int | None:
    """The first seeded village of a county; None for a county the registry does not have."""
    return min((i for i, c in COUNTY_OF.items() if c == county), default=None)



def placed_in(row: dict, county: str) -> dict:
    """A ledger-style row (places by name) moved to the county's first seeded village, serving that village (a row
    already in the county is left as it is)."""
    if row["county_code"] == county:
        return row
    township, villages = next(iter(REGISTRY[county].items()))
    village = villages[0][0]
    beneficiaries = row["beneficiaries"] | {"poor_villages": [village]}
    return row | {"county_code": county, "township": township, "village": village, "beneficiaries": beneficiaries}
