"""Enumerations of the employment domain and their Chinese labels."""
from enum import StrEnum

from sqlalchemy import Enum

from contracts.enums import EmployerKind, PlacementKind, Registration

__all__ = ["Registration", "COUNTED", "EmployerKind", "PlacementKind", "QuotaStatus", "QuotaKind",
           "REGISTRATION_LABELS", "KIND_LABELS", "STATUS_LABELS", "str_enum"]

COUNTED = (Registration.POOR, Registration.LIFTED)


class QuotaStatus(StrEnum):
    """Outcome of a quota check for one employer and period."""

    NOT_REPORTED = "not_reported"  # 未报送用工总数
    BREACH = "breach"  # 未达标
    COMPLIANT = "compliant"  # 达标
    EXCEEDS = "exceeds"  # 超出区间（仅集团项目）


class QuotaKind(StrEnum):
    """The two quotas of plan §二(二)."""

    ENTERPRISE = "enterprise"  # 骨干企业 ≥10%（年度）
    GROUP_PROJECT = "group_project"  # 集团项目 5%–10%（月度）


REGISTRATION_LABELS = {"poor": "建档立卡贫困", "lifted": "已脱贫", "none": "非建档立卡"}
KIND_LABELS = {"enterprise": "骨干企业", "group": "集团公司", "base": "劳务输入基地"}
STATUS_LABELS = {"not_reported": "未报送", "breach": "未达标", "compliant": "达标", "exceeds": "超出区间"}


def str_enum(cls) -> Enum:
    """Stored as plain strings: a new value never needs a database-level enum migration."""
    return Enum(cls, native_enum=False, create_constraint=False, length=32,
                values_callable=lambda e: [m.value for m in e])
