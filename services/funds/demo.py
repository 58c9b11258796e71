"""Demo funds for `make run`: batches, allocations and spending through the running funds API.

Run after the processes are up: python -m services.funds.demo FUNDS_URL PROJECTS_URL. It uses the API (not the
tables), so every live check runs, and fixed Idempotency-Keys make a second run replay instead of doubling money.
"""
import sys
from datetime import date
from decimal import Decimal

import httpx

from services.funds.config import Settings
from services.kit.auth import Role, mint_token
from services.kit.counties import COUNTIES

FUNDABLE = ("admitted", "planned", "started", "completed", "accepted")


def _headers(secret: str, role: Role, county: str | None = None, key: str | None = None) -> dict[str, str]:
    headers = {"Authorization": f"Bearer {mint_token(secret, f'demo-{role}', role, county)}"}
    return headers | ({"Idempotency-Key": key} if key else {})


def load(funds_url: str, projects_url: str, secret: str) -> int:
    """Per county: one central batch, allocations to its fundable projects, some spending; money moved (yuan)."""
    moved = Decimal(0)
    with httpx.Client(base_url=funds_url, timeout=30) as funds, httpx.Client(base_url=projects_url, timeout=30) as lib:
        for county in COUNTIES:
            found = lib.get("/projects", params={"county": county, "limit": 200},
                            headers=_headers(secret, Role.INSPECTOR)).json()["items"]
            fundable = [p for p in found if p["status"] in FUNDABLE]
            finance = _headers(secret, Role.FINANCE, county)
            batch = funds.post("/batches", headers=finance | {"Idempotency-Key": f"demo-batch-{county}"}, json={
                "doc_number": f"桂财农〔2019〕{county[-3:]}号", "source_level": "central", "year": 2019,
                "county_code": county, "amount": "3000000", "received_on": "2019-02-20",
                "purpose": "2019 年中央财政专项扶贫资金"}).json()
            for p in fundable:
                central = sum(Decimal(b["amount"]) for b in p["budget"] if b["source"] == "central")
                amount = (central / 2).quantize(Decimal("0.01"))
                got = funds.post(f"/batches/{batch['id']}/allocations",
                                 headers=finance | {"Idempotency-Key": f"demo-allocate-{p['id']}"},
                                 json={"project_id": p["id"], "amount": str(amount), "allocated_on": "2019-03-10"})
                if got.status_code != 201:
                    continue  # e.g. the batch ran out: leave it, the demo shows what fits
                moved += amount
                if p["status"] in ("completed", "accepted"):
                    spend = (amount * Decimal("0.6")).quantize(Decimal("0.01"))
                    funds.post(f"/allocations/{got.json()['id']}/spendings",
                               headers=finance | {"Idempotency-Key": f"demo-spend-{p['id']}"},
                               json={"amount": str(spend), "spent_on": date(2019, 9, 30).isoformat(),
                                     "voucher_no": f"DEMO-{p['id']:05d}", "payee": p["owner_org"]})
    return int(moved)


if __name__ == "__main__":
    funds_url = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8002"
    projects_url = sys.argv[2] if len(sys.argv) > 2 else "http://127.0.0.1:8001"
    print(f"funds: demo allocations of {load(funds_url, projects_url, Settings().jwt_secret):,} yuan")
