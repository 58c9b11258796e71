"""Demo funds for `make run`: batches, allocations, spending, announcements, evaluations and rectification cases,
through the running funds API.

Run after the processes are up: python -m services.funds.demo FUNDS_URL PROJECTS_URL. It uses the API (not the
tables), so every live check runs, and fixed Idempotency-Keys make a second run replay instead of doubling money.
"""
import asyncio
import sys
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import httpx

from services.funds.config import Settings
from services.kit.auth import Role, mint_token
from services.kit.counties import COUNTIES

FUNDABLE = ("admitted", "planned", "started", "completed", "accepted")


@dataclass
class Loaded:
    """What one run added (a second run adds nothing)."""

    yuan: Decimal = Decimal(0)
    announcements: int = 0
    evaluations: int = 0
    cases: int = 0


def _headers(secret: str, role: Role, county: str | None = None) -> dict[str, str]:
    return {"Authorization": f"Bearer {mint_token(secret, f'demo-{role}', role, county)}"}


async def _move(funds: httpx.AsyncClient, path: str, headers: dict[str, str], key: str,
                body: dict[str, Any]) -> httpx.Response:
    """A money-moving POST with its fixed key."""
    return await funds.post(path, headers=headers | {"Idempotency-Key": key}, json=body)


def _now(r: httpx.Response) -> bool:
    """Whether the POST moved money now (not refused, not a replay of an earlier run)."""
    return r.status_code == 201 and r.headers.get("Idempotent-Replay") != "true"


async def _county(funds: httpx.AsyncClient, lib: httpx.AsyncClient, secret: str, county: str, loaded: Loaded) -> None:
    found = (await lib.get("/projects", params={"county": county, "limit": 200},
                           headers=_headers(secret, Role.INSPECTOR))).json()["items"]
    finance = _headers(secret, Role.FINANCE, county)
    batch = await _move(funds, "/batches", finance, f"demo-batch-{county}", {
        "doc_number": f"桂财农〔2019〕{county[-3:]}号", "source_level": "central", "year": 2019,
        "county_code": county, "amount": "3000000", "received_on": "2019-02-20",
        "purpose": "2019 年中央财政专项扶贫资金"})
    if batch.status_code != 201:
        raise RuntimeError(f"demo batch for {county} refused: {batch.status_code} {batch.text[:300]}")
    batch_id = batch.json()["id"]
    for p in (p for p in found if p["status"] in FUNDABLE):
        central = sum((Decimal(b["amount"]) for b in p["budget"] if b["source"] == "central"), Decimal(0))
        amount = (central / 2).quantize(Decimal("0.01"))
        got = await _move(funds, f"/batches/{batch_id}/allocations", finance, f"demo-allocate-{p['id']}",
                          {"project_id": p["id"], "amount": str(amount), "allocated_on": "2019-03-10"})
        if got.status_code != 201:
            continue  # e.g. the batch ran out: leave it, the demo shows what fits
        loaded.yuan += amount if _now(got) else 0
        if p["status"] in ("completed", "accepted"):
            spend = (amount * Decimal("0.6")).quantize(Decimal("0.01"))
            await _move(funds, f"/allocations/{got.json()['id']}/spendings", finance, f"demo-spend-{p['id']}",
                        {"amount": str(spend), "spent_on": "2019-09-30", "voucher_no": f"DEMO-{p['id']:05d}",
                         "payee": p["owner_org"]})
    if _now(batch):  # announced and evaluated once, with the batch
        await _disclose(funds, finance, county, batch_id, loaded)
    swept = await funds.post("/rectification-cases/sweep", headers=finance)
    loaded.cases += len(swept.json()) if swept.status_code == 201 else 0


async def _disclose(funds: httpx.AsyncClient, finance: dict[str, str], county: str, batch_id: int,
                    loaded: Loaded) -> None:
    announced = await funds.post(f"/batches/{batch_id}/announcements", headers=finance, json={
        "title": f"{COUNTIES[county]} 2019 年中央财政专项扶贫资金分配公示", "starts_on": "2019-03-11", "days": 10})
    loaded.announcements += announced.status_code == 201
    evaluated = await funds.post("/evaluations", headers=finance, json={
        "batch_id": batch_id, "score": "86.5", "conclusion": "资金分配及时，部分项目支出进度偏慢",
        "evaluator": f"{COUNTIES[county]}财政局", "evaluated_on": "2020-03-31",
        "indicators": [{"indicator": "资金支出率", "unit": "%", "target": "100", "actual": "72"}]})
    loaded.evaluations += evaluated.status_code == 201


async def load(funds: httpx.AsyncClient, lib: httpx.AsyncClient, secret: str) -> Loaded:
    """Per county: one central batch, allocations to its fundable projects, some spending, its announcement and
    evaluation, and a rectification case for every idle item."""
    loaded = Loaded()
    for county in COUNTIES:
        await _county(funds, lib, secret, county, loaded)
    return loaded


async def main(funds_url: str, projects_url: str) -> None:
    """Load the demo through the running services and say what was added."""
    async with httpx.AsyncClient(base_url=funds_url, timeout=30) as funds, \
            httpx.AsyncClient(base_url=projects_url, timeout=30) as lib:
        loaded = await load(funds, lib, Settings().jwt_secret)
    print(f"funds: demo allocations of {loaded.yuan:,} yuan, {loaded.announcements} announcements, "
          f"{loaded.evaluations} evaluations, {loaded.cases} rectification cases")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8002",
                     sys.argv[2] if len(sys.argv) > 2 else "http://127.0.0.1:8001"))
