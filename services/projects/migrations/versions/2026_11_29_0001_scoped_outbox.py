"""Scoped, versioned outbox: county and owner unit of each event, legacy project events as version 1.

Revision ID: 2026_11_29_0001
Revises: 2026_11_28_0002
Create Date: 2026-11-29
"""
from typing import Any

from services.kit.migration_ops import scope_outbox, unscope_outbox

revision = "2026_11_29_0001"
down_revision = "2026_11_28_0002"
branch_labels = None
depends_on = None

_LEGACY = ("project.submitted", "project.imported", "project.status_changed")


def _upgrade(event_type: str, p: dict[str, Any]) -> tuple[dict[str, Any], str, str] | None:
    """The old untyped project payload as the v1 contract; what it never carried (code, plan, progress) is null."""
    if event_type not in _LEGACY or "id" not in p:
        return None
    payload: dict[str, Any] = {"project_id": p["id"], "version": p["version"], "status": p["status"],
               "county_code": p["county_code"], "owner_org": p["owner_org"], "name": p["name"],
               "started_on": p.get("started_on"), "library_code": None, "plan_year": None, "progress_percent": None}
    if event_type == "project.status_changed":
        payload |= {"from_status": p["from_status"], "action": p["action"], "note": None}
    return payload, p["county_code"], p["owner_org"]


def upgrade() -> None:
    """Scope the outbox; legacy project events become version 1 payloads."""
    scope_outbox(_upgrade)


def downgrade() -> None:
    """Unscope the outbox."""
    unscope_outbox()
