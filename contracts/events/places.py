"""Payloads of the village registry (村屯名录) on the projects feed: every change of an administrative village, its
yearly figures or its natural villages."""
from pydantic import Field

from contracts.enums import FeedName, VillageChange
from contracts.events.base import EventPayload, event
from contracts.fields import CountyCode


@event(FeedName.PROJECTS, "village.changed", 1, "village", "village_id")
class VillageChanged(EventPayload):
    """An administrative village (行政村) was created or changed; the payload is its state after the change."""

    village_id: int = Field(description="行政村的 id")
    version: int = Field(description="行政村版本号：每次变更加一；只应用比已知版本更新的状态")
    village_change: VillageChange = Field(description="变更内容：新建、修改标记、年度数据、自然屯或导入")
    county_code: CountyCode
    township: str = Field(description="所属乡镇名称")
    name: str = Field(description="行政村名称")
    poor_village: bool = Field(description="是否贫困村")
    deep_poverty: bool = Field(description="是否深度贫困村")
    exited_year: int | None = Field(description="出列年度；未出列为空")
    year: int | None = Field(description="变更的年度数据所属年度；其他变更为空")
