"""GraphQL inputs of the collaboration service's mutations (粤桂扶贫协作)."""
from datetime import date
from decimal import Decimal

import strawberry

from contracts import collaboration as contract
from gateway.schema.contract_types import described_by
from gateway.schema.enums import (
    LinkageMechanism,
    PairingLevel,
    PairingStatus,
    TalentDirection,
    TalentField,
    TalentKind,
    TaskArea,
)
from gateway.schema.text import free_text_field


@described_by(contract.PairingRead, county_code="柳州一方所在县区代码；市际结对不填，其余必填（county code）",
              local_name="柳州一方名称（local name）；村企结对不填，村名由村屯名录给出",
              village_id="村企结对柳州一方（village）：村屯名录中本县区行政村的 id；村企结对必填，其余不填")
@strawberry.input(description="结对：市际结对不填县区，其余须填柳州一方所在县区；村企结对填村屯名录中的行政村")
class PairingInput:
    """A pairing to set up."""

    level: PairingLevel
    partner_name: str
    start_year: int
    local_name: str | None = None
    village_id: int | None = None
    county_code: str | None = None
    parent_id: int | None = None


@described_by(contract.PairingRead, status="结对状态；ENDED 结束结对（status）",
              local_name="柳州一方名称（local name）；村企结对改 villageId",
              village_id="村企结对柳州一方（village）：村屯名录中本县区行政村的 id")
@strawberry.input(description="修改结对：不填的字段不变")
class PairingChanges:
    """Changes to a pairing."""

    local_name: str | None = None
    village_id: int | None = None
    partner_name: str | None = None
    start_year: int | None = None
    status: PairingStatus | None = None


@described_by(contract.AgreementRead, guangdong_committed="协议承诺的广东帮扶资金（元，两位小数，须大于 0）")
@strawberry.input(description="框架协议：每个结对每年一份，含承诺的广东帮扶资金")
class AgreementInput:
    """An agreement to sign."""

    pairing_id: int
    year: int
    title: str
    signed_on: date
    guangdong_committed: Decimal


@described_by(contract.KeyTaskRead, target_value="目标值，按计量单位，须大于 0（target value）")
@strawberry.input(description="重点任务：领域、双方责任单位、期限、目标指标与目标值")
class KeyTaskInput:
    """A key task to add."""

    area: TaskArea
    description: str = free_text_field()
    unit_guangdong: str
    unit_liuzhou: str
    deadline: date
    indicator: str
    unit: str
    target_value: Decimal


@described_by(contract.KeyTaskRead, deadline="新的完成期限（deadline）",
              target_value="新的目标值，须大于 0（target value）")
@strawberry.input(description="修改重点任务：不填的字段不变；新的目标值重新判定是否完成")
class KeyTaskChanges:
    """Changes to a key task."""

    deadline: date | None = None
    target_value: Decimal | None = None
    unit_guangdong: str | None = None
    unit_liuzhou: str | None = None


@described_by(contract.ProgressReportRead, value_reached="截至报告日的累计完成值，不得为负（value reached）",
              reported_on="报告日期；不填为今天（上海时间）（reported on）")
@strawberry.input(description="进展报告：截至报告日的累计完成值、说明与佐证材料")
class ProgressInput:
    """A progress report."""

    value_reached: Decimal
    note: str | None = free_text_field(None)
    evidence: str | None = None
    reported_on: date | None = None


@described_by(contract.Linkage, households_delivered="已带动贫困户数；不填为 0")
@strawberry.input(description="带贫减贫机制：方式与承诺带动的贫困户数")
class LinkageInput:
    """A collaboration project's linkage."""

    mechanism: LinkageMechanism
    households_promised: int
    households_delivered: int = 0


@described_by(contract.CollaborationProjectRead, project_id="项目库中项目的 id（project id）",
              guangdong_share="计划使用的广东帮扶资金（元，两位小数，须大于 0；Guangdong share）",
              linkage="带贫减贫机制；必填，缺少时拒绝（linkage）")
@strawberry.input(description="把项目库中的项目登记为协作项目；缺少带贫减贫机制时拒绝")
class CollaborationProjectInput:
    """A library entry to register as collaboration."""

    project_id: int
    pairing_id: int
    guangdong_share: Decimal
    linkage: LinkageInput | None = None


@described_by(contract.PlanLineRead, amount="安排金额（元，两位小数，须大于 0）；超过已到位或项目份额时拒绝")
@strawberry.input(description="资金使用计划：为协作项目安排已到位的广东资金")
class PlanLineInput:
    """A plan line."""

    collaboration_project_id: int
    year: int
    amount: Decimal
    purpose: str = free_text_field()


@described_by(contract.EnterpriseRead, investment="实际到位投资（元，两位小数，不得为负）",
              poor_people_driven="带动贫困人口数，不得为负（poor people driven）")
@strawberry.input(description="引进的广东企业")
class EnterpriseInput:
    """An enterprise brought in."""

    county_code: str
    year: int
    name: str
    origin: str
    industry: str
    investment: Decimal
    poor_people_driven: int


@described_by(contract.TalentExchangeRead, field="专业领域；不填为 OTHER 其他（field）",
              ends_on="结束日期，不早于开始日期（ends on）")
@strawberry.input(description="人才交流：挂职干部或专业技术人才，方向、领域与起止日期")
class TalentExchangeInput:
    """A talent exchange."""

    county_code: str
    direction: TalentDirection
    kind: TalentKind
    person_name: str
    unit: str
    starts_on: date
    ends_on: date
    field: TalentField = TalentField.OTHER
