"""Funds service settings (env prefix FUNDS_)."""
from decimal import Decimal

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from services.kit.auth import Role
from services.kit.periods.guard import CORRECTORS_HELP
from services.kit.settings import ServiceSettings, sqlite_url


class Settings(ServiceSettings):
    """Settings of the funds service."""

    model_config = SettingsConfigDict(env_prefix="FUNDS_")

    database_url: str = sqlite_url("funds")
    port: int = 8002
    # A closed month (关账) is corrected by the city level: 市财政局更正报账.
    period_correctors: list[Role] = Field(default_factory=lambda: [Role.FINANCE], description=CORRECTORS_HELP)
    projects_url: str = Field("http://127.0.0.1:8001", description="项目库服务地址")
    projects_timeout: float = Field(5.0, gt=0, description="调用项目库服务的超时（秒）")
    feed_poll_seconds: float = Field(1.0, ge=0, description="读取项目库事件流的间隔（秒）；0 关闭后台轮询")
    sweep_seconds: float = Field(0, ge=0,
                                 description="自动逐笔清理闲置资金并立项整改的间隔（秒）；0 只在财政局手动发起时清理")
    unallocated_idle_days: int = Field(60, ge=1, description="资金到位后超过此天数仍未分配即为闲置")
    idle_days: int = Field(120, ge=1, description="分配后超过此天数无支出即为闲置")
    rectify_days: dict[str, int] = Field(
        default_factory=lambda: {"accelerate": 30, "accept_and_settle": 30, "recover": 15, "start": 30,
                                 "assign": 30, "finding": 30},
        description="各类整改的默认期限（天）")
    red_spend_rate: Decimal = Field(Decimal("0.5"), ge=0, le=1, description="支出进度低于此比例标红")
    yellow_spend_rate: Decimal = Field(Decimal("0.8"), ge=0, le=1, description="支出进度低于此比例标黄")
    work_warn_days: dict[str, int] = Field(
        default_factory=lambda: {"case_due": 7},
        description="待办事项各类别提前几天预警（临期）：类别 → 天数，未列出的类别为 3 天")
    work_sweep_seconds: float = Field(300, ge=0, description="临期、逾期预警的检查间隔（秒）；0 关闭预警事件")
