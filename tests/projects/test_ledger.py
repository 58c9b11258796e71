"""Excel ledgers and bringing in existing projects."""
import io

from openpyxl import load_workbook
from sqlalchemy import text

from services.kit.xlsx import write_xlsx
from services.projects.ledger.columns import HEADERS
from tests.projects.life import CITY, COUNTY, OWNER, Life

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

EXISTING = {
    "name": "2016年杆洞乡党鸠村屯级道路", "county_code": "450225", "township": "杆洞乡", "village": "党鸠村",
    "category": "infrastructure", "owner_org": "融水县交通运输局", "uses_fiscal_funds": True,
    "budget": [{"source": "central", "year": 2016, "amount": "1200000"}],
    "beneficiaries": {"poor_households": 80, "poor_people": 320, "poor_villages": ["党鸠村"],
                      "description": "屯级道路硬化"},
    "targets": [{"indicator": "硬化道路", "unit": "公里", "target_value": "6.5"}],
    "planned_start_year": 2016, "planned_end_year": 2017,
    "status": "started", "admitted_on": "2016-03-01", "started_on": "2016-05-10", "plan_year": 2017,
    "progress_percent": 60, "last_progress_on": "2017-06-30", "library_code": "450225-2016-0031",
}


def sheet(content: bytes) -> list[list]:
    return [list(r) for r in load_workbook(io.BytesIO(content)).worksheets[0].iter_rows(values_only=True)]


async def upload(client, rows: list[list], headers: dict, kind: str = "submissions"):
    content = write_xlsx("台账", HEADERS, rows)
    return await client.post(f"/projects/import.xlsx?kind={kind}", headers=headers,
                             files={"file": ("台账.xlsx", content, XLSX)})


async def test_round_trip_export_change_a_cell_import_as_new_batch(projects, projects_app):
    life = Life(projects, projects_app)
    await life.submit()
    r = await projects.get("/projects/export.xlsx", headers=OWNER)
    assert r.status_code == 200 and r.headers["content-type"] == XLSX
    rows = sheet(r.content)
    assert rows[0] == HEADERS and "项目名称" in rows[0] and len(rows) == 2
    row = rows[1]
    budget = row[HEADERS.index("预算明细（来源:年度:金额）")]
    assert budget == "中央:2019:800000.00；县级:2019:150000.50；自筹:2020:50000.00"
    row[HEADERS.index("项目名称")] = "江门村百香果基地二期"
    imported = await upload(projects, [row], OWNER)
    assert imported.status_code == 201, imported.text
    [created] = imported.json()
    assert created["name"] == "江门村百香果基地二期" and created["status"] == "submitted"
    assert created["total_budget"] == "1000000.50" and created["id"] != life.id
    assert [(t["indicator"], t["unit"]) for t in created["targets"]] == [("带动贫困户增收", "户")]
    assert float(created["targets"][0]["target_value"]) == 42


async def test_three_bad_rows_are_all_reported_and_nothing_is_written(projects, projects_app):
    life = Life(projects, projects_app)
    await life.submit()
    good = sheet((await projects.get("/projects/export.xlsx", headers=OWNER)).content)[1]
    bad_county, bad_money, not_eligible = list(good), list(good), list(good)
    bad_county[HEADERS.index("县区代码")] = "440800"
    bad_money[HEADERS.index("预算明细（来源:年度:金额）")] = "中央:2019:12.345"
    not_eligible[HEADERS.index("是否使用财政扶贫资金")] = "否"
    r = await upload(projects, [good, bad_county, bad_money, not_eligible], OWNER)
    assert r.status_code == 422
    problem = r.json()
    assert problem["code"] == "ledger.invalid_rows"
    assert sorted({row["row"] for row in problem["rows"]}) == [3, 4, 5]
    columns = {row["row"]: row["column"] for row in problem["rows"]}
    assert columns == {3: "县区代码", 4: "预算明细（来源:年度:金额）", 5: "是否使用财政扶贫资金"}
    assert "第 3、4、5 行" in problem["detail"]
    assert len((await projects.get("/projects", headers=CITY)).json()["items"]) == 1


async def test_a_file_that_is_not_excel_is_a_clear_422(projects):
    r = await projects.post("/projects/import.xlsx", headers=OWNER, files={"file": ("x.xlsx", b"not excel", XLSX)})
    assert r.status_code == 422 and r.json()["code"] == "ledger.unreadable"


