"""Property test: random sequences of money movements, with projects cancelled or cleared out between them,
keep every ledger invariant after every step."""
import asyncio
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

import httpx
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from services.funds.projection.feed import catch_up
from services.kit.testing import DatabaseFactory, serve_in_process
from tests.funds.helpers import COUNTY_OFFICE, FINANCE, batch_body, project_row

cents = st.integers(min_value=1, max_value=50_000).map(lambda c: Decimal(c) / 100)
index = st.integers(min_value=0, max_value=7)
operations = st.lists(st.one_of(
    st.tuples(st.just("batch"), cents),
    st.tuples(st.just("allocate"), index, index, cents),
    st.tuples(st.just("spend"), index, cents),
    st.tuples(st.just("reverse"), index),
    st.tuples(st.just("recover"), index, cents),
    st.tuples(st.just("reallocate"), index, index, cents),
    st.tuples(st.just("end"), index, st.sampled_from(["cancel", "clear"])),
), min_size=1, max_size=25)
D = Decimal
# Always tried as well: money on a project that is cleared out, then on one that is cancelled.
ENDING = [("batch", D(1000)), ("allocate", 0, 0, D(100)), ("allocate", 0, 1, D(100)), ("spend", 0, D(10)),
          ("end", 0, "clear"), ("spend", 0, D(5)), ("allocate", 0, 0, D(1)), ("recover", 0, D(90)),
          ("reallocate", 0, 0, D(20)), ("reallocate", 0, 1, D(20)), ("reallocate", 0, 2, D(30)),
          ("end", 1, "cancel"), ("spend", 1, D(1)), ("recover", 1, D(120)), ("reverse", 0)]

INVARIANTS = [
    # batch amount = allocated net of recoveries + unallocated, and allocated matches its allocations
    """SELECT b.id FROM fund_batches b WHERE b.amount <> b.allocated + b.unallocated OR b.unallocated < 0
       OR b.allocated <> (SELECT COALESCE(SUM(a.amount - a.recovered), 0) FROM allocations a
                          WHERE a.batch_id = b.id)""",
    # allocation = spent + recovered + balance, nothing negative, each total matches its entries
    """SELECT a.id FROM allocations a WHERE a.amount <> a.spent + a.recovered + a.balance
       OR a.spent < 0 OR a.recovered < 0 OR a.balance < 0
       OR a.spent <> (SELECT COALESCE(SUM(CASE WHEN s.kind = 'spend' THEN s.amount ELSE -s.amount END), 0)
                      FROM spendings s WHERE s.allocation_id = a.id)
       OR a.recovered <> (SELECT COALESCE(SUM(r.amount), 0) FROM recoveries r WHERE r.allocation_id = a.id)""",
    # recovered money is reallocated at most once over, and every transfer is an allocation of that amount
    """SELECT r.id FROM recoveries r WHERE r.reallocated > r.amount
       OR r.reallocated <> (SELECT COALESCE(SUM(t.amount), 0) FROM transfers t WHERE t.recovery_id = r.id)""",
]


@dataclass
class Model:
    """What the ledger should hold, in Python, to check every answer against."""

    batches: list[list] = field(default_factory=list)  # [id, unallocated]
    allocations: list[list] = field(default_factory=list)  # [id, balance, spent, project id]
    spendings: list[list] = field(default_factory=list)  # [id, allocation index, amount, reversed]
    recoveries: list[list] = field(default_factory=list)  # [id, left to reallocate, batch index]
    ended: set[int] = field(default_factory=set)  # projects cancelled or cleared out


async def _post(funds, path, body):
    return await funds.post(path, json=body, headers=FINANCE | {"Idempotency-Key": uuid.uuid4().hex})


async def _end(projects_client, project_id: int, action: str) -> None:
    """Cancel or clear out a project in the projects service."""
    version = (await projects_client.get(f"/projects/{project_id}", headers=COUNTY_OFFICE)).json()["version"]
    r = await projects_client.post(f"/projects/{project_id}/{action}", json={"reason": "无法实施"},
                                   headers=COUNTY_OFFICE | {"If-Match": f'"{version}"'})
    assert r.status_code == 200, r.text


