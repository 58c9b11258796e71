"""Excel: importing labourers and placements (all or nothing, every bad row), exporting the quota ledger."""
import io
from datetime import datetime

import httpx
from openpyxl import load_workbook
from sqlalchemy import func, select

from services.employment.labourers.models import Labourer
from services.employment.ledger.columns import LABOURER_HEADERS, PLACEMENT_HEADERS, QUOTA_HEADERS
from services.kit.testing import bearer
from services.kit.xlsx import XLSX, write_xlsx
from tests.employment.data import COUNTY, HR, add_employer, add_labourer, new_id, report


def _row(id_number: str, registration: str = "贫困") -> list:
    return [id_number, "覃阿妹", COUNTY, "安陲乡", "江门村", "H-9", registration, "是", "缝纫、电焊"]


async def _upload(client: httpx.AsyncClient, path: str, headers: list[str], rows: list[list]) -> httpx.Response:
    content = write_xlsx("台账", headers, rows)
    return await client.post(path, headers=HR, files={"file": ("台账.xlsx", content, XLSX)})


async def _count(app) -> int:
    async with app.state.sessionmaker() as session:
        return await session.scalar(select(func.count()).select_from(Labourer))


async def test_import_labourers(employment: httpx.AsyncClient, employment_app, backend: str) -> None:
    r = await _upload(employment, "/labourers/import.xlsx", LABOURER_HEADERS, [_row(new_id()), _row(new_id(),
                                                                                                      "已脱贫")])
    assert r.status_code == 201, r.text
    got = r.json()
    assert [(x["registration"], x["relocated"], x["skills"]) for x in got] == [
        ("poor", True, ["缝纫", "电焊"]), ("lifted", True, ["缝纫", "电焊"])]
    assert await _count(employment_app) == 2


async def test_import_is_all_or_nothing_and_reports_every_bad_row(employment: httpx.AsyncClient,
                                                                  employment_app, backend: str) -> None:
    good, dup = new_id(), new_id()
    bad_check = new_id()
    bad_check = bad_check[:17] + ("1" if bad_check[17] == "0" else "0")
    rows = [_row(good), _row(bad_check), _row(dup), _row(dup), _row(new_id(), "不知道")]
    r = await _upload(employment, "/labourers/import.xlsx", LABOURER_HEADERS, rows)
    assert r.status_code == 422, r.text
    problems = {(p["row"], p["column"]): p["message"] for p in r.json()["rows"]}
    assert problems[(3, "身份证号码")] == "身份证号码校验位错误"
    assert "已登记" in problems[(5, "整行")] and dup not in r.text  # duplicate within the file, masked
    assert (6, "登记状态") in problems
    assert sorted({row for row, _ in problems}) == [3, 5, 6]
    assert await _count(employment_app) == 0  # the good rows were not kept either


async def test_import_placements_by_id_number(employment: httpx.AsyncClient, backend: str) -> None:
    lab = await add_labourer(employment)
    e = await add_employer(employment)
    start = datetime(2026, 3, 1)
    rows = [[lab["id_number"], "骨干企业", e["id"], None, None, start, None, "覃带头"]]
    r = await _upload(employment, "/placements/import.xlsx", PLACEMENT_HEADERS, rows)
    assert r.status_code == 201, r.text
    assert [(x["employer_id"], x["starts_on"], x["leader"]) for x in r.json()] == [(e["id"], "2026-03-01", "覃带头")]
    again = [[lab["id_number"], "骨干企业", e["id"], None, None, datetime(2026, 6, 1), None, None],
             [new_id(), "公益岗位", None, None, "护林员", start, None, None]]
    r = await _upload(employment, "/placements/import.xlsx", PLACEMENT_HEADERS, again)
    assert r.status_code == 422
    assert [(p["row"], p["column"]) for p in r.json()["rows"]] == [(2, "整行"), (3, "身份证号码")]
    assert "重叠" in r.json()["rows"][0]["message"]


async def test_export_quota_ledger(employment: httpx.AsyncClient, backend: str) -> None:
    e = await add_employer(employment, name="报送企业")
    await add_employer(employment, name="未报送企业")
    await report(employment, 200, 2026, employer_id=e["id"])
    r = await employment.get("/quotas/export.xlsx", params={"kind": "enterprise", "period": "2026"},
                             headers=bearer("inspector"))
    assert r.status_code == 200 and r.headers["content-type"] == XLSX
    rows = [list(x) for x in load_workbook(io.BytesIO(r.content)).worksheets[0].iter_rows(values_only=True)]
    assert rows[0] == QUOTA_HEADERS
    assert [(x[3], x[7], x[8], x[11]) for x in rows[1:]] == [("报送企业", 200, "0.00%", "未达标"),
                                                              ("未报送企业", None, None, "未报送")]


async def test_quota_export_writes_a_formula_like_employer_name_as_text(employment: httpx.AsyncClient,
                                                                        backend: str) -> None:
    e = await add_employer(employment, name="+柳州市=HYPERLINK(\"http://evil.example\")")
    await report(employment, 50, 2026, employer_id=e["id"])
    r = await employment.get("/quotas/export.xlsx", params={"kind": "enterprise", "period": "2026"},
                             headers=bearer("inspector"))
    row = load_workbook(io.BytesIO(r.content)).worksheets[0][2]
    assert row[3].value == "'" + e["name"] and row[3].data_type == "s"
    assert row[7].value == 50 and row[7].data_type == "n"


async def test_a_control_character_in_a_labourer_cell_refuses_the_file(employment: httpx.AsyncClient,
                                                                       employment_app, backend: str) -> None:
    bad = _row(new_id())
    bad[1] = "覃\x7f阿妹"
    r = await _upload(employment, "/labourers/import.xlsx", LABOURER_HEADERS, [_row(new_id()), bad])
    assert r.status_code == 422
    assert [(p["row"], p["column"]) for p in r.json()["rows"]] == [(3, "姓名")]
    assert "U+007F" in r.json()["rows"][0]["message"]
    assert await _count(employment_app) == 0
