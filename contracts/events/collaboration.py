"""Payloads of the collaboration service's feed (粤桂扶贫协作事件): pairings, agreements, key tasks, progress,
collaboration projects and the fund-use plan."""
from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import Field

from contracts.collaboration import (
    LinkageMechanism,
    PairingLevel,
    PairingStatus,
    TalentDirection,
    TalentField,
    TalentKind,
    TaskArea,
)
from contracts.enums import FeedName
from contracts.events.base import EventPayload, event
from contracts.fields import Note, ProjectId, Year, Yuan

FEED = FeedName.COLLABORATION
County = Annotated[str | None, Field(description="柳州一方所在县区代码；市际结对为空")]
Value = Annotated[Decimal, Field(max_digits=18, decimal_places=4, description="数值")]
Version = Annotated[int, Field(description="变动后的版本号")]


@event(FEED, "pairing.changed", 1, "pairing", "pairing_id")
class PairingChanged(EventPayload):
    """A pairing (结对帮扶) was set up or edited."""

    pairing_id: int = Field(description="结对的 id")
    level: PairingLevel = Field(description="结对层级")
    county_code: County
    local_name: str = Field(description="柳州一方名称")
    partner_name: str = Field(description="广东一方名称")
    parent_id: int | None = Field(description="上级结对的 id")
    start_year: Year
    pairing_status: PairingStatus = Field(description="结对状态")
    version: Version


@event(FEED, "agreement.changed", 1, "agreement", "agreement_id")
class AgreementChanged(EventPayload):
    """A yearly framework agreement (框架协议) was signed or edited."""

    agreement_id: int = Field(description="框架协议的 id")
    pairing_id: int = Field(description="结对的 id")
    county_code: County
    year: Year
    title: str = Field(description="协议名称")
    guangdong_committed: Yuan
    version: Version


@event(FEED, "key_task.changed", 1, "key_task", "task_id")
class KeyTaskChanged(EventPayload):
    """A key task (重点任务) was added, edited or reached its target."""

    task_id: int = Field(description="重点任务的 id")
    agreement_id: int = Field(description="所属框架协议的 id")
    county_code: County
    year: Year
    area: TaskArea = Field(description="任务领域")
    deadline: date = Field(description="完成期限")
    target_value: Value
    reached_value: Value
    done: bool = Field(description="是否已达到目标值")
    version: Version


@event(FEED, "key_task.progress_reported", 1, "key_task", "task_id")
class TaskProgressReported(EventPayload):
    """Progress on a key task was reported (进展报告)."""

    report_id: int = Field(description="进展报告的 id")
    task_id: int = Field(description="重点任务的 id")
    county_code: County
    value_reached: Value
    reported_on: date = Field(description="报告日期")
    note: Note
    done: bool = Field(description="报告后任务是否完成")


@event(FEED, "collaboration_project.changed", 1, "collaboration_project", "collaboration_project_id")
class CollaborationProjectChanged(EventPayload):
    """A library entry was registered as a collaboration project, or its share or linkage changed."""

    collaboration_project_id: int = Field(description="协作项目登记的 id")
    project_id: ProjectId
    pairing_id: int = Field(description="结对的 id")
    county_code: str = Field(description="项目所在县区代码")
    guangdong_share: Yuan
    mechanism: LinkageMechanism = Field(description="带贫方式")
    households_promised: int = Field(description="承诺带动贫困户数")
    households_delivered: int = Field(description="已带动贫困户数")
    version: Version


@event(FEED, "plan_line.added", 1, "plan_line", "plan_line_id")
class PlanLineAdded(EventPayload):
    """Guangdong money was planned for a collaboration project (资金使用计划)."""

    plan_line_id: int = Field(description="计划行的 id")
    collaboration_project_id: int = Field(description="协作项目登记的 id")
    project_id: ProjectId
    county_code: str = Field(description="县区代码")
    year: Year
    amount: Yuan
    purpose: str = Field(description="用途")


@event(FEED, "enterprise.recorded", 1, "enterprise", "enterprise_id")
class EnterpriseRecorded(EventPayload):
    """A Guangdong enterprise brought into a county was recorded (产业协作)."""

    enterprise_id: int = Field(description="引进企业记录的 id")
    county_code: str = Field(description="县区代码")
    year: Year
    name: str = Field(description="企业名称")
    investment: Yuan
    poor_people_driven: int = Field(description="带贫人数")


@event(FEED, "talent_exchange.recorded", 1, "talent_exchange", "exchange_id")
class TalentExchangeRecorded(EventPayload):
    """A cadre or technician exchange was recorded (人才交流)."""

    exchange_id: int = Field(description="人才交流记录的 id")
    county_code: str = Field(description="县区代码")
    direction: TalentDirection = Field(description="方向")
    talent_kind: TalentKind = Field(description="挂职干部或专业技术人才")
    talent_field: TalentField = Field(description="领域")
    starts_on: date = Field(description="开始日期")
    ends_on: date = Field(description="结束日期")
