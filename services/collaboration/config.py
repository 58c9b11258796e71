"""Collaboration service settings (env prefix COLLABORATION_)."""
from pydantic import Field
from pydantic_settings import SettingsConfigDict

from services.kit.settings import ServiceSettings, sqlite_url

# 东西部扶贫协作成效考核: each indicator's weight in the county score; the city office follows each year's rules.
DEFAULT_WEIGHTS = {"funds_arrived": 20, "funds_spent": 20, "key_tasks": 20, "talent": 10, "industry": 15, "labour": 15}


class Settings(ServiceSettings):
    """Settings of the collaboration service: where the services it reads are, and the scorecard's weights."""

    model_config = SettingsConfigDict(env_prefix="COLLABORATION_")

    database_url: str = sqlite_url("collaboration")
    port: int = 8004
    projects_url: str = Field("http://127.0.0.1:8001", description="项目库服务地址（读取项目事件流）")
    funds_url: str = Field("http://127.0.0.1:8002", description="资金服务地址（读取广东资金批次、分配与支出）")
    employment_url: str = Field("http://127.0.0.1:8003", description="就业服务地址（读取劳务协作人数）")
    upstream_timeout: float = Field(5.0, gt=0, description="调用其他服务的超时（秒）")
    feed_poll_seconds: float = Field(1.0, ge=0, description="读取项目库事件流的间隔（秒）；0 关闭后台轮询")
    scorecard_weights: dict[str, int] = Field(
        default_factory=lambda: dict(DEFAULT_WEIGHTS),
        description="成效考核各指标权重（funds_arrived、funds_spent、key_tasks、talent、industry、labour），按当年考核办法设置")
    # 待办事项与预警 (services/collaboration/work/duties.py)
    key_task_ahead_days: int = Field(
        30, ge=0, le=366, description="重点任务在期限前几天进入待办（逾期未完成的一直在列）")
    work_warn_days: dict[str, int] = Field(default_factory=lambda: {"key_task": 7},
                                           description="各类待办提前几天预警（临期）：key_task")
    work_sweep_seconds: float = Field(300.0, ge=0, description="临期、逾期预警扫描的间隔（秒）；0 关闭")
