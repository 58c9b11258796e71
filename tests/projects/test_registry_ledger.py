"""The registry workbook (村屯名录台账): all rows or none, every bad cell named with its sheet, re-import idempotent
by names, export in the import's layout."""
import io
from datetime import date

from openpyxl import load_workbook

from services.kit.auth import Role
from services.kit.testing import bearer
from services.kit.xlsx import XLSX, write_sheets
from services.projects.places.workbook import NATURAL_COLUMNS, VILLAGE_COLUMNS

SANJIANG = "450226"
COUNTY = bearer(Role.COUNTY_OFFICE, SANJIANG, sub="county-sanjiang")
CITY = bearer(Role.CITY_OFFICE)
VILLAGE_HEADERS = [c.header for c in VILLAGE_COLUMNS]
NATURAL_HEADERS = [c.header for c in NATURAL_COLUMNS]

GOOD_VILLAGES = [
    ["良口乡", "和里村", "是", "否", 2019, 2018, 210, 60, 28.57],
    ["良口乡", "和里村", "是", "否", 2019, 2019, 212, 8, 3.77],
    ["良口乡", "南寨村", "否", "否", None, None, None, None, None],
    ["独峒镇", "高定村", "是", "是", None, 2021, 130, 20, 15.38],  # a village the registry already holds
]
GOOD_NATURALS = [["良口乡", "和里村", "和里屯", 45, "是", date(2019, 8, 1)],
                 ["良口乡", "南寨村", "南寨屯", 21, "否", None]]


def workbook(villages: list[list], naturals: list[list]) -> bytes:
    return write_sheets([("行政村", VILLAGE_HEADERS, villages), ("自然屯", NATURAL_HEADERS, naturals)])


async def upload(projects, content: bytes, headers: dict = COUNTY, query: str = ""):
    return await projects.post(f"/villages/import.xlsx{query}", headers=headers,
                               files={"file": ("名录.xlsx", content, XLSX)})


async def village_events(projects) -> list:
    return [e for e in (await projects.get("/events", headers=CITY)).json()["events"] if e["type"] == "village.changed"]


async def test_import_stores_the_county_registry_and_a_second_import_changes_nothing(projects):
    r = await upload(projects, workbook(GOOD_VILLAGES, GOOD_NATURALS))
    assert r.status_code == 201, r.text
    assert [(v["township"], v["name"], v["exited_year"]) for v in r.json()] == [
        ("良口乡", "和里村", 2019), ("良口乡", "南寨村", None), ("独峒镇", "高定村", None)]
    heli = r.json()[0]
    detail = (await projects.get(f"/villages/{heli['id']}", headers=COUNTY)).json()
    assert [(y["year"], y["poor_households"], y["poverty_incidence"]) for y in detail["years"]] == [
        (2018, 60, "28.57"), (2019, 8, "3.77")]
    assert [(n["name"], n["road_hardened_on"]) for n in detail["natural_villages"]] == [("和里屯", "2019-08-01")]
    gaoding = (await projects.get(f"/villages/{r.json()[2]['id']}", headers=COUNTY)).json()
    assert 2021 in [y["year"] for y in gaoding["years"]] and len(gaoding["natural_villages"]) == 1
    first = await village_events(projects)
    assert {e["payload"]["name"] for e in first} == {"和里村", "南寨村", "高定村"}
    again = await upload(projects, workbook(GOOD_VILLAGES, GOOD_NATURALS))
    assert again.status_code == 201, again.text
    assert [v["id"] for v in again.json()] == [v["id"] for v in r.json()]
    assert await village_events(projects) == first  # nothing changed, nothing announced
    townships = (await projects.get("/townships?name=良口", headers=COUNTY)).json()["items"]
    assert len(townships) == 1


async def test_every_bad_row_is_reported_with_its_sheet_and_nothing_is_stored(projects):
    villages = GOOD_VILLAGES + [
        ["良口乡", "和里村", "否", "否", None, None, None, None, None],  # marks disagree with rows 2-3
        ["良口乡", "坏村", "否", "是", None, None, None, None, None],  # deep but not poor
        ["良口乡", "和里村", "是", "否", 2019, 2019, 1, 2, 200],  # duplicate year, bad figures
    ]
    naturals = GOOD_NATURALS + [["良口乡", "无此村", "某屯", 10, "否", None],
                                ["良口乡", "南寨村", "路屯", 10, "是", None]]
    r = await upload(projects, workbook(villages, naturals))
    assert r.status_code == 422, r.text
    problem = r.json()
    assert problem["code"] == "ledger.invalid_rows"
    where = {(p["row"], p["column"]) for p in problem["rows"]}
    assert (6, "是否贫困村（行政村）") in where and (7, "整行（行政村）") in where
    assert any(row == 8 for row, _ in where)
    assert (4, "行政村（自然屯）") in where and (5, "整行（自然屯）") in where
    assert (await projects.get("/villages?name=和里", headers=COUNTY)).json()["items"] == []
    assert await village_events(projects) == []


async def test_missing_sheet_or_column_and_other_counties_are_refused(projects):
    only_one = write_sheets([("行政村", VILLAGE_HEADERS, GOOD_VILLAGES)])
    r = await upload(projects, only_one)
    assert r.status_code == 422 and r.json()["code"] == "ledger.missing_sheet"
    r = await upload(projects, workbook([], []), headers=CITY)
    assert r.status_code == 422 and r.json()["fields"][0]["field"] == "county"
    r = await upload(projects, workbook(GOOD_VILLAGES, GOOD_NATURALS), query="?county=450225")
    assert r.status_code == 201  # a county office's own county wins over the parameter
    assert {v["county_code"] for v in r.json()} == {SANJIANG}
    r = await upload(projects, workbook(GOOD_VILLAGES, []), headers=bearer(Role.PROJECT_OWNER, SANJIANG, "x"))
    assert r.status_code == 403


async def test_export_is_the_import_layout_and_imports_back_unchanged(projects):
    r = await projects.get("/villages/export.xlsx?county=450225", headers=CITY)
    assert r.status_code == 200 and r.headers["content-type"] == XLSX
    book = load_workbook(io.BytesIO(r.content))
    villages = [list(row) for row in book["行政村"].iter_rows(values_only=True)]
    naturals = [list(row) for row in book["自然屯"].iter_rows(values_only=True)]
    assert villages[0] == VILLAGE_HEADERS and naturals[0] == NATURAL_HEADERS
    assert ["安陲乡", "江门村", "是", "是", None, 2017] == villages[1][:6]
    assert len(naturals) == 1 + 6
    before = await village_events(projects)
    again = await upload(projects, r.content, headers=CITY, query="?county=450225")
    assert again.status_code == 201, again.text
    assert await village_events(projects) == before
