"""The words of the funds domain: source levels, idle classes, case states, with the Chinese officials use."""
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import BigInteger, Dialect, Enum
from sqlalchemy.types import TypeDecorator

from contracts.enums import AgeBucket, IdleClass, IdleDimension, SourceLevel

__all__ = ["CENT", "SourceLevel", "SOURCE_LABELS", "IdleClass", "IDLE_LABELS", "AgeBucket", "IDLE_GROUPS",
           "FUNDABLE", "ENDED", "OUT_OF_COUNTY", "Money", "str_enum"]

CENT = Decimal("0.01")


SOURCE_LABELS = {SourceLevel.CENTRAL: "中央", SourceLevel.REGION: "自治区", SourceLevel.CITY: "市级",
                 SourceLevel.COUNTY: "县级", SourceLevel.GUANGDONG: "粤桂协作"}


IDLE_LABELS = {IdleClass.ACCELERATE: "加快推进", IdleClass.ACCEPT_AND_SETTLE: "验收报账", IdleClass.RECOVER: "收回",
               IdleClass.START: "督促开工", IdleClass.ASSIGN: "安排项目"}



# What idle funds may be summed by (闲置资金汇总维度).
IDLE_GROUPS = tuple(IdleDimension)

# Why a write outside the caller's county is refused (403 auth.out_of_scope): 财政局只能处理本县区资金.
OUT_OF_COUNTY = "只能处理本县区的资金"

# Project states money may go to (已入库且未终结), and those whose balance must come back at once.
FUNDABLE = frozenset({"admitted", "planned", "started", "completed", "accepted"})
ENDED = frozenset({"cleared", "cancelled"})


class Money(TypeDecorator[Decimal]):
    """Yuan as Decimal in Python, whole fen (分) as BIGINT in the database.

    Integer fen make every sum and every CHECK exact on both backends: SQLite keeps NUMERIC as a float,
    where 0.1 + 0.2 != 0.3 would break `amount = spent + recovered + balance`.
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | str | int | None, dialect: Dialect) -> int | None:
        """Yuan to whole fen; more than two decimals is refused rather than rounded."""
        if value is None:
            return None
        value = Decimal(value)
        if value != value.quantize(CENT):
            raise ValueError("money has at most two decimals")
        return int(value * 100)

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        """Whole fen back to yuan with two decimals."""
        return None if value is None else (Decimal(int(value)) / 100).quantize(CENT)


def str_enum(cls: type[StrEnum]) -> Enum:
    """A StrEnum stored as a plain string (no database enum to migrate)."""
    return Enum(cls, native_enum=False, create_constraint=False, length=32,
                values_callable=lambda e: [m.value for m in e])
