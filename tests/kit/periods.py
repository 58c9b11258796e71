"""Shared steps of the closed-period tests (关账): close a month, read its timeline, read the audit trail."""
import httpx
from sqlalchemy import select

from services.kit.audit import AuditRecord
from services.kit.auth import Role
from services.kit.testing import bearer

RONGSHUI, SANJIANG = "450225", "450226"
CLOSER = bearer(Role.COUNTY_OFFICE, RONGSHUI, sub="county-office-rongshui")
CITY_OFFICE = bearer(Role.CITY_OFFICE, sub="city-office")
REASON = "审计发现漏报，经市扶贫办核实后补录"


async def close(client: httpx.AsyncClient, month: str, county: str = RONGSHUI, headers: dict = CLOSER) -> dict:
    """Close a county's month; its answer."""
    r = await client.put(f"/periods/{county}/{month}", headers=headers)
    assert r.status_code == 200, r.text
    return r.json()


async def corrections(client: httpx.AsyncClient, month: str, county: str = RONGSHUI) -> list[dict]:
    """The corrections listed under a closed month (its timeline)."""
    r = await client.get(f"/periods/{county}/{month}", headers=CITY_OFFICE)
    assert r.status_code == 200, r.text
    return r.json()["corrections"]


async def audited(app, action: str) -> list[AuditRecord]:
    """The audit records of one action, oldest first."""
    async with app.state.sessionmaker() as session:
        query = select(AuditRecord).where(AuditRecord.action == action).order_by(AuditRecord.id)
        return list((await session.scalars(query)).all())


def refused(r: httpx.Response, status: int, code: str) -> dict:
    """Assert a refusal's status and code; its problem document."""
    assert r.status_code == status, r.text
    assert r.json()["code"] == code, r.text
    return r.json()
