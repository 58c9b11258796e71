"""The employment service's vocabulary: its enumerations (shared ones live in contracts/) and Chinese labels."""
from enum import Enum as PyEnum

from sqlalchemy import Enum

from contracts.enums import EmployerKind, PlacementKind, QuotaKind, QuotaStatus, Registration

__all__ = ["Registration", "COUNTED", "EmployerKind", "PlacementKind", "QuotaStatus", "QuotaKind",
           "REGISTRATION_LABELS", "KIND_LABELS", "STATUS_LABELS", "str_enum"]

COUNTED = (Registration.POOR, Registration.LIFTED)


REGISTRATION_LABELS = {"poor": "建档立卡贫困", "lifted": "已脱贫", "none": "非建档立卡"}
KIND_LABELS = {"enterprise": "骨干企业", "group": "集团公司", "base": "劳务输入基地"}
STATUS_LABELS = {"not_reported": "未报送", "breach": "未达标", "compliant": "达标", "exceeds": "超出区间"}


def str_enum(cls: type[PyEnum]) -> Enum:
    """Stored as plain strings: a new value never needs a database-level enum migration."""
    return Enum(cls, native_enum=False, create_constraint=False, length=32,
                values_callable=lambda e: [m.value for m in e])
