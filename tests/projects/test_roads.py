"""Road coverage (硬化道路): the rule's edges (exactly 25 %, exactly 20 households, a poor village that exited),
coverage per county, gaps with the entries closing them, marking a road."""
import io

from openpyxl import load_workbook

from services.kit.auth import Role
from services.kit.testing import bearer
from tests.projects.life import CITY, COUNTY, Life
from tests.projects.places_seed import SANJIANG, seed

SANJIANG_OFFICE = bearer(Role.COUNTY_OFFICE, SANJIANG, sub="county-sj")


async def coverage(client, year: int, headers: dict = CITY) -> dict:
    rows = (await client.get(f"/roads/coverage?year={year}", headers=headers)).json()
    return {r["county_code"]: (r["qualifying"], r["hardened"], r["gaps"], r["rate"]) for r in rows}


async def gap_names(client, year: int, headers: dict = CITY, county: str = "") -> list[str]:
    page = (await client.get(f"/roads/gaps?year={year}&county={county}" if county else f"/roads/gaps?year={year}",
                             headers=headers)).json()
    return [g["name"] for g in page["items"]]


async def test_coverage_and_gaps_at_the_rule_edges(projects, projects_app):
    places = await seed(projects_app)
    # 2019: 甲 poor; 乙 at exactly 25 %; 丙 at 24.99 % out; 丁 exited 2018 out; 戊 exits 2019, still poor.
    # 甲三屯 has 19 households (out), 戊一屯 exactly 20 (in); 乙二屯 hardened only in 2020.
    assert await coverage(projects, 2019) == {"450225": (5, 1, 4, 0.2), SANJIANG: (1, 0, 1, 0.0)}
    assert await gap_names(projects, 2019, county="450225") == ["甲一屯", "乙一屯", "乙二屯", "戊一屯"]
    # 2018: 丁 was still poor; no 2018 incidence for 乙; 甲二屯 not yet hardened.
    assert await coverage(projects, 2018) == {"450225": (4, 0, 4, 0.0), SANJIANG: (1, 0, 1, 0.0)}
    assert await gap_names(projects, 2018, county="450225") == ["甲一屯", "甲二屯", "丁一屯", "戊一屯"]
    # 2020: 戊 exited the year before; 乙 has no 2020 figures.
    assert (await coverage(projects, 2020))["450225"] == (2, 1, 1, 0.5)
    assert await coverage(projects, 2019, SANJIANG_OFFICE) == {SANJIANG: (1, 0, 1, 0.0)}
    assert await gap_names(projects, 2019, SANJIANG_OFFICE) == ["己一屯"]
    assert places.naturals["甲一屯"]


async def test_gaps_name_the_entries_that_close_them(projects, projects_app):
    places = await seed(projects_app)
    serves = {"village_id": places.villages["甲村"], "natural_village_ids": [places.naturals["甲一屯"]]}
    road = Life(projects, projects_app)
    await road.submit(name="甲一屯道路硬化", category="infrastructure", **serves)
    dropped = Life(projects, projects_app)
    await dropped.submit(name="甲一屯旧道路项目", category="infrastructure", **serves)
    await dropped.act("/clear", COUNTY, {"reason": "重复申报"})
    [first] = (await projects.get("/roads/gaps?year=2019&limit=1", headers=COUNTY)).json()["items"]
    assert first["name"] == "甲一屯" and first["households"] == 30 and first["poor_village"] is True
    assert first["poverty_incidence"] == "10.00" and first["village_name"] == "甲村"
    assert first["entries"] == [{"project_id": road.id, "name": "甲一屯道路硬化", "status": "submitted"}]
    book = load_workbook(io.BytesIO((await projects.get("/roads/gaps/export.xlsx?year=2019", headers=CITY)).content))
    rows = list(book.active.values)
    assert rows[0][3] == "自然屯" and rows[0][7].startswith("解决该屯道路的项目")
    assert [r[3] for r in rows[1:]] == ["甲一屯", "乙一屯", "乙二屯", "戊一屯", "己一屯"]
    assert rows[1][7] == f"{road.id} 甲一屯道路硬化 已申报，待乡镇审核"


async def test_mark_a_road_with_if_match(projects, projects_app):
    places = await seed(projects_app)
    path = f"/roads/natural-villages/{places.naturals['甲一屯']}"
    read = await projects.get(path, headers=COUNTY)
    assert read.headers["etag"] == '"1"' and read.json()["hardened_road"] is False
    body = {"road_hardened_on": "2019-11-30"}
    assert (await projects.put(path, json=body, headers=COUNTY)).status_code == 428
    assert (await projects.put(path, json=body, headers=COUNTY | {"If-Match": '"9"'})).status_code == 412
    assert (await projects.put(path, json=body, headers=SANJIANG_OFFICE | {"If-Match": '"1"'})).status_code == 404
    assert (await projects.put(path, json=body, headers=CITY | {"If-Match": '"1"'})).status_code == 403
    for bad in ({"road_hardened_on": "2099-01-01"}, {"road_hardened_on": "2019-13-01"}, {}, body | {"x": 1}):
        r = await projects.put(path, json=bad, headers=COUNTY | {"If-Match": '"1"'})
        assert r.status_code == 422, (bad, r.text)
    assert (await projects.get(path, headers=COUNTY)).json()["version"] == 1  # nothing stored
    r = await projects.put(path, json=body, headers=COUNTY | {"If-Match": '"1"'})
    assert r.status_code == 200 and r.json()["hardened_road"] is True and r.headers["etag"] == '"2"'
    assert (await coverage(projects, 2019))["450225"] == (5, 2, 3, 0.4)
    events = (await projects.get("/events?after=0", headers=CITY)).json()["events"]
    [marked] = [e["payload"] for e in events if e["type"] == "natural_village.road_marked"]
    assert marked["road_hardened_on"] == "2019-11-30" and marked["version"] == 2
    undone = await projects.put(path, json={"road_hardened_on": None}, headers=COUNTY | {"If-Match": '"2"'})
    assert undone.status_code == 200 and undone.json()["road_hardened_on"] is None
    assert (await coverage(projects, 2019))["450225"] == (5, 1, 4, 0.2)
    metrics = (await projects.get("/metrics")).text
    assert 'projects_road_gaps{county="450225"}' in metrics
