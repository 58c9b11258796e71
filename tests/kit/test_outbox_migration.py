"""Events written before the contracts existed become typed version 1 events with their scope on upgrade."""
import asyncio
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import command
from sqlalchemy.ext.asyncio import create_async_engine

from contracts.events import parse_payload
from services.kit.migrate import alembic_config, upgrade
from services.kit.testing import DatabaseFactory, bearer, serve_in_process

OUTBOX = sa.table("outbox_events", sa.column("occurred_at", sa.DateTime(timezone=True)), sa.column("type"),
                  sa.column("aggregate_type"), sa.column("aggregate_id"), sa.column("payload", sa.JSON))
NOW = datetime(2026, 11, 1, tzinfo=UTC)
PROJECT = {"id": 7, "status": "submitted", "county_code": "450225", "version": 1, "name": "甲",
           "owner_org": "融水县农业农村局", "started_on": None}


async def _run(url: str, *statements) -> None:
    engine = create_async_engine(url)
    async with engine.begin() as conn:
        for statement in statements:
            await conn.execute(statement)
    await engine.dispose()


async def _feed(service: str, url: str, headers: dict) -> list[dict]:
    from importlib import import_module

    app = import_module(f"services.{service}.app").create_app(
        import_module(f"services.{service}.config").Settings(database_url=url))
    async with serve_in_process(app) as client:
        return (await client.get("/events", headers=headers)).json()["events"]


def _legacy(service: str, url: str, before: str, *statements) -> None:
    command.upgrade(alembic_config(service, url), before)
    asyncio.run(_run(url, *statements))
    upgrade(service, url)


def _event(event_type: str, aggregate: str, payload: dict):
    return sa.insert(OUTBOX).values(occurred_at=NOW, type=event_type, aggregate_type=aggregate,
                                    aggregate_id=str(payload["id"]), payload=payload)


def test_legacy_project_events_become_typed_and_scoped(databases: DatabaseFactory, backend: str) -> None:
    url = asyncio.run(databases.blank(backend))
    changed = PROJECT | {"status": "county_departments", "version": 2, "from_status": "submitted",
                         "action": "approve"}
    _legacy("projects", url, "2026_11_28_0002", _event("project.submitted", "project", PROJECT),
            _event("project.status_changed", "project", changed))
    owner = asyncio.run(_feed("projects", url, bearer("project_owner", "450225", "融水县农业农村局")))
    assert [e["type"] for e in owner] == ["project.submitted", "project.status_changed"]
    for e in owner:
        typed = parse_payload(e["type"], e["version"], e["payload"])
        assert typed.project_id == 7 and typed.library_code is None and typed.progress_percent is None
    assert owner[1]["payload"]["from_status"] == "submitted" and owner[1]["payload"]["note"] is None
    assert asyncio.run(_feed("projects", url, bearer("project_owner", "450225", "别的单位"))) == []
    asyncio.run(databases.drop(url))


LABOURERS = sa.table("labourers", sa.column("skills", sa.JSON), sa.column("created_at", sa.DateTime(timezone=True)),
                     *(sa.column(c) for c in ("id", "id_number", "id_masked", "name", "birth_date", "sex",
                                              "county_code", "township", "village", "household_no", "registration",
                                              "relocated", "created_by")))
EMPLOYERS = sa.table("employers", sa.column("created_at", sa.DateTime(timezone=True)),
                     *(sa.column(c) for c in ("id", "kind", "name", "county_code")))
WHOLE = "450226199001011236"


def test_legacy_employment_events_become_typed_scoped_and_masked(databases: DatabaseFactory, backend: str) -> None:
    url = asyncio.run(databases.blank(backend))
    labourer = {"id": 3, "id_number": WHOLE, "id_masked": "4502**********1236", "name": "吴春花",
                "birth_date": datetime(1990, 1, 1).date(), "sex": "female", "county_code": "450226",
                "township": "独峒镇", "village": "高定村", "household_no": "H-1", "registration": "poor",
                "relocated": False, "skills": [], "created_by": "hr", "created_at": NOW}
    placement = {"id": 5, "labourer_id": 3, "labourer_name": "吴春花", "labourer_id_number": "4502**********1236",
                 "kind": "enterprise", "employer_id": 4, "project_id": None, "site": None,
                 "starts_on": "2026-01-01", "ends_on": None, "leader": None}
    report = {"id": 6, "employer_id": 4, "project_id": None, "year": 2026, "month": None, "total": 50,
              "revision": 1, "current": True, "note": None, "reported_by": "hr", "reported_at": NOW.isoformat()}
    _legacy("employment", url, "2026_11_28_0003", sa.insert(LABOURERS).values(**labourer),
            sa.insert(EMPLOYERS).values(id=4, kind="enterprise", name="三江木构", county_code="450226",
                                        created_at=NOW),
            _event("labourer.registered", "labourer", {"id": 3, "county_code": "450226", "registration": "poor"}),
            _event("placement.created", "placement", placement),
            _event("workforce.reported", "workforce_report", report))
    hr = asyncio.run(_feed("employment", url, bearer("hr", "450226")))
    assert [e["type"] for e in hr] == ["labourer.registered", "placement.created", "workforce.reported"]
    assert hr[0]["payload"]["id_number"] == hr[1]["payload"]["labourer_id_number"] == WHOLE
    assert hr[2]["payload"]["county_code"] == "450226"
    office = asyncio.run(_feed("employment", url, bearer("county_office", "450226")))
    assert office[1]["payload"]["labourer_name"] == "吴**" and WHOLE not in str(office)
    assert asyncio.run(_feed("employment", url, bearer("county_office", "450225"))) == []
    asyncio.run(databases.drop(url))
