"""Money safety: Idempotency-Key on every money-moving POST, and no overdraft under parallel spending."""
import asyncio

import pytest

from tests.funds.helpers import FINANCE, allocate, batch_body, make_projects, move, new_batch, project_row, yuan


async def test_replay_returns_the_first_answer_and_moves_nothing(funds, projects):
    [pid] = await make_projects(projects, project_row("道路"))
    batch = await new_batch(funds)
    a = await allocate(funds, batch["id"], pid, "1000")
    spend = {"amount": "300", "spent_on": "2016-07-01", "voucher_no": "K-1", "payee": "施工队"}
    first = await move(funds, f"/allocations/{a['id']}/spendings", spend, key="pay-K-1")
    replay = await move(funds, f"/allocations/{a['id']}/spendings", spend, key="pay-K-1")
    assert first.status_code == replay.status_code == 201
    assert replay.json() == first.json() and replay.headers["Idempotent-Replay"] == "true"
    assert yuan((await funds.get(f"/allocations/{a['id']}", headers=FINANCE)).json()["balance"]) == 700
    changed = await move(funds, f"/allocations/{a['id']}/spendings", spend | {"amount": "301"}, key="pay-K-1")
    assert changed.status_code == 422 and changed.json()["code"] == "idempotency.key_reused"
    elsewhere = await move(funds, "/batches", batch_body(), key="pay-K-1")
    assert elsewhere.status_code == 422
    assert yuan((await funds.get(f"/allocations/{a['id']}", headers=FINANCE)).json()["balance"]) == 700


async def test_a_missing_key_is_a_400_and_nothing_is_stored(funds):
    r = await funds.post("/batches", json=batch_body(), headers=FINANCE)
    assert r.status_code == 400 and r.json()["code"] == "idempotency.key_required"
    assert (await funds.get("/batches", headers=FINANCE)).json()["items"] == []


async def test_a_refused_request_can_be_retried_with_the_same_key(funds, projects):
    [pid] = await make_projects(projects, project_row("道路"))
    batch = await new_batch(funds, "100")
    body = {"project_id": pid, "amount": "150", "allocated_on": "2016-06-02"}
    refused = await move(funds, f"/batches/{batch['id']}/allocations", body, key="alloc-1")
    assert refused.status_code == 409 and refused.json()["code"] == "funds.insufficient_unallocated"
    fine = await move(funds, f"/batches/{batch['id']}/allocations", body | {"amount": "100"}, key="alloc-2")
    assert fine.status_code == 201


async def test_twenty_parallel_spends_never_overdraw(funds, projects, backend):
    [pid] = await make_projects(projects, project_row("道路"))
    batch = await new_batch(funds)
    a = await allocate(funds, batch["id"], pid, "1000")
    spends = [move(funds, f"/allocations/{a['id']}/spendings",
                   {"amount": "100", "spent_on": "2016-07-01", "voucher_no": f"P-{i}", "payee": "x"})
              for i in range(20)]
    answers = await asyncio.gather(*spends)
    codes = sorted(r.status_code for r in answers)
    assert codes == [201] * 10 + [409] * 10, [r.text for r in answers if r.status_code not in (201, 409)]
    assert {r.json()["code"] for r in answers if r.status_code == 409} == {"funds.insufficient_balance"}
    after = (await funds.get(f"/allocations/{a['id']}", headers=FINANCE)).json()
    assert yuan(after["balance"]) == 0 and yuan(after["spent"]) == 1000
    entries = (await funds.get(f"/allocations/{a['id']}/spendings?limit=200", headers=FINANCE)).json()["items"]
    assert sum(yuan(e["amount"]) for e in entries) == 1000


async def test_the_database_itself_refuses_a_negative_balance(funds_app, funds, projects, backend):
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    [pid] = await make_projects(projects, project_row("道路"))
    batch = await new_batch(funds)
    a = await allocate(funds, batch["id"], pid, "10")
    async with funds_app.state.sessionmaker() as session:
        with pytest.raises(IntegrityError):
            await session.execute(text("UPDATE allocations SET balance = balance - 2000, spent = spent + 2000 "
                                       "WHERE id = :id"), {"id": a["id"]})
        await session.rollback()
        with pytest.raises(IntegrityError):
            await session.execute(text("UPDATE fund_batches SET unallocated = unallocated + 1 WHERE id = :id"),
                                  {"id": batch["id"]})


async def test_parallel_first_uses_of_one_key_move_money_once_and_all_answer_the_same(funds, projects, backend):
    [pid] = await make_projects(projects, project_row("道路"))
    batch = await new_batch(funds)
    a = await allocate(funds, batch["id"], pid, "1000")
    spend = {"amount": "100", "spent_on": "2016-07-01", "voucher_no": "R-1", "payee": "x"}
    answers = await asyncio.gather(*(move(funds, f"/allocations/{a['id']}/spendings", spend, key="retry-R-1")
                                     for _ in range(8)))
    assert [r.status_code for r in answers] == [201] * 8, [r.text for r in answers]
    assert len({r.json()["id"] for r in answers}) == 1
    assert sum(r.headers.get("Idempotent-Replay") == "true" for r in answers) == 7
    after = (await funds.get(f"/allocations/{a['id']}", headers=FINANCE)).json()
    assert yuan(after["balance"]) == 900
