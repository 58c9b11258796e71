"""The dashboard in a real headless Chromium, signed in as a county and as the city: what a person sees (the
ranked counties, the bars of each chart, a figure equal to the GraphQL answer, the list behind a figure), with no
request leaving 127.0.0.1. Screenshots go to var/ for people to look at."""
import uuid
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, Page

from devtools.stack import ROOT, Stack
from services.kit.auth import Role
from services.kit.clock import Clock
from services.kit.months import Month
from tests.system.http import gql, token
from tests.system.test_docs_in_browser import RENDER_MS, Recorded, browser  # noqa: F401  (the browser fixture)

pytestmark = pytest.mark.system
RONGSHUI = "450225"
SHOTS = ROOT / "var"
FIGURES = """query($month: String!) { countyRanking(month: $month) { rows { countyCode score } }
  bulletin(month: $month, draft: true) { counties { countyCode spendRate } } }"""


@pytest.fixture(scope="module")
def month(stack: Stack) -> Iterator[str]:
    """This month in Liuzhou, with a library entry of Rongshui's and money received, allocated and partly spent,
    so its row and the charts have figures."""
    entry = {"name": "看板测试道路", "county_code": RONGSHUI, "township": "杆洞乡", "village": "党鸠村",
             "category": "infrastructure", "owner_org": "融水县交通运输局", "uses_fiscal_funds": True,
             "budget": [{"source": "central", "year": 2016, "amount": "1200000"}],
             "beneficiaries": {"poor_households": 80, "poor_people": 320, "poor_villages": ["党鸠村"],
                               "description": "屯级道路硬化"},
             "targets": [{"indicator": "硬化道路", "unit": "公里", "target_value": "6.5"}],
             "planned_start_year": 2016, "planned_end_year": 2017, "status": "started", "admitted_on": "2016-03-01",
             "started_on": "2016-05-10", "plan_year": 2017, "progress_percent": 60, "last_progress_on": "2017-06-30"}
    r = httpx.post(stack.url("projects") + "/projects/import", json=[entry],
                   headers=token(Role.COUNTY_OFFICE, RONGSHUI), timeout=15)
    assert r.status_code == 201, r.text
    project_id, tag = r.json()[0]["id"], uuid.uuid4().hex[:6]
    with httpx.Client(base_url=stack.url("funds"), timeout=15) as funds:
        batch = _money(funds, "/batches", {"doc_number": f"融财农〔2016〕看板{tag}号", "source_level": "central",
                                           "year": 2016, "county_code": RONGSHUI, "amount": "1000000",
                                           "received_on": "2016-06-01", "purpose": "基础设施"})
        allocation = _money(funds, f"/batches/{batch['id']}/allocations",
                            {"project_id": project_id, "amount": "600000", "allocated_on": "2016-06-02"})
        _money(funds, f"/allocations/{allocation['id']}/spendings",
               {"amount": "300000", "spent_on": "2016-07-01", "voucher_no": f"看板-{tag}", "payee": "施工单位"})
    yield str(Month.of(Clock().today()))


def _money(funds: httpx.Client, path: str, body: dict) -> dict:
    r = funds.post(path, json=body, headers=token(Role.FINANCE, RONGSHUI) | {"Idempotency-Key": uuid.uuid4().hex})
    assert r.status_code == 201, r.text
    return r.json()


def _sign_in(browser: Browser, stack: Stack, month: str, headers: dict[str, str]) -> tuple[Page, Recorded]:  # noqa: F811
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    recorded = Recorded(page)
    page.goto(f"{stack.url('gateway')}/dashboard?month={month}", wait_until="load")
    page.fill("#token", headers["Authorization"].removeprefix("Bearer "))
    page.click("button[type=submit]")
    page.wait_for_selector(f"body[data-loaded='{month}']", timeout=RENDER_MS * 3)
    return page, recorded


def _bars(page: Page, chart: str) -> int:
    """How many bars the first series of a chart drew."""
    return page.evaluate(f"window.dashboardCharts['{chart}'].getModel().getSeriesByIndex(0).getData().count()")


def test_the_city_sees_ten_ranked_counties_and_a_figure_equal_to_graphql(stack: Stack, browser: Browser,  # noqa: F811
                                                                         month: str):
    city = token(Role.CITY_OFFICE)
    page, recorded = _sign_in(browser, stack, month, city)
    try:
        assert page.locator("#ranking tbody tr").count() == 10
        assert _bars(page, "chart-spend") == 10 and _bars(page, "chart-overdue") == 10
        assert _bars(page, "chart-idle-class") == 5 and _bars(page, "chart-idle-age") == 4
        with httpx.Client(base_url=stack.url("gateway"), timeout=30) as client:
            answer = gql(client, FIGURES, city, month=month)["data"]
        score = next(r["score"] for r in answer["countyRanking"]["rows"] if r["countyCode"] == RONGSHUI)
        row = page.locator(f"#ranking tr[data-county='{RONGSHUI}']")
        assert row.locator("td.score").inner_text() == score
        rate = next(c["spendRate"] for c in answer["bulletin"]["counties"] if c["countyCode"] == RONGSHUI)
        assert float(rate) > 0  # the money seeded above
        assert row.locator("td.spend-rate").inner_text() == f"{float(rate) * 100:.2f}%"
        row.locator("td").nth(1).locator("a").click()  # the county's score, indicator by indicator
        assert page.locator("#detail-table tbody tr").count() == 5
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / "dashboard-city.png"), full_page=True)
        assert recorded.off_host() == [] and recorded.errors == []
    finally:
        page.close()


def test_a_county_sees_its_own_row_and_one_bar(stack: Stack, browser: Browser, month: str):  # noqa: F811
    page, recorded = _sign_in(browser, stack, month, token(Role.COUNTY_OFFICE, RONGSHUI))
    try:
        assert page.locator("#ranking tbody tr").count() == 1
        assert page.locator("#ranking tbody tr td").nth(1).inner_text() == "融水苗族自治县"
        assert _bars(page, "chart-spend") == 1 and _bars(page, "chart-quota") == 1
        page.locator("#ranking tbody tr td").nth(9).locator("a").click()  # stalled entries: the list behind it
        page.wait_for_selector("#detail-table tbody td:has-text('看板测试道路')", timeout=RENDER_MS)
        page.screenshot(path=str(SHOTS / "dashboard-county.png"), full_page=True)
        assert recorded.off_host() == [] and recorded.errors == []
    finally:
        page.close()
