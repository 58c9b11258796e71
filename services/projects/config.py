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
    lean_reads: bool = Field(True, description="PostgreSQL 上单条读取与按 ids 批量读取走精简路径（数据库直接生成"
                                               " JSON）；关闭则全部经 FastAPI 常规路径。SQLite 始终走常规路径")
