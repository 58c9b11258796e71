"""What the collaboration service keeps of the funds feed follows every movement (spending, reversal, recovery,
reallocation) and equals the funds ledger; events are applied once however often a round runs."""
from decimal import Decimal

from services.collaboration.feeds.follower import catch_up, typed
from tests.collaboration.data import CITY, RONGSHUI
from tests.collaboration.money import allocate_and_spend, entry, guangdong_batch
from tests.funds.helpers import FINANCE, move


async def test_every_movement_of_guangdong_money_is_followed_and_equals_the_ledger(linked):
    collaboration, projects, funds, app = linked
    first, second = await entry(projects, "甲项目"), await entry(projects, "乙项目")
    batch = await guangdong_batch(funds, "1000000")
    allocation = await allocate_and_spend(funds, batch["id"], first, "600000", "100000")
    spendings = (await funds.get(f"/allocations/{allocation['id']}/spendings", headers=FINANCE)).json()["items"]
    reversed_ = await move(funds, f"/spendings/{spendings[0]['id']}/reversal",
                           {"voucher_no": "R-1", "on": "2016-06-25", "reason": "凭证错误"})
    assert reversed_.status_code == 201, reversed_.text
    again = await move(funds, f"/allocations/{allocation['id']}/spendings",
                       {"amount": "80000.40", "spent_on": "2016-07-01", "voucher_no": "V-2", "payee": "合作社"})
    assert again.status_code == 201, again.text
    recovered = await move(funds, f"/allocations/{allocation['id']}/recoveries",
                           {"amount": "200000", "reason": "进度滞后"})
    assert recovered.status_code == 201, recovered.text
    moved = await move(funds, f"/recoveries/{recovered.json()['id']}/reallocations",
                       {"project_id": second, "amount": "150000"})
    assert moved.status_code == 201, moved.text
    await move(funds, "/batches", {"doc_number": "中央1号", "source_level": "central", "year": 2016,
                                   "county_code": RONGSHUI, "amount": "5", "received_on": "2016-06-01",
                                   "purpose": "产业"})

    taken = await catch_up(app.state, "funds")
    assert taken == 7  # batch, allocation, spent, reversed, spent, recovered, reallocated (not central money)
    assert await catch_up(app.state, "funds") == 0  # a second round finds nothing new
    [row] = (await collaboration.get(f"/funds?year=2016&county={RONGSHUI}", headers=CITY)).json()
    ledger = [(await funds.get(f"/allocations?project_ids={p}", headers=FINANCE)).json()["items"]
              for p in (first, second)]
    spent = sum(Decimal(a["spent"]) for rows in ledger for a in rows)
    net = sum(Decimal(a["amount"]) - Decimal(a["recovered"]) for rows in ledger for a in rows)
    assert (Decimal(row["spent"]), Decimal(row["allocated"])) == (spent, net) == (Decimal("80000.40"),
                                                                                  Decimal("550000.00"))
    assert row["first_spent_on"] == "2016-06-21" and row["arrived"] == "1000000.00"


def test_an_event_of_unknown_type_or_breaking_its_contract_is_skipped():
    assert typed("funds", {"id": 1, "type": "funds.teleported", "version": 1, "payload": {}}) is None
    assert typed("funds", {"id": 2, "type": "funds.batch_received", "version": 1, "payload": {"x": 1}}) is None