async def test_import_existing_projects_at_their_state_with_original_dates(projects):
    r = await projects.post("/projects/import", json=[EXISTING], headers=COUNTY)
    assert r.status_code == 201, r.text
    [p] = r.json()
    assert p["status"] == "started" and p["started_on"] == "2016-05-10" and p["library_code"] == "450225-2016-0031"
    assert p["progress_percent"] == 60 and p["plan_year"] == 2017
    plan = (await projects.get("/plans/450225/2017", headers=CITY)).json()
    assert plan["entries"][0]["added_via"] == "import"
    timeline = (await projects.get(f"/projects/{p['id']}/timeline", headers=CITY)).json()
    assert timeline[0]["action"] == "import" and timeline[0]["data"]["started_on"] == "2016-05-10"


async def test_import_is_all_or_nothing(projects):
    broken = EXISTING | {"name": "缺开工日期", "started_on": None, "library_code": None}
    r = await projects.post("/projects/import", json=[EXISTING, broken], headers=COUNTY)
    assert r.status_code == 422 and r.json()["fields"][0]["field"].startswith("1")
    assert (await projects.get("/projects", headers=CITY)).json()["items"] == []


async def test_import_existing_from_excel_by_the_county_office_only(projects):
    await projects.post("/projects/import", json=[EXISTING], headers=COUNTY)
    row = sheet((await projects.get("/projects/export.xlsx", headers=CITY)).content)[1]
    row[HEADERS.index("入库编号")] = None
    row[HEADERS.index("项目名称")] = "另一条历史道路"
    assert (await upload(projects, [row], OWNER, "existing")).status_code == 403
    r = await upload(projects, [row], COUNTY, "existing")
    assert r.status_code == 201, r.text
    # numbering continues above the imported 450225-2016-0031
    assert r.json()[0]["library_code"] == "450225-2016-0032" and r.json()[0]["started_on"] == "2016-05-10"


HYPERLINK = '=HYPERLINK("http://evil.example/?x=1","点击领取补贴")'


async def test_export_writes_a_formula_like_name_as_inert_text(projects, projects_app):
    await Life(projects, projects_app).submit(name=HYPERLINK)
    r = await projects.get("/projects/export.xlsx", headers=OWNER)
    book = load_workbook(io.BytesIO(r.content))  # formulas kept as formulas, if there were any
    cell = book.worksheets[0].cell(row=2, column=HEADERS.index("项目名称") + 1)
    assert cell.value == "'" + HYPERLINK and cell.data_type == "s"
    total = book.worksheets[0].cell(row=2, column=HEADERS.index("总预算（元）") + 1)
    assert total.data_type == "n"  # numbers stay numbers


async def test_control_characters_stored_by_an_older_version_cannot_fail_the_export(projects, projects_app, backend):
    life = Life(projects, projects_app)
    await life.submit()
    stored = "abc\x00def" if backend == "sqlite" else "abc\x01def"  # PostgreSQL text never held a NUL
    async with projects_app.state.sessionmaker() as session:
        await session.execute(text("UPDATE projects SET name = :name WHERE id = :id"), {"name": stored, "id": life.id})
        await session.commit()
    for caller in (COUNTY, CITY):
        r = await projects.get("/projects/export.xlsx", headers=caller)
        assert r.status_code == 200, r.text
        assert sheet(r.content)[1][HEADERS.index("项目名称")] == "abc\ufffddef"


async def test_a_control_character_in_an_imported_cell_refuses_the_whole_file(projects, projects_app):
    await Life(projects, projects_app).submit()
    good = sheet((await projects.get("/projects/export.xlsx", headers=OWNER)).content)[1]
    multiline = list(good)
    multiline[HEADERS.index("带贫减贫机制")] = "土地入股\n基地务工\t保底分红"  # free text: tab and newline are fine
    tabbed = list(good)
    tabbed[HEADERS.index("乡镇")] = "安陲\t乡"
    r = await upload(projects, [good, multiline, tabbed], OWNER)
    assert r.status_code == 422, r.text
    assert [(p["row"], p["column"]) for p in r.json()["rows"]] == [(4, "乡镇")]
    assert "U+0009" in r.json()["rows"][0]["message"]
    assert len((await projects.get("/projects", headers=CITY)).json()["items"]) == 1  # only the first submission
    r = await upload(projects, [good, multiline], OWNER)
    assert r.status_code == 201 and r.json()[1]["beneficiaries"]["description"] == "土地入股\n基地务工\t保底分红"
