"""Poor labourers (贫困劳动力), one row per national ID number."""
from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, Boolean, Date, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from services.employment.terms import Registration, str_enum
from services.kit.db import Base, BigId, UTCDateTime, utcnow


class Labourer(Base):
    """A registered (建档立卡) or other rural labourer; the ID is personal data, shown whole only to hr."""

    __tablename__ = "labourers"
    __table_args__ = (
        Index("ix_labourers_county_id", "county_code", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    # Kept alongside so lists, exports and audit never need the whole number to show one.
    id_masked: Mapped[str] = mapped_column(String(18))
    name: Mapped[str] = mapped_column(String(60))
    birth_date: Mapped[date] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(8))
    county_code: Mapped[str] = mapped_column(String(6))
    township: Mapped[str] = mapped_column(String(60))
    village: Mapped[str] = mapped_column(String(60))
    # The registry village (村屯名录) the names above were copied from at registration; null outside Liuzhou and
    # for labourers registered before the registry (their names stay as typed).
    village_id: Mapped[int | None] = mapped_column(BigInteger)
    household_no: Mapped[str] = mapped_column(String(40))
    registration: Mapped[Registration] = mapped_column(str_enum(Registration))
    relocated: Mapped[bool] = mapped_column(Boolean, default=False)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
