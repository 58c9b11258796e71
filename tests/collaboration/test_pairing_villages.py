"""Village-enterprise pairings (村企结对) name a village of the registry (村屯名录): checked against the pair's county,
its name from the registry, the projects service asked before the transaction, 503 when it is down."""
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import func, select

from services.collaboration.pairings.models import Pairing
from services.kit.testing import serve_in_process
from tests.collaboration.data import OFFICE, RONGSHUI, pairing, village_pairing
from tests.gateway.graphql import gql
from tests.places import first_village, village_id
from tests.registry import Registry


@pytest.fixture
async def setup(collaboration_db, projects_app, projects) -> AsyncIterator[tuple]:
    """(collaboration app, its client, the registry switch in front of the in-process projects service)."""
    from services.collaboration.app import create_app
    from services.collaboration.config import Settings

    registry = Registry(projects_app)
    app = create_app(Settings(database_url=collaboration_db, feed_poll_seconds=0, work_sweep_seconds=0),
                     {"projects": registry})
    registry.caller = app
    async with serve_in_process(app) as collaboration:
        yield app, collaboration, registry


async def _count(app) -> int:
    async with app.state.sessionmaker() as session:
        return await session.scalar(select(func.count()).select_from(Pairing))


async def test_a_registry_village_is_the_liuzhou_side(setup, backend: str) -> None:
    _, collaboration, registry = setup
    r = await collaboration.post("/pairings", headers=OFFICE, json=village_pairing(village_id("江门村")))
    assert r.status_code == 201, r.text
    assert (r.json()["local_name"], r.json()["village_id"], r.json()["level_label"]) == (
        "江门村", village_id("江门村"), "村企结对")
    assert registry.held == [0]  # asked with no database connection (so no transaction) held
    moved = await collaboration.patch(f"/pairings/{r.json()['id']}", headers=OFFICE | {"If-Match": '"1"'},
                                      json={"village_id": village_id("党鸠村")})
    assert moved.status_code == 200, moved.text
    assert (moved.json()["local_name"], moved.json()["village_id"]) == ("党鸠村", village_id("党鸠村"))
    renamed = await collaboration.patch(f"/pairings/{r.json()['id']}", headers=OFFICE | {"If-Match": '"2"'},
                                        json={"local_name": "随便村"})
    assert (renamed.status_code, renamed.json()["fields"][0]["field"]) == (422, "local_name")


async def test_unknown_or_other_county_village_is_422_naming_the_field(setup, backend: str) -> None:
    app, collaboration, _ = setup
    for wrong in (first_village("450226"), 987654):
        r = await collaboration.post("/pairings", headers=OFFICE, json=village_pairing(wrong))
        assert r.status_code == 422, r.text
        assert r.json()["code"] == "collaboration.unknown_village"
        assert r.json()["fields"] == [{"field": "village_id", "message": (
            f"村企结对的柳州一方须是本县区村屯名录中的行政村：村屯名录中县区 {RONGSHUI} 没有 id 为 {wrong} 的行政村")}]
    by_name = await collaboration.post("/pairings", headers=OFFICE, json=pairing(
        level="village_enterprise", local="江门村", partner="遂溪县某某农业公司"))
    assert (by_name.status_code, by_name.json()["code"]) == (422, "request.invalid")
    county_with_village = await collaboration.post("/pairings", headers=OFFICE,
                                                   json=pairing(village_id=village_id("江门村")))
    assert county_with_village.status_code == 422
    assert await _count(app) == 0


async def test_projects_down_is_503_and_nothing_stored(setup, backend: str) -> None:
    app, collaboration, registry = setup
    county = await collaboration.post("/pairings", headers=OFFICE, json=pairing())
    assert county.status_code == 201 and registry.calls == []  # no village named: no call
    registry.down = True
    r = await collaboration.post("/pairings", headers=OFFICE, json=village_pairing(village_id("江门村")))
    assert (r.status_code, r.json()["code"]) == (503, "collaboration.registry_unavailable")
    assert await _count(app) == 1


async def test_graphql_takes_village_id_and_refuses_another_countys_village(collaboration_gateway) -> None:
    query = """mutation($input: PairingInput!) { createPairing(input: $input) {
      __typename ... on Pairing { localName villageId } ... on Problem { code fields { field } } } }"""
    pair = {"level": "VILLAGE_ENTERPRISE", "countyCode": RONGSHUI, "partnerName": "遂溪县某某农业公司",
            "startYear": 2018}
    wrong = (await gql(collaboration_gateway, query, OFFICE, input=pair | {"villageId": first_village("450226")})
             )["data"]["createPairing"]
    assert (wrong["__typename"], wrong["code"], wrong["fields"]) == (
        "Refused", "collaboration.unknown_village", [{"field": "village_id"}])
    made = (await gql(collaboration_gateway, query, OFFICE, input=pair | {"villageId": village_id("乌吉村")})
            )["data"]["createPairing"]
    assert made == {"__typename": "Pairing", "localName": "乌吉村", "villageId": village_id("乌吉村")}
