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


# What every employment service function receives: the request context with these settings.
Context = RequestContext[Settings]
