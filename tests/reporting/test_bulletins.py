"""Bulletins: a draft from every service's figures, issued editions frozen, corrections with a reason, scope."""
import io
from decimal import Decimal

from openpyxl import load_workbook
from sqlalchemy import select

from services.kit.audit import AuditRecord
from services.kit.auth import Role
from services.kit.testing import bearer
from tests.reporting.conftest import Stack
from tests.reporting.data import RONGSHUI, SANJIANG, seed, spend

CITY = bearer(Role.CITY_OFFICE, sub="city-office")
COUNTY = bearer(Role.COUNTY_OFFICE, RONGSHUI)
MONTH = "2026-10"


def county(bulletin: dict, code: str) -> dict:
    return next(c for c in bulletin["counties"] if c["county_code"] == code)


async def test_preview_has_one_row_per_county_with_every_services_figures(stack: Stack):
    await seed(stack)
    r = await stack.reporting.get(f"/bulletins/{MONTH}/preview", headers=CITY)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["status"] == "draft" and body["edition"] is None
    assert len(body["counties"]) == 10 and len(body["ranking"]) == 10
    rongshui = county(body, RONGSHUI)
    assert rongshui["entries"] == 2 and rongshui["in_library"] == 2
    assert [(s["key"], s["count"]) for s in rongshui["entries_by_status"]] == [("started", 2)]
    assert (Decimal(rongshui["received"]), Decimal(rongshui["allocated"]), Decimal(rongshui["spent"])) == \
        (Decimal("1000000.00"), Decimal("800000.00"), Decimal("600000.00"))
    assert Decimal(rongshui["spend_rate"]) == Decimal("0.6")
    assert county(body, SANJIANG)["entries"] == 1 and Decimal(county(body, SANJIANG)["received"]) == 0
    # two months (this one and last month's ranking) of eleven reads each, whatever the data
    assert body["upstream_calls"] == 22


async def test_issued_bulletin_is_frozen_and_a_correction_needs_a_reason(stack: Stack):
    ids = await seed(stack)
    r = await stack.reporting.post(f"/bulletins/{MONTH}/issue", json={}, headers=CITY)
    assert r.status_code == 201, r.text
    assert r.json()["edition"] == 1 and r.json()["status"] == "issued"
    await spend(stack, ids["allocation"]["id"], "100000", "2016-07-02")
    frozen = (await stack.reporting.get(f"/bulletins/{MONTH}", headers=CITY)).json()
    assert Decimal(county(frozen, RONGSHUI)["spent"]) == Decimal("600000")
    draft = (await stack.reporting.get(f"/bulletins/{MONTH}/preview", headers=CITY)).json()
    assert Decimal(county(draft, RONGSHUI)["spent"]) == Decimal("700000")

    again = await stack.reporting.post(f"/bulletins/{MONTH}/issue", json={}, headers=CITY)
    assert again.status_code == 422 and again.json()["code"] == "bulletin.reason_required"
    assert (await stack.reporting.get("/bulletins", headers=CITY)).json()["items"][0]["edition"] == 1
    fixed = await stack.reporting.post(f"/bulletins/{MONTH}/issue", json={"reason": "补录报账"}, headers=CITY)
    assert fixed.status_code == 201 and fixed.json()["edition"] == 2
    first = (await stack.reporting.get(f"/bulletins/{MONTH}?edition=1", headers=CITY)).json()
    assert Decimal(county(first, RONGSHUI)["spent"]) == Decimal("600000")
    assert [e["edition"] for e in (await stack.reporting.get("/bulletins", headers=CITY)).json()["items"]] == [2, 1]
    feed = (await stack.reporting.get("/events", headers=CITY)).json()["events"]
    assert [(e["type"], e["payload"]["edition"]) for e in feed] == [("bulletin.issued", 1), ("bulletin.issued", 2)]
    assert feed[1]["payload"]["reason"] == "补录报账"
    async with stack.reporting_app.state.sessionmaker() as session:
        trail = (await session.scalars(select(AuditRecord).order_by(AuditRecord.id))).all()
    assert [(a.action, a.actor, a.after["edition"], a.after["reason"]) for a in trail] == [
        ("bulletin.issued", "city-office", 1, None), ("bulletin.issued", "city-office", 2, "补录报账")]


async def test_only_the_city_office_issues_and_a_county_sees_its_own_rows(stack: Stack):
    await seed(stack)
    refused = await stack.reporting.post(f"/bulletins/{MONTH}/issue", json={}, headers=COUNTY)
    assert refused.status_code == 403
    assert (await stack.reporting.get(f"/bulletins/{MONTH}", headers=CITY)).status_code == 404
    body = (await stack.reporting.get(f"/bulletins/{MONTH}/preview", headers=COUNTY)).json()
    assert [c["county_code"] for c in body["counties"]] == [RONGSHUI]
    assert [r["county_code"] for r in body["ranking"]] == [RONGSHUI]


async def test_future_and_malformed_months_are_refused(stack: Stack):
    r = await stack.reporting.get("/bulletins/2035-01/preview", headers=CITY)
    assert r.status_code == 422 and r.json()["code"] == "bulletin.future_month"
    r = await stack.reporting.get("/ranking?month=2026-13", headers=CITY)
    assert r.status_code == 422


async def test_excel_has_chinese_headers_money_with_two_decimals_and_rates_as_percent(stack: Stack):
    await seed(stack)
    r = await stack.reporting.get(f"/bulletins/{MONTH}/export.xlsx?draft=true", headers=CITY)
    assert r.status_code == 200, r.text
    sheet = load_workbook(io.BytesIO(r.content)).worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["县区", "名次", "综合得分"] and sheet[1][0].font.b and sheet.freeze_panes == "A2"
    rongshui = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "融水苗族自治县")
    spent, rate = rongshui[header.index("已支出（元）")], rongshui[header.index("支出进度")]
    assert (spent.value, spent.number_format) == (600000, "#,##0.00")
    assert (rate.value, rate.number_format) == (0.6, "0.00%")
    assert sheet.column_dimensions["J"].width == 16
    assert (await stack.reporting.get(f"/bulletins/{MONTH}/export.xlsx", headers=CITY)).status_code == 404
