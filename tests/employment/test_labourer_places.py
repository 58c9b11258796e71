"""Labourers live in villages of the registry (村屯名录): ids checked against the labourer's county, names from
the registry, Excel names matched exactly, the projects service asked before the transaction, 503 when it is down."""
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import func, select

from services.employment.labourers.models import Labourer
from services.employment.ledger.columns import LABOURER_HEADERS
from services.kit.testing import serve_in_process
from services.kit.xlsx import XLSX, write_xlsx
from tests.employment.data import COUNTY, HR, labourer_body, new_id
from tests.employment.test_graphql import REGISTER, _input
from tests.gateway.graphql import gql
from tests.places import first_village, village_id
from tests.registry import Registry


@pytest.fixture
async def setup(employment_db, projects_app, projects) -> AsyncIterator[tuple]:
    """(employment app, its client, the registry switch)."""
    from services.employment.app import create_app
    from services.employment.config import Settings

    registry = Registry(projects_app)
    app = create_app(Settings(database_url=employment_db, work_sweep_seconds=0), projects_transport=registry)
    registry.caller = app
    async with serve_in_process(app) as employment:
        yield app, employment, registry


async def _count(app) -> int:
    async with app.state.sessionmaker() as session:
        return await session.scalar(select(func.count()).select_from(Labourer))


def _ledger(*rows: tuple[str, str, str]) -> bytes:
    return write_xlsx("劳动力", LABOURER_HEADERS, [
        [new_id(county), "覃阿妹", county, township, village, "H-9", "贫困", "否", ""]
        for county, township, village in rows])


async def test_a_registry_village_gives_its_names(setup, backend: str) -> None:
    app, employment, registry = setup
    r = await employment.post("/labourers", json=labourer_body(village_id=village_id("乌吉村")), headers=HR)
    assert r.status_code == 201, r.text
    got = r.json()
    assert (got["township"], got["village"], got["village_id"]) == ("安陲乡", "乌吉村", village_id("乌吉村"))
    assert registry.held == [0]  # asked with no database connection (so no transaction) held
    assert (await employment.get(f"/labourers/{got['id']}", headers=HR)).json()["village"] == "乌吉村"


async def test_unknown_or_other_county_village_is_422_naming_the_field(setup, backend: str) -> None:
    app, employment, _ = setup
    for wrong in (first_village("450226"), 987654):
        r = await employment.post("/labourers", json=labourer_body(village_id=wrong), headers=HR)
        assert r.status_code == 422, r.text
        problem = r.json()
        assert problem["code"] == "labourer.unknown_village"
        assert problem["fields"] == [{"field": "village_id",
                                      "message": f"村屯名录中县区 {COUNTY} 没有 id 为 {wrong} 的行政村"}]
        assert "户籍行政村须是本县区村屯名录中的行政村" in problem["detail"]
    assert await _count(app) == 0


async def test_places_by_name_only_outside_liuzhou(setup, backend: str) -> None:
    _, employment, registry = setup
    body = labourer_body()
    no_id = {k: v for k, v in body.items() if k != "village_id"} | {"township": "安陲乡", "village": "江门村"}
    r = await employment.post("/labourers", json=no_id, headers=HR)
    assert r.status_code == 422 and r.json()["code"] == "request.invalid"
    outside = await employment.post("/labourers", json=labourer_body("450321"), headers=HR)
    assert outside.status_code == 201, outside.text
    assert (outside.json()["village"], outside.json()["village_id"]) == ("大埠村", None)
    assert registry.calls == []  # nothing to look up: no call at all


async def test_projects_down_is_503_and_nothing_stored(setup, backend: str) -> None:
    app, employment, registry = setup
    registry.down = True
    r = await employment.post("/labourers", json=labourer_body(), headers=HR)
    assert (r.status_code, r.json()["code"]) == (503, "employment.registry_unavailable")
    upload = await employment.post("/labourers/import.xlsx", headers=HR, files={
        "file": ("台账.xlsx", _ledger((COUNTY, "安陲乡", "江门村")), XLSX)})
    assert (upload.status_code, upload.json()["code"]) == (503, "employment.registry_unavailable")
    assert await _count(app) == 0


async def test_import_matches_names_and_reports_every_unmatched_one(setup, backend: str) -> None:
    app, employment, registry = setup
    rows = [(COUNTY, " 安陲乡 ", "江门村"), (COUNTY, "安太乡", "小桑村"), (COUNTY, "安陲乡", "党鸠村"),
            ("450226", "独峒镇", "高定村"), ("450321", "两江镇", "大埠村")]
    r = await employment.post("/labourers/import.xlsx", headers=HR,
                              files={"file": ("台账.xlsx", _ledger(*rows), XLSX)})
    assert r.status_code == 422, r.text
    assert {(p["row"], p["column"], p["message"]) for p in r.json()["rows"]} == {
        (3, "乡镇", f"村屯名录中县区 {COUNTY} 没有乡镇“安太乡”"),
        (4, "村", "村屯名录中安陲乡没有行政村“党鸠村”")}  # 党鸠村 is in 杆洞乡: nothing is guessed
    assert await _count(app) == 0
    assert len(registry.calls) == 2 and set(registry.held) == {0}  # one call per county, before any SQL
    good = await employment.post("/labourers/import.xlsx", headers=HR, files={
        "file": ("台账.xlsx", _ledger(rows[0], rows[3], rows[4]), XLSX)})
    assert good.status_code == 201, good.text
    assert [(x["township"], x["village"], x["village_id"]) for x in good.json()] == [
        ("安陲乡", "江门村", village_id("江门村")), ("独峒镇", "高定村", village_id("高定村")),
        ("两江镇", "大埠村", None)]


async def test_graphql_takes_village_id_and_refuses_an_unknown_one(employment_gateway, backend: str) -> None:
    gateway, _ = employment_gateway
    body = labourer_body(village_id=first_village("450226"))
    got = (await gql(gateway, REGISTER, HR, input=_input(body)))["data"]["registerLabourer"]
    assert (got["__typename"], got["code"]) == ("Refused", "labourer.unknown_village")
    assert [f["field"] for f in got["fields"]] == ["village_id"]
    ok = (await gql(gateway, REGISTER, HR, input=_input(labourer_body())))["data"]["registerLabourer"]
    assert ok["__typename"] == "Labourer"


async def test_a_legacy_labourer_keeps_its_typed_names(setup, backend: str) -> None:
    from datetime import date

    from services.employment.terms import Registration

    app, employment, _ = setup
    async with app.state.sessionmaker() as session, session.begin():
        row = Labourer(id_number=new_id(), id_masked="4502**********0000", name="韦旧档", birth_date=date(1990, 1, 1),
                       sex="female", county_code=COUNTY, township="安太乡", village="小桑村", household_no="H-1",
                       registration=Registration.POOR, created_by="legacy")
        session.add(row)
    got = (await employment.get(f"/labourers/{row.id}", headers=HR)).json()
    assert (got["township"], got["village"], got["village_id"]) == ("安太乡", "小桑村", None)
