"""Reporting service settings (env prefix REPORTING_): where the other services are, the ranking's indicators and
weights, and the reminder rules."""
from decimal import Decimal

from pydantic import Field, field_validator
from pydantic_settings import SettingsConfigDict

from services.kit.settings import ServiceSettings, sqlite_url
from services.reporting.terms import INDICATOR_LABELS

# 每月一评比: indicator code → weight (see services/reporting/scoring/indicators.py for each formula).
DEFAULT_WEIGHTS = {"spend_rate": Decimal(30), "idle_share": Decimal(20), "overdue_cases": Decimal(20),
                   "quota_compliance": Decimal(15), "stalled_share": Decimal(15)}


class Settings(ServiceSettings):
    """Settings of the reporting service."""

    model_config = SettingsConfigDict(env_prefix="REPORTING_")

    database_url: str = sqlite_url("reporting")
    port: int = 8005
    projects_url: str = Field("http://127.0.0.1:8001", description="项目库服务地址")
    funds_url: str = Field("http://127.0.0.1:8002", description="资金服务地址")
    employment_url: str = Field("http://127.0.0.1:8003", description="就业服务地址")
    collaboration_url: str | None = Field(None, description="粤桂协作服务地址；未设置时通报的协作数据为空")
    upstream_timeout: float = Field(10.0, gt=0, description="调用其他服务的超时（秒）")
    weights: dict[str, Decimal] = Field(
        default_factory=lambda: dict(DEFAULT_WEIGHTS),
        description="综合评分的指标与权重（JSON，如 {\"spend_rate\": 30, \"idle_share\": 20}）")
    bottom_size: int = Field(2, ge=1, le=10, description="末位（黑榜）县区数")
    # 提醒约谈 rules.
    case_overdue_days: int = Field(30, ge=1, description="整改事项逾期超过此天数即列入提醒约谈")
    breach_months: int = Field(3, ge=1, le=12, description="集团在建项目连续未达标此月数即列入提醒约谈")
    bottom_months: int = Field(2, ge=1, le=12, description="县区连续此月数排名末位即列入提醒约谈")

    @field_validator("weights")
    @classmethod
    def _known_indicators(cls, weights: dict[str, Decimal]) -> dict[str, Decimal]:
        """Every weighted indicator exists, no weight is negative, and some weight is positive."""
        unknown = sorted(set(weights) - set(INDICATOR_LABELS))
        if unknown:
            raise ValueError(f"unknown indicators {unknown}; known: {sorted(INDICATOR_LABELS)}")
        if any(w < 0 for w in weights.values()) or not sum(weights.values()):
            raise ValueError("weights must be 0 or more, and not all 0")
        return weights
