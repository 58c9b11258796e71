"""The scheduled idle sweep (FUNDS_SWEEP_SECONDS): one case per idle item in every county, audited as the
schedule, and a second round opens nothing."""
from sqlalchemy import select

from services.funds.rectification.schedule import sweep_round
from services.kit.audit import AuditRecord
from tests.funds.helpers import CITY_FINANCE, batch_body, move, new_batch


async def test_a_round_opens_one_case_per_idle_item_in_every_county(funds, funds_app):
    rongshui = await new_batch(funds, "5000")  # received in 2016 and never allocated: idle, class assign
    r = await move(funds, "/batches", batch_body("7000", county="450226"), headers=CITY_FINANCE)
    assert r.status_code == 201, r.text
    sanjiang = r.json()
    assert await sweep_round(funds_app) == 2
    assert await sweep_round(funds_app) == 0

    cases = (await funds.get("/rectification-cases", headers=CITY_FINANCE)).json()["items"]
    assert sorted((c["batch_id"], c["county_code"], c["idle_class"], c["opened_by"]) for c in cases) == [
        (rongshui["id"], "450225", "assign", "system:idle-sweep"),
        (sanjiang["id"], "450226", "assign", "system:idle-sweep")]
    async with funds_app.state.sessionmaker() as session:
        audited = (await session.scalars(select(AuditRecord).where(AuditRecord.action == "funds.case_open"))).all()
    assert [(a.actor, a.actor_role, a.after["via"]) for a in audited] == [("system:idle-sweep", "finance",
                                                                          "sweep")] * 2
