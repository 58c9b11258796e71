"""Projects service settings (env prefix PROJECTS_)."""
from decimal import Decimal

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from services.kit.settings import ServiceSettings, sqlite_url


class Settings(ServiceSettings):
    """Settings of the project-library service."""

    model_config = SettingsConfigDict(env_prefix="PROJECTS_")

    database_url: str = sqlite_url("projects")
    port: int = 8001
    city_review_threshold: Decimal = Field(Decimal("5000000"), description="总预算达到此数（元）须市扶贫办审核")
    notice_days: int = Field(7, ge=1, description="公示天数（自然日）")
    stall_months: int = Field(6, ge=1, description="停滞判定月数")
    adjustment_from_month: int = Field(10, ge=1, le=12, description="年度计划调整窗口起始月（第四季度为 10）")
    progress_due_days: int = Field(60, ge=1, description="已开工项目两次进度报告（或开工后首次报告）的最长间隔（天）")
    work_warn_days: dict[str, int] = Field(
        default_factory=lambda: {"notice_ending": 2, "objection": 2, "progress_due": 7},
        description="待办事项各类别提前几天预警（临期）：类别 → 天数，未列出的类别为 3 天")
    work_sweep_seconds: float = Field(300, ge=0, description="临期、逾期预警的检查间隔（秒）；0 关闭预警事件")
