"""Entries point at real places: registry villages of their county, the poor-village rule as of the start year,
and legacy imports that report every name the registry does not hold."""
from sqlalchemy import select

from services.kit.auth import Role
from services.kit.testing import bearer
from services.projects.library.models import ProjectNaturalVillage
from tests.places import NATURAL_VILLAGES, village_id
from tests.projects.entries import OWNER_ORG, RONGSHUI, entry
from tests.projects.life import TOWNSHIP, Life
from tests.projects.test_ledger import EXISTING

OWNER = bearer(Role.PROJECT_OWNER, RONGSHUI, OWNER_ORG)
COUNTY = bearer(Role.COUNTY_OFFICE, RONGSHUI)
CITY = bearer(Role.CITY_OFFICE)
VILLAGE_ONLY = {"description": "修通屯级道路"}  # no poor households named: the village is the only poverty link


async def stored(projects) -> int:
    return len((await projects.get("/projects?limit=200", headers=CITY)).json()["items"])


async def test_entry_reads_back_its_registry_places_by_name_and_id(projects):
    body = entry(village="党鸠村", poor_village_ids=[village_id("党鸠村"), village_id("江门村")],
                 natural_village_ids=[NATURAL_VILLAGES["党鸠屯"]])
    r = await projects.post("/projects", json=body, headers=OWNER)
    assert r.status_code == 201, r.text
    read = r.json()
    assert (read["township"], read["village"], read["village_id"]) == ("杆洞乡", "党鸠村", village_id("党鸠村"))
    assert read["beneficiaries"]["poor_villages"] == ["党鸠村", "江门村"]
    assert read["poor_village_ids"] == [village_id("党鸠村"), village_id("江门村")]
    assert read["natural_village_ids"] == [NATURAL_VILLAGES["党鸠屯"]]
    assert (await projects.get(f"/projects/{read['id']}", headers=OWNER)).json() == read


async def test_unknown_or_other_county_village_is_a_422_naming_the_field(projects):
    cases = [({"village_id": 2**60, "poor_village_ids": []}, "village_id"),
             ({"poor_village_ids": [village_id("高定村")]}, "poor_village_ids"),
             ({"natural_village_ids": [987654]}, "natural_village_ids")]
    for overrides, field in cases:
        r = await projects.post("/projects", json=entry(**overrides), headers=OWNER)
        assert r.status_code == 422, r.text
        problem = r.json()
        assert problem["code"] == "project.unknown_place"
        assert [f["field"] for f in problem["fields"]] == [field]
        assert "村屯名录" in problem["detail"]
    r = await projects.post("/projects", json=entry(village_id=None), headers=OWNER)
    assert r.status_code == 422 and r.json()["fields"][0]["field"] == "village_id"
    names = entry() | {"beneficiaries": entry()["beneficiaries"] | {"poor_villages": ["江门村"]}}
    r = await projects.post("/projects", json=names, headers=OWNER)
    assert r.status_code == 422 and "poor_village_ids" in r.text
    assert await stored(projects) == 0


async def test_a_non_poor_village_as_the_only_link_is_refused_with_a_chinese_reason(projects):
    r = await projects.post("/projects", headers=OWNER, json=entry(
        village="乌吉村", poor_village_ids=[village_id("乌吉村")], beneficiaries=VILLAGE_ONLY))
    assert r.status_code == 422, r.text
    problem = r.json()
    assert problem["code"] == "project.not_eligible" and problem["rules"] == ["not_poverty_related"]
    assert "乌吉村" in problem["detail"] and "不是贫困村" in problem["detail"]
    assert await stored(projects) == 0


async def test_a_village_that_exited_in_2019_counts_for_2019_and_not_for_2020(projects):
    served = {"village": "党鸠村", "poor_village_ids": [village_id("党鸠村")], "beneficiaries": VILLAGE_ONLY}
    r = await projects.post("/projects", json=entry(**served), headers=OWNER)
    assert r.status_code == 201, r.text
    later = entry(**served, name="2020 年的项目", planned_start_year=2020, planned_end_year=2020,
                  budget=[{"source": "central", "year": 2020, "amount": "100000"}])
    r = await projects.post("/projects", json=later, headers=OWNER)
    assert r.status_code == 422 and "2020 年不是贫困村" in r.json()["detail"]


async def test_legacy_import_reports_every_unmatched_name_and_stores_nothing(projects):
    rows = [EXISTING | {"library_code": None},
            EXISTING | {"library_code": None, "name": "错村", "township": "杆洞乡", "village": "党九村"},
            EXISTING | {"library_code": None, "name": "错乡", "township": "杆洞镇",
                        "beneficiaries": EXISTING["beneficiaries"] | {"poor_villages": ["党鸠村", "无名村"]}}]
    r = await projects.post("/projects/import", json=rows, headers=COUNTY)
    assert r.status_code == 422, r.text
    problem = r.json()
    assert problem["code"] == "ledger.invalid_rows"
    assert [(p["row"], p["column"]) for p in problem["rows"]] == [(2, "行政村"), (3, "乡镇"), (3, "服务贫困村")]
    assert "党九村" in problem["rows"][0]["message"] and "杆洞镇" in problem["rows"][1]["message"]
    assert "无名村" in problem["rows"][2]["message"]
    assert await stored(projects) == 0


async def test_legacy_import_matches_trimmed_names_and_links_the_village(projects):
    row = EXISTING | {"library_code": None, "township": " 杆洞乡 ", "village": "党鸠村 "}
    r = await projects.post("/projects/import", json=[row], headers=COUNTY)
    assert r.status_code == 201, r.text
    [read] = r.json()
    assert (read["village_id"], read["poor_village_ids"]) == (village_id("党鸠村"), [village_id("党鸠村")])


async def linked(projects_app, project_id: int) -> list[int]:
    async with projects_app.state.sessionmaker() as session:
        rows = await session.scalars(select(ProjectNaturalVillage.natural_village_id)
                                     .where(ProjectNaturalVillage.project_id == project_id)
                                     .order_by(ProjectNaturalVillage.natural_village_id))
        return list(rows.all())


async def test_an_edit_moves_the_entry_and_relinks_its_natural_villages(projects, projects_app):
    life = Life(projects, projects_app)
    road = [NATURAL_VILLAGES["江门屯"], NATURAL_VILLAGES["小寨屯"]]
    await life.submit(natural_village_ids=road)
    assert await linked(projects_app, life.id) == sorted(road)
    await life.act("/review", TOWNSHIP, {"decision": "return", "opinion": "改到党鸠村"})
    moved = await life.act("", OWNER, entry(village="党鸠村", natural_village_ids=[NATURAL_VILLAGES["党鸠屯"]]),
                           method="PUT")
    assert (moved["village"], moved["poor_village_ids"]) == ("党鸠村", [village_id("党鸠村")])
    assert await linked(projects_app, life.id) == [NATURAL_VILLAGES["党鸠屯"]]
    wrong = await projects.put(f"/projects/{life.id}", json=entry(village_id=village_id("高定村"), poor_village_ids=[]),
                               headers=OWNER | {"If-Match": f'"{life.version}"'})
    assert wrong.status_code == 422 and wrong.json()["code"] == "project.unknown_place"
