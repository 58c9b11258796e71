"""Projects service settings (env prefix PROJECTS_)."""
from datetime import date
from decimal import Decimal

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from services.kit.auth import Role
from services.kit.periods.guard import CORRECTORS_HELP
from services.kit.settings import ServiceSettings, sqlite_url


class Settings(ServiceSettings):
    """Settings of the project-library service."""

    model_config = SettingsConfigDict(env_prefix="PROJECTS_")

    database_url: str = sqlite_url("projects")
    port: int = 8001
    # A closed month (关账) is corrected by the city level: 市扶贫办更正项目进度.
    period_correctors: list[Role] = Field(default_factory=lambda: [Role.CITY_OFFICE], description=CORRECTORS_HELP)
    city_review_threshold: Decimal = Field(Decimal("5000000"), description="总预算达到此数（元）须市扶贫办审核")
    notice_days: int = Field(7, ge=1, description="公示天数（自然日）")
    stall_months: int = Field(6, ge=1, description="停滞判定月数")
    adjustment_from_month: int = Field(10, ge=1, le=12, description="年度计划调整窗口起始月（第四季度为 10）")
    collective_income_target: Decimal = Field(Decimal("50000"), gt=0,
                                              description="村级集体经济年收入目标（元），默认 5 万元")
    collective_income_deadline: date = Field(date(2020, 12, 31), description="村级集体经济收入达标期限")
    road_incidence_threshold: Decimal = Field(Decimal("25"), ge=0, le=100,
                                              description="硬化道路：贫困发生率达到此数（%）的非贫困村纳入")
    road_min_households: int = Field(20, ge=0, description="硬化道路：纳入的自然屯最少户数")
    progress_due_days: int = Field(60, ge=1, description="已开工项目两次进度报告（或开工后首次报告）的最长间隔（天）")
    work_warn_days: dict[str, int] = Field(
        default_factory=lambda: {"notice_ending": 2, "objection": 2, "progress_due": 7},
        description="待办事项各类别提前几天预警（临期）：类别 → 天数，未列出的类别为 3 天")
    work_sweep_seconds: float = Field(300, ge=0, description="临期、逾期预警的检查间隔（秒）；0 关闭预警事件")
    lean_reads: bool = Field(True, description="PostgreSQL 上单条读取与按 ids 批量读取走精简路径（数据库直接生成"
                                               " JSON）；关闭则全部经 FastAPI 常规路径。SQLite 始终走常规路径")
