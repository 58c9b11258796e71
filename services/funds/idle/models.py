"""Finance's override of an idle item's class, with the reason (人工调整分类)."""
from datetime import datetime

from sqlalchemy import BigInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.funds.terms import IdleClass, str_enum
from services.kit.db import Base, BigId, UTCDateTime, utcnow


class IdleOverride(Base):
    """One item's class set by finance instead of derived from its project's state."""

    __tablename__ = "idle_overrides"
    __table_args__ = (UniqueConstraint("item_kind", "item_id", name="uq_idle_overrides_item"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    item_kind: Mapped[str] = mapped_column(String(16))  # batch | allocation
    item_id: Mapped[int] = mapped_column(BigInteger)
    idle_class: Mapped[IdleClass] = mapped_column(str_enum(IdleClass))
    reason: Mapped[str] = mapped_column(Text)
    set_by: Mapped[str] = mapped_column(String(120))
    set_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
