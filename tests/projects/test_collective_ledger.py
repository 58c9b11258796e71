"""Collective-economy Excel (all rows or none), collective-economy entries' expected income, 三变 shares."""
import io

from openpyxl import load_workbook

from services.kit.xlsx import XLSX, write_xlsx
from tests.projects.life import CITY, COUNTY, Life
from tests.projects.places_seed import seed
from tests.projects.test_collective import SANJIANG_OFFICE

HEADERS = ["乡镇", "行政村", "年度", "入股分红（元）", "资源发包租赁（元）", "经营收入（元）", "其他收入（元）"]
TOWNSHIP = "450225测试乡"


async def upload(client, rows: list[list], headers: dict = COUNTY):
    content = write_xlsx("收入", HEADERS, rows)
    return await client.post("/collective/incomes/import.xlsx", files={"file": ("incomes.xlsx", content, XLSX)},
                             headers=headers)


async def test_import_all_or_nothing_then_export(projects, projects_app):
    await seed(projects_app)
    bad = await upload(projects, [[TOWNSHIP, "甲村", 2019, 30000, 20000, 10000, 0],
                                  [TOWNSHIP, "不存在村", 2019, 1, 1, 1, 1],
                                  [TOWNSHIP, "乙村", 2019, -5, 0, 0, 0],
                                  [TOWNSHIP, "甲村", 2019, 1, 0, 0, 0],
                                  [TOWNSHIP, "丙村", 2019, "=1+1", 0, 0, 0]])
    assert bad.status_code == 422 and bad.json()["code"] == "ledger.invalid_rows"
    assert {(r["row"], r["column"]) for r in bad.json()["rows"]} == {
        (3, "行政村"), (4, "入股分红（元）"), (5, "行政村"), (6, "入股分红（元）")}
    assert (await projects.get("/collective/incomes", headers=CITY)).json()["items"] == []
    assert (await upload(projects, [[TOWNSHIP, "己村", 2019, 1, 0, 0, 0]], SANJIANG_OFFICE)).status_code == 422
    good = await upload(projects, [[TOWNSHIP, "甲村", 2019, 30000, 20000, 10000, 0],
                                   [TOWNSHIP, "乙村", 2019, "49999.99", 0, 0, 0]])
    assert good.status_code == 201, good.text
    assert [(i["village_name"], i["total"]) for i in good.json()] == [("甲村", "60000.00"), ("乙村", "49999.99")]
    again = await upload(projects, [[TOWNSHIP, "甲村", 2019, 1, 0, 0, 0]])
    assert again.status_code == 422 and again.json()["rows"][0]["column"] == "整行"  # already recorded
    book = load_workbook(io.BytesIO((await projects.get("/collective/incomes/export.xlsx?year=2019",
                                                        headers=CITY)).content))
    rows = list(book.active.values)
    assert list(rows[0][:7]) == HEADERS and rows[1][1] == "甲村" and rows[1][7] == 60000 and rows[2][8] == "否"
    gaps = load_workbook(io.BytesIO((await projects.get("/collective/gaps/export.xlsx?year=2019&county=450225",
                                                        headers=CITY)).content))
    assert [r[2] for r in list(gaps.active.values)[1:]] == ["乙村", "丙村", "丁村", "戊村"]


async def test_expected_income_of_a_collective_economy_entry(projects, projects_app):
    places = await seed(projects_app)
    entry = Life(projects, projects_app)
    await entry.submit(name="甲村光伏集体经济项目", category="collective_economy", village_id=places.villages["甲村"])
    other = Life(projects, projects_app)  # in a non-poor village, serving a poor one
    await other.submit(name="乙村种植项目", village_id=places.villages["乙村"],
                       poor_village_ids=[places.villages["甲村"]])
    [listed] = (await projects.get("/collective/projects", headers=CITY)).json()["items"]
    assert listed["project_id"] == entry.id and listed["expected_income"] is None and listed["village_name"] == "甲村"
    path = f"/collective/projects/{entry.id}/expected-income"
    assert (await projects.put(path, json={"amount": "12000"}, headers=COUNTY | {"If-Match": '"1"'})
            ).status_code == 412  # none recorded yet: version 0
    r = await projects.put(path, json={"amount": "12000"}, headers=COUNTY | {"If-Match": '"0"'})
    assert r.status_code == 200 and r.json()["expected_income"] == "12000.00" and r.json()["expected_version"] == 1
    r = await projects.put(path, json={"amount": "15000.5"}, headers=COUNTY | {"If-Match": '"1"'})
    assert r.json()["expected_income"] == "15000.50" and r.json()["expected_version"] == 2
    refused = await projects.put(f"/collective/projects/{other.id}/expected-income", json={"amount": "1"},
                                 headers=COUNTY | {"If-Match": '"0"'})
    assert refused.status_code == 409 and refused.json()["code"] == "collective.not_collective_economy"
    assert (await projects.put(path, json={"amount": "-1"}, headers=COUNTY | {"If-Match": '"2"'})).status_code == 422


async def test_share_conversions_per_village(projects, projects_app):
    places = await seed(projects_app)
    entry = Life(projects, projects_app)
    await entry.submit(name="甲村入股分红项目", village_id=places.villages["甲村"])
    share = {"village_id": places.villages["甲村"], "project_id": entry.id, "year": 2019, "members": 120,
             "households": 35, "shares": 500, "amount": "500000"}
    for bad in (share | {"households": 121}, share | {"shares": 0}, share | {"amount": "0"}, share | {"extra": 1}):
        r = await projects.post("/collective/shares", json=bad, headers=COUNTY)
        assert r.status_code == 422, (bad, r.text)
    sanjiang = share | {"village_id": places.villages["己村"]}
    assert (await projects.post("/collective/shares", json=sanjiang, headers=COUNTY)).status_code == 404
    r = await projects.post("/collective/shares", json=share, headers=COUNTY)
    assert r.status_code == 201, r.text
    assert r.json()["village_name"] == "甲村" and r.json()["amount"] == "500000.00"
    listed = (await projects.get(f"/collective/shares?village_id={places.villages['甲村']}", headers=CITY)).json()
    assert [(s["members"], s["households"], s["shares"]) for s in listed["items"]] == [(120, 35, 500)]
    assert (await projects.get("/collective/shares", headers=SANJIANG_OFFICE)).json()["items"] == []
