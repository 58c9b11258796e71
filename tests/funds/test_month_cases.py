"""GET /rectification-cases/month: a month's cases per county in one call (read by the reporting service)."""
from datetime import timedelta

from services.kit.auth import Role
from services.kit.months import Month
from services.kit.testing import bearer
from tests.funds.helpers import CITY_FINANCE, FINANCE, RONGSHUI, new_batch


async def test_open_and_overdue_at_the_months_end_per_county(funds, funds_app):
    batch = await new_batch(funds, "500000")
    today = funds_app.state.clock.today()
    r = await funds.post("/rectification-cases", headers=FINANCE, json={
        "batch_id": batch["id"], "measure": "尽快分配", "responsible_unit": "融水县财政局",
        "deadline": (today - timedelta(days=3)).isoformat()})
    assert r.status_code == 201, r.text
    this_month = Month.of(today)
    r = await funds.get(f"/rectification-cases/month?month={this_month}", headers=CITY_FINANCE)
    assert r.status_code == 200, r.text
    assert r.json() == [{"county_code": RONGSHUI, "open": 1, "overdue": 1, "closed_in_month": 0}]
    before = await funds.get(f"/rectification-cases/month?month={this_month.shifted(-1)}", headers=CITY_FINANCE)
    assert before.json() == [{"county_code": RONGSHUI, "open": 0, "overdue": 0, "closed_in_month": 0}]
    other = await funds.get(f"/rectification-cases/month?month={this_month}",
                            headers=bearer(Role.FINANCE, "450226"))
    assert other.json() == []
