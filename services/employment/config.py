"""Employment service settings (env prefix EMPLOYMENT_)."""
from decimal import Decimal

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from services.kit.auth import Role
from services.kit.context import RequestContext
from services.kit.periods.guard import CORRECTORS_HELP
from services.kit.settings import ServiceSettings, sqlite_url


class Settings(ServiceSettings):
    """Settings of the employment service, with the quota thresholds of plan §二(二)."""

    model_config = SettingsConfigDict(env_prefix="EMPLOYMENT_")

    database_url: str = sqlite_url("employment")
    port: int = 8003
    projects_url: str = Field("http://127.0.0.1:8001", description="项目库服务地址（读取村屯名录）")
    upstream_timeout: float = Field(5.0, gt=0, description="调用项目库服务的超时（秒）")
    # A closed month (关账) is corrected by the city level: 市人社局更正就业安置.
    period_correctors: list[Role] = Field(default_factory=lambda: [Role.HR], description=CORRECTORS_HELP)
    # 骨干企业：安置贫困农村劳动力占全年用工总量的 10% 以上
    enterprise_min: Decimal = Field(Decimal("0.10"), ge=0, le=1,
                                    description="骨干企业安置贫困劳动力占全年用工总量的最低比例")
    # 集团在建项目：使用本市贫困农村劳动力应占项目用工总数的 5%—10%
    project_min: Decimal = Field(Decimal("0.05"), ge=0, le=1,
                                 description="集团在建项目使用本市贫困劳动力占项目用工总数的下限")
    project_max: Decimal = Field(Decimal("0.10"), ge=0, le=1,
                                 description="集团在建项目使用本市贫困劳动力占项目用工总数的上限（超出为超过区间）")
    # 待办事项与预警 (services/employment/work/duties.py says who awaits what and when it is due)
    workforce_report_due_days: int = Field(
        31, ge=0, le=366, description="骨干企业上年全年用工总量在年度结束后几天内报送（默认 31：次年 1 月 31 日）")
    group_report_due_days: int = Field(
        10, ge=0, le=60, description="集团在建项目月度用工总数在月份结束后几天内报送（默认 10：次月 10 日）")
    group_report_months: int = Field(3, ge=1, le=24,
                                     description="集团在建项目未报送的月度用工总数在待办中保留最近几个已结束的月份")
    course_outcomes_due_days: int = Field(30, ge=0, le=366, description="培训结束后几天内登记培训结果")
    work_warn_days: dict[str, int] = Field(
        default_factory=lambda: {"workforce_report": 14, "group_report": 5, "course_outcomes": 7},
        description="各类待办提前几天预警（临期）：workforce_report、group_report、course_outcomes")
    work_sweep_seconds: float = Field(300.0, ge=0, description="临期、逾期预警扫描的间隔（秒）；0 关闭")


# What every employment service function receives: the request context with these settings.
Context = RequestContext[Settings]
