"""The ranking and the reminder list against a small data set computed by hand.

Eight counties have no data: spend rate 0 (0 of 30), no idle money (20), no overdue case (20), no quota subject
(15), no stalled entry (15) = 70.00. Rongshui: 600,000 spent of 1,000,000 (18.00); idle 200,000 unallocated plus
200,000 allocated and unspent since 2016 = 40% (12.00); no case (20); no subject (15); both started entries quiet
since 2016, stalled 2 of 2 (0) = 65.00. Sanjiang: nothing received (0), 20, 20, 15, its one admitted entry due
to start in 2016 is stalled (0) = 55.00. The eight share first place; Rongshui is ninth, Sanjiang tenth, and with
REPORTING_BOTTOM_SIZE=2 both are on the bottom list.
"""
from datetime import timedelta
from decimal import Decimal

from services.kit.auth import Role
from services.kit.months import Month
from services.kit.testing import bearer
from tests.reporting.conftest import Stack
from tests.reporting.data import RONGSHUI, SANJIANG, seed
from tests.reporting.test_bulletins import CITY, COUNTY, MONTH

FINANCE = bearer(Role.FINANCE, RONGSHUI, sub="finance-rongshui")


async def test_ranking_matches_the_hand_computed_scores(stack: Stack):
    await seed(stack)
    r = await stack.reporting.get(f"/ranking?month={MONTH}", headers=CITY)
    assert r.status_code == 200, r.text
    rows = r.json()["rows"]
    assert [(row["county_code"], Decimal(row["score"])) for row in rows[-2:]] == \
        [(RONGSHUI, Decimal("65.00")), (SANJIANG, Decimal("55.00"))]
    assert all(Decimal(row["score"]) == Decimal("70.00") for row in rows[:8])
    assert [row["rank"] for row in rows] == [1] * 8 + [9, 10]  # equal scores share a place
    assert r.json()["bottom"] == [RONGSHUI, SANJIANG]
    rongshui = rows[8]
    assert [(i["indicator"], Decimal(i["points"])) for i in rongshui["indicators"]] == [
        ("spend_rate", Decimal("18.00")), ("idle_share", Decimal("12.00")), ("overdue_cases", Decimal("20.00")),
        ("quota_compliance", Decimal("15.00")), ("stalled_share", Decimal("0.00"))]
    assert "600000.00 元 ÷ 到位 1000000.00 元 = 60.00%" in rongshui["indicators"][0]["explanation"]
    # last month had the same stock figures: nobody moved
    assert rongshui["previous_rank"] == 9 and rongshui["change"] == 0
    mine = (await stack.reporting.get(f"/ranking?month={MONTH}", headers=COUNTY)).json()
    assert [row["county_code"] for row in mine["rows"]] == [RONGSHUI] and mine["rows"][0]["rank"] == 9


async def test_reminders_name_rule_unit_and_evidence(stack: Stack):
    ids = await seed(stack)
    today = stack.reporting_app.state.clock.today()
    deadline = today - timedelta(days=45)
    r = await stack.funds.post("/rectification-cases", headers=FINANCE, json={
        "batch_id": ids["batch"]["id"], "measure": "尽快分配", "responsible_unit": "融水县财政局",
        "deadline": deadline.isoformat()})
    assert r.status_code == 201, r.text
    month = str(Month.of(today))
    r = await stack.reporting.get(f"/reminders?month={month}", headers=CITY)
    assert r.status_code == 200, r.text
    found = [(x["rule"], x["county_code"], x["unit"]) for x in r.json()]
    assert ("case_overdue", RONGSHUI, "融水县财政局") in found
    assert [x for x in found if x[0] == "county_at_bottom"] == [
        ("county_at_bottom", RONGSHUI, "融水苗族自治县"), ("county_at_bottom", SANJIANG, "三江侗族自治县")]
    case = next(x for x in r.json() if x["rule"] == "case_overdue")
    assert "已逾期 45 天" in case["evidence"]
    mine = (await stack.reporting.get(f"/reminders?month={month}", headers=bearer(Role.COUNTY_OFFICE, SANJIANG)))
    assert {x["county_code"] for x in mine.json()} == {SANJIANG}
