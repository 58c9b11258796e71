"""Scoped, versioned outbox: each event's county, legacy employment events rewritten as version 1 payloads.

Revision ID: 2026_11_29_0001
Revises: 2026_11_28_0003
Create Date: 2026-11-29
"""
from typing import Any

import sqlalchemy as sa
from alembic import op

from services.kit.migration_ops import scope_outbox, unscope_outbox

revision = "2026_11_29_0001"
down_revision = "2026_11_28_0003"
branch_labels = None
depends_on = None

# Labourers' identities and the places of employers and projects never change: looking them up is exact.
_LABOURER = sa.text("SELECT name, id_number, county_code, township, village, registration, relocated "
                    "FROM labourers WHERE id = :id")
_SUBJECT_COUNTY = {"employer_id": sa.text("SELECT county_code FROM employers WHERE id = :id"),
                   "project_id": sa.text("SELECT county_code FROM group_projects WHERE id = :id")}


def _upgrade(event_type: str, p: dict[str, Any]) -> tuple[dict[str, Any], str | None, str | None] | None:
    bind = op.get_bind()
    if event_type == "labourer.registered":
        who = bind.execute(_LABOURER, {"id": p["id"]}).one()
        return ({"labourer_id": p["id"], "name": who.name, "id_number": who.id_number,
                 "county_code": who.county_code, "township": who.township, "village": who.village,
                 "registration": who.registration, "relocated": bool(who.relocated)}, who.county_code, None)
    if event_type == "placement.created":
        who = bind.execute(_LABOURER, {"id": p["labourer_id"]}).one()
        return ({"placement_id": p["id"], "labourer_id": p["labourer_id"], "labourer_name": who.name,
                 "labourer_id_number": who.id_number, "county_code": who.county_code, "placement_kind": p["kind"],
                 "employer_id": p["employer_id"], "project_id": p["project_id"], "site": p["site"],
                 "starts_on": p["starts_on"], "ends_on": p["ends_on"], "leader": p["leader"]}, who.county_code, None)
    if event_type == "workforce.reported":
        key = "employer_id" if p.get("employer_id") is not None else "project_id"
        county = bind.execute(_SUBJECT_COUNTY[key], {"id": p[key]}).scalar()
        return ({"report_id": p["id"], "employer_id": p["employer_id"], "project_id": p["project_id"],
                 "county_code": county, "year": p["year"], "month": p["month"], "total": p["total"],
                 "revision": p["revision"], "note": p["note"]}, county, None)
    return None


def upgrade() -> None:
    """Apply this revision."""
    scope_outbox(_upgrade)


def downgrade() -> None:
    """Revert this revision."""
    unscope_outbox()