async def _step(funds, m: Model, op, projects: list[int], ends) -> None:
    kind, *args = op
    if kind == "end":
        target = projects[args[0] % len(projects)]
        if target not in m.ended:
            await ends(target, args[1])
            m.ended.add(target)
    elif kind == "batch":
        r = await _post(funds, "/batches", batch_body(str(args[0])))
        assert r.status_code == 201
        m.batches.append([r.json()["id"], args[0]])
    elif kind == "allocate" and m.batches:
        b = m.batches[args[0] % len(m.batches)]
        body = {"project_id": projects[args[1] % len(projects)], "amount": str(args[2]), "allocated_on": "2016-06-02"}
        r = await _post(funds, f"/batches/{b[0]}/allocations", body)
        ok = args[2] <= b[1] and body["project_id"] not in m.ended
        assert r.status_code == (201 if ok else 409), r.text
        if ok:
            b[1] -= args[2]
            m.allocations.append([r.json()["id"], args[2], Decimal(0), body["project_id"]])
    elif kind == "spend" and m.allocations:
        i = args[0] % len(m.allocations)
        a = m.allocations[i]
        body = {"amount": str(args[1]), "spent_on": "2016-07-01", "voucher_no": uuid.uuid4().hex, "payee": "x"}
        r = await _post(funds, f"/allocations/{a[0]}/spendings", body)
        ok = args[1] <= a[1] and a[3] not in m.ended  # an ended project's money is recovered, not spent
        assert r.status_code == (201 if ok else 409), r.text
        if ok:
            a[1], a[2] = a[1] - args[1], a[2] + args[1]
            m.spendings.append([r.json()["id"], i, args[1], False])
    elif kind == "reverse" and m.spendings:
        s = m.spendings[args[0] % len(m.spendings)]
        body = {"voucher_no": uuid.uuid4().hex, "on": "2016-07-02", "reason": "冲销"}
        r = await _post(funds, f"/spendings/{s[0]}/reversal", body)
        assert r.status_code == (409 if s[3] else 201), r.text
        if not s[3]:
            a = m.allocations[s[1]]
            a[1], a[2], s[3] = a[1] + s[2], a[2] - s[2], True
    elif kind == "recover" and m.allocations:
        a = m.allocations[args[0] % len(m.allocations)]
        r = await _post(funds, f"/allocations/{a[0]}/recoveries", {"amount": str(args[1]), "reason": "收回"})
        assert r.status_code == (201 if args[1] <= a[1] else 409), r.text
        if r.status_code == 201:
            a[1] -= args[1]
            batch_id = r.json()["batch_id"]
            bi = next(k for k, b in enumerate(m.batches) if b[0] == batch_id)
            m.batches[bi][1] += args[1]
            m.recoveries.append([r.json()["id"], args[1], bi, r.json()["project_id"]])
    elif kind == "reallocate" and m.recoveries:
        rec = m.recoveries[args[0] % len(m.recoveries)]
        target = projects[args[1] % len(projects)]
        r = await _post(funds, f"/recoveries/{rec[0]}/reallocations", {"project_id": target, "amount": str(args[2])})
        ok = target != rec[3] and target not in m.ended and args[2] <= rec[1] and args[2] <= m.batches[rec[2]][1]
        assert r.status_code == (201 if ok else 409), r.text
        if ok:
            rec[1] -= args[2]
            m.batches[rec[2]][1] -= args[2]
            m.allocations.append([r.json()["to_allocation_id"], args[2], Decimal(0), target])


async def _run(databases: DatabaseFactory, backend: str, ops) -> None:
    from services.funds.app import create_app as funds_app
    from services.funds.config import Settings as FundsSettings
    from services.projects.app import create_app as projects_app
    from services.projects.config import Settings as ProjectsSettings

    urls = [await databases.create("projects", backend), await databases.create("funds", backend)]
    try:
        projects = projects_app(ProjectsSettings(database_url=urls[0]))
        async with serve_in_process(projects) as p:
            rows = [project_row(f"项目{i}", central="100000000") for i in range(3)]
            ids = [x["id"] for x in (await p.post("/projects/import", json=rows, headers=COUNTY_OFFICE)).json()]
            app = funds_app(FundsSettings(database_url=urls[1], feed_poll_seconds=0),
                            projects_transport=httpx.ASGITransport(app=projects))
            async with serve_in_process(app) as funds:
                async def end(project_id: int, action: str) -> None:
                    await _end(p, project_id, action)
                    assert await catch_up(app) >= 1  # the funds service learns of it from the event feed

                model = Model()
                for op in ops:
                    await _step(funds, model, op, ids, end)
                    async with app.state.engine.connect() as conn:
                        for check in INVARIANTS:
                            assert (await conn.execute(text(check))).all() == [], (op, check)
                for batch_id, unallocated in model.batches:
                    assert Decimal((await funds.get(f"/batches/{batch_id}", headers=FINANCE)).json()["unallocated"]) \
                        == unallocated
    finally:
        for url in urls:
            await databases.drop(url)


def test_random_operation_sequences_keep_the_invariants(databases: DatabaseFactory, migrated: str) -> None:
    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(ops=operations)
    @example(ops=ENDING)
    def check(ops) -> None:
        asyncio.run(_run(databases, migrated, ops))

    check()
