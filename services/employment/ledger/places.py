"""Matching a labourer ledger's township and village names to the registry (村屯名录) of each row's county: exact
names after trimming, every unmatched name reported, nothing guessed."""
from collections.abc import Iterable
from typing import Any

from contracts.places import VillageRead
from services.employment.config import Context
from services.employment.deps import registry_of
from services.kit.counties import is_liuzhou_county
from services.kit.registry import RegistryAnswer
from services.kit.xlsx import CellProblem

Payload = tuple[int, dict[str, Any]]


async def look_up(ctx: Context, payloads: Iterable[Payload]) -> RegistryAnswer:
    """Every village of the Liuzhou counties the rows name; call it before any SQL of the request."""
    counties = {p["county_code"] for _, p in payloads if is_liuzhou_county(p["county_code"])}
    return await registry_of(ctx).of_counties(counties)


def matched(payloads: list[Payload], villages: Iterable[VillageRead]) -> tuple[list[Payload], list[CellProblem]]:
    """The rows with `village_id` in place of the names (rows outside Liuzhou as they are), and a problem for every
    township (乡镇) or village (村) name the row's county's registry does not have."""
    townships = {(v.county_code, v.township) for v in villages}
    index = {(v.county_code, v.township, v.name): v.id for v in villages}
    good, problems = [], []
    for number, payload in payloads:
        county = payload["county_code"]
        if not is_liuzhou_county(county):
            good.append((number, payload))
            continue
        township, village = str(payload.get("township", "")).strip(), str(payload.get("village", "")).strip()
        found = index.get((county, township, village))
        if found is not None:
            good.append((number, {k: v for k, v in payload.items() if k not in ("township", "village")}
                         | {"village_id": found}))
        elif (county, township) not in townships:
            problems.append(CellProblem(number, "乡镇", f"村屯名录中县区 {county} 没有乡镇“{township}”"))
        else:
            problems.append(CellProblem(number, "村", f"村屯名录中{township}没有行政村“{village}”"))
    return good, problems
