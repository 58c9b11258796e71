"""Enumerations of the employment domain and their Chinese labels."""
from enum import StrEnum

from sqlalchemy import Enum


class Registration(StrEnum):
    """建档立卡 status: both poor and lifted-out labourers count for the quotas; `none` does not."""

    POOR = "poor"  # 建档立卡贫困
    LIFTED = "lifted"  # 已脱贫（仍在册）
    NONE = "none"  # 非建档立卡


COUNTED = (Registration.POOR, Registration.LIFTED)


class EmployerKind(StrEnum):
    """Kinds of employer the bureau tracks."""

    ENTERPRISE = "enterprise"  # 骨干企业
    GROUP = "group"  # 市属政府集团公司
    BASE = "base"  # 劳务输入基地企业


class PlacementKind(StrEnum):
    """Where a labourer is placed."""

    ENTERPRISE = "enterprise"  # 骨干企业
    GROUP_PROJECT = "group_project"  # 集团在建项目
    BASE = "base"  # 劳务输入基地（跨省输出）
    PUBLIC_WELFARE = "public_welfare"  # 公益岗位
    MICRO_WORKSHOP = "micro_workshop"  # 扶贫微车间


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
