"""The funds feed: every money movement and every follow-up step is exactly one event, in its county's scope and,
for a project's money, its owner unit's."""
from datetime import timedelta

from services.kit.auth import Role
from services.kit.testing import bearer
from tests.funds.helpers import FINANCE, INSPECTOR, RONGSHUI, case_step, make_projects, move, project_row
from tests.funds.test_excel import upload
from tests.projects.test_ledger import EXISTING

OWNER = bearer(Role.PROJECT_OWNER, RONGSHUI, EXISTING["owner_org"])
OTHER_OWNER = bearer(Role.PROJECT_OWNER, RONGSHUI, "融水县水利局")
COUNTY = bearer(Role.COUNTY_OFFICE, RONGSHUI)
SANJIANG = bearer(Role.COUNTY_OFFICE, "450226")
READERS = {"inspector": INSPECTOR, "county": COUNTY, "owner": OWNER, "other_owner": OTHER_OWNER, "sanjiang": SANJIANG}


class Feed:
    """Reads what is new on the funds feed for every reader since the last look."""

    def __init__(self, funds) -> None:
        self.funds, self.after = funds, dict.fromkeys(READERS, 0)

    async def new(self) -> dict[str, list[dict]]:
        seen = {}
        for name, headers in READERS.items():
            body = (await self.funds.get("/events", params={"after": self.after[name]}, headers=headers)).json()
            seen[name], self.after[name] = body["events"], body["next_after"]
        return seen

    async def one(self, event_type: str, owner_sees: bool) -> dict:
        """Exactly one new event of this type; county-wide readers see it, the owner as said, others never."""
        seen = await self.new()
        assert [e["type"] for e in seen["inspector"]] == [event_type]
        assert seen["county"] == seen["inspector"]
        assert seen["owner"] == (seen["inspector"] if owner_sees else [])
        assert seen["other_owner"] == seen["sanjiang"] == []
        return seen["inspector"][0]["payload"]


async def test_every_movement_is_one_event_of_its_type_and_scope(funds, funds_app, projects, backend):
    feed = Feed(funds)
    first, second = await make_projects(projects, project_row("甲"), project_row("乙"))
    today = funds_app.state.clock.today().isoformat()
    batch = (await move(funds, "/batches", {"doc_number": "桂财农〔2026〕7号", "source_level": "central", "year": 2026,
                                            "county_code": RONGSHUI, "amount": "1000", "received_on": today,
                                            "purpose": "产业"}, key="batch")).json()
    got = await feed.one("funds.batch_received", owner_sees=False)
    assert (got["batch_id"], got["amount"], got["county_code"]) == (batch["id"], "1000.00", RONGSHUI)
    replay = await move(funds, "/batches", {"doc_number": "桂财农〔2026〕7号", "source_level": "central",
                                            "year": 2026, "county_code": RONGSHUI, "amount": "1000",
                                            "received_on": today, "purpose": "产业"}, key="batch")
    assert replay.headers["Idempotent-Replay"] == "true" and (await feed.new())["inspector"] == []

    allocation = (await move(funds, f"/batches/{batch['id']}/allocations",
                             {"project_id": first, "amount": "600"})).json()
    got = await feed.one("funds.allocated", owner_sees=True)
    assert (got["allocation_id"], got["project_id"], got["batch_unallocated"]) == (allocation["id"], first, "400.00")

    spent = (await move(funds, f"/allocations/{allocation['id']}/spendings",
                        {"amount": "100", "spent_on": today, "voucher_no": "V-1", "payee": "施工队"})).json()
    got = await feed.one("funds.spent", owner_sees=True)
    assert (got["spending_id"], got["allocation_spent"], got["allocation_balance"]) == (spent["id"], "100.00",
                                                                                         "500.00")
    await move(funds, f"/spendings/{spent['id']}/reversal", {"voucher_no": "V-1R", "on": today, "reason": "重复"})
    got = await feed.one("funds.spending_reversed", owner_sees=True)
    assert (got["reversed_spending_id"], got["allocation_balance"]) == (spent["id"], "600.00")

    recovery = (await move(funds, f"/allocations/{allocation['id']}/recoveries",
                           {"amount": "200", "reason": "无法实施"})).json()
    got = await feed.one("funds.recovered", owner_sees=True)
    assert (got["recovery_id"], got["batch_unallocated"]) == (recovery["id"], "600.00")
    transfer = (await move(funds, f"/recoveries/{recovery['id']}/reallocations",
                           {"project_id": second, "amount": "150"})).json()
    got = await feed.one("funds.reallocated", owner_sees=True)  # one event: no separate funds.allocated
    assert (got["transfer_id"], got["from_project_id"], got["to_project_id"]) == (transfer["id"], first, second)

    r = await upload(funds, [[allocation["id"], "10", funds_app.state.clock.today(), "V-2", "甲"],
                             [allocation["id"], "20", funds_app.state.clock.today(), "V-3", "甲"]])
    assert r.status_code == 201, r.text
    seen = await feed.new()
    assert [(e["type"], e["payload"]["voucher_no"]) for e in seen["inspector"]] == [("funds.spent", "V-2"),
                                                                                    ("funds.spent", "V-3")]
    assert seen["owner"] == seen["inspector"] and seen["sanjiang"] == []


