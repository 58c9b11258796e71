"""Append-only audit trail: who, when, what, before, after — written in the caller's transaction."""
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from services.kit.auth import Principal
from services.kit.db import Base, BigId, UTCDateTime, utcnow


class AuditRecord(Base):
    """One change of state or movement of money. Never updated or deleted (a trigger refuses it on PostgreSQL)."""

    __tablename__ = "audit_records"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(120))
    actor_role: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64))
    entity_type: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(64), index=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


async def audit(session: AsyncSession, principal: Principal, action: str, entity_type: str,
                entity_id: Any, before: dict[str, Any] | None, after: dict[str, Any] | None) -> None:
    """Record a change in the current transaction; it commits or rolls back with the change itself."""
    session.add(AuditRecord(actor=principal.sub, actor_role=str(principal.role), action=action,
                            entity_type=entity_type, entity_id=str(entity_id), before=before, after=after))
    await session.flush()
