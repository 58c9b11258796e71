"""Excel ledgers: batches, idle funds and cases out with Chinese headers; spending in, all rows or none."""
import io
import uuid
from datetime import date, timedelta

from openpyxl import load_workbook
from sqlalchemy import text

from services.funds.excel.router import SPENDING_HEADERS
from services.kit.xlsx import write_xlsx
from tests.funds.helpers import FINANCE, INSPECTOR, allocate, make_projects, new_batch, project_row, yuan

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def sheet(content: bytes) -> list[list]:
    return [list(r) for r in load_workbook(io.BytesIO(content)).worksheets[0].iter_rows(values_only=True)]


async def upload(funds, rows: list[list], key: str | None = None, content: bytes | None = None):
    content = content or write_xlsx("报账", SPENDING_HEADERS, rows)
    return await funds.post("/ledgers/spendings.xlsx", headers=FINANCE | {"Idempotency-Key": key or uuid.uuid4().hex},
                            files={"file": ("报账.xlsx", content, XLSX)})


async def test_exports_have_chinese_headers(funds, funds_app):
    today = funds_app.state.clock.today()
    batch = await new_batch(funds, "500", received_on=today - timedelta(days=70))
    await funds.post("/rectification-cases", headers=FINANCE, json={
        "batch_id": batch["id"], "measure": "尽快安排", "responsible_unit": "融水县财政局"})
    batches = sheet((await funds.get("/ledgers/batches.xlsx", headers=INSPECTOR)).content)
    assert batches[0][:3] == ["批次编号", "文号", "资金来源"]
    assert batches[1][2] == "中央" and batches[1][4] == "融水苗族自治县"
    idle = sheet((await funds.get("/ledgers/idle-funds.xlsx", headers=FINANCE)).content)
    assert idle[1][0] == "未分配" and idle[1][12] == "安排项目"
    cases = sheet((await funds.get("/ledgers/rectification-cases.xlsx", headers=FINANCE)).content)
    assert cases[0][0] == "整改编号" and cases[1][6] == "安排项目" and cases[1][12] == "待整改"


async def test_spending_import_is_all_or_nothing_and_reports_every_bad_row(funds, projects):
    [pid] = await make_projects(projects, project_row("道路"))
    batch = await new_batch(funds)
    a = await allocate(funds, batch["id"], pid, "1000")
    day = date(2016, 7, 1)
    good = [a["id"], "100", day, "X-1", "施工队"]
    r = await upload(funds, [good, [a["id"], "abc", day, "X-2", "x"], [a["id"], "5", day, "X-1", "x"],
                             ["?", "5", day, "X-3", "x"]])
    assert r.status_code == 422 and r.json()["code"] == "ledger.invalid_rows"
    assert {f["field"].split("·")[0] for f in r.json()["fields"]} == {"第3行", "第4行", "第5行"}
    r = await upload(funds, [good, [a["id"], "950", day, "X-2", "x"]])
    assert r.status_code == 422 and "第 3 行" in r.json()["detail"]  # overdraws: refused, nothing written
    assert [(p["row"], p["column"]) for p in r.json()["rows"]] == [(3, "整行")]
    assert yuan((await funds.get(f"/allocations/{a['id']}", headers=FINANCE)).json()["balance"]) == 1000
    workbook = write_xlsx("报账", SPENDING_HEADERS, [good, [a["id"], "900", day, "X-2", "x"]])
    r = await upload(funds, [], key="upload-1", content=workbook)
    assert r.status_code == 201 and len(r.json()) == 2
    replay = await upload(funds, [], key="upload-1", content=workbook)
    assert replay.status_code == 201 and replay.json() == r.json()
    assert yuan((await funds.get(f"/allocations/{a['id']}", headers=FINANCE)).json()["balance"]) == 0


async def test_batch_exports_write_user_text_as_inert_text(funds, funds_app, backend):
    doc, purpose = '=HYPERLINK("http://evil.example","文件")', "@SUM(1+1)*cmd|' /C calc'!A0"
    batch = await new_batch(funds, doc=doc)
    async with funds_app.state.sessionmaker() as session:  # an older version stored purposes unchecked
        await session.execute(text("UPDATE fund_batches SET purpose = :p WHERE id = :id"),
                              {"p": purpose + ("\x00" if backend == "sqlite" else "\x0b"), "id": batch["id"]})
        await session.commit()
    r = await funds.get("/ledgers/batches.xlsx", headers=INSPECTOR)
    assert r.status_code == 200, r.text
    row = load_workbook(io.BytesIO(r.content)).worksheets[0][2]
    assert row[1].value == "'" + doc and row[1].data_type == "s"
    assert row[9].value == "'" + purpose + "\ufffd" and row[9].data_type == "s"
    assert row[5].data_type == "n" and row[8].data_type == "d"  # money and dates stay numbers and dates


async def test_a_control_character_in_a_spending_cell_refuses_the_file(funds, projects):
    [pid] = await make_projects(projects, project_row("道路"))
    a = await allocate(funds, (await new_batch(funds))["id"], pid, "1000")
    day = date(2016, 7, 1)
    r = await upload(funds, [[a["id"], "100", day, "X-1", "施工队"], [a["id"], "100", day, "X-2", "施工\t队"]])
    assert r.status_code == 422 and [(p["row"], p["column"]) for p in r.json()["rows"]] == [(3, "收款单位")]
    assert yuan((await funds.get(f"/allocations/{a['id']}", headers=FINANCE)).json()["balance"]) == 1000