async def test_follow_up_steps_are_events_too(funds, funds_app, projects, backend):
    feed = Feed(funds)
    [pid] = await make_projects(projects, project_row("甲"))
    today = funds_app.state.clock.today()
    batch = (await move(funds, "/batches", {"doc_number": "桂财农〔2026〕8号", "source_level": "central", "year": 2026,
                                            "county_code": RONGSHUI, "amount": "1000",
                                            "received_on": today.isoformat(), "purpose": "产业"})).json()
    allocation = (await move(funds, f"/batches/{batch['id']}/allocations", {"project_id": pid, "amount": "300"})).json()
    await feed.new()
    funds_app.state.clock.shift = timedelta(days=200)  # both the batch rest and the allocation are idle now
    r = await funds.put(f"/idle-funds/allocation/{allocation['id']}/class", headers=FINANCE,
                        json={"idle_class": "recover", "reason": "项目无法推进"})
    assert r.status_code == 200, r.text
    got = await feed.one("funds.idle_class_overridden", owner_sees=True)
    assert (got["item_kind"], got["previous_class"], got["idle_class"]) == ("allocation", "accelerate", "recover")

    swept = (await funds.post("/rectification-cases/sweep", headers=FINANCE)).json()
    seen = await feed.new()
    assert sorted(e["payload"]["case_id"] for e in seen["inspector"]) == sorted(c["id"] for c in swept)
    assert {e["type"] for e in seen["inspector"]} == {"funds.case_opened"} and len(swept) == 2
    assert [e["payload"]["allocation_id"] for e in seen["owner"]] == [allocation["id"]]  # the batch's is not his
    case = next(c for c in swept if c["allocation_id"] == allocation["id"])
    assert (await case_step(funds, case["id"], "start")).status_code == 200
    got = await feed.one("funds.case_status_changed", owner_sees=True)
    assert (got["from_case_status"], got["case_status"], got["version"]) == ("open", "rectifying", 2)

    announced = await funds.post(f"/batches/{batch['id']}/announcements", headers=FINANCE, json={"title": "公示"})
    assert announced.status_code == 201, announced.text
    got = await feed.one("funds.announced", owner_sees=False)
    assert (got["allocation_count"], got["allocated"]) == (1, "300.00")
    evaluated = await funds.post("/evaluations", headers=FINANCE, json={
        "project_id": pid, "score": "90", "conclusion": "良好", "evaluator": "融水县财政局",
        "evaluated_on": today.isoformat(), "indicators": [{"indicator": "支出率", "unit": "%", "target": "100",
                                                          "actual": "80"}]})
    assert evaluated.status_code == 201, evaluated.text
    got = await feed.one("funds.evaluated", owner_sees=True)
    assert (got["project_id"], got["score"]) == (pid, "90.00")
