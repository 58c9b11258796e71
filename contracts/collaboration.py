"""What the collaboration service answers (粤桂扶贫协作): pairings, agreements and key tasks, Guangdong money,
collaboration projects, industry, talent and labour figures, the yearly scorecard.

Services build these from their rows and declare them as `response_model`; the gateway and the reporting service
parse answers into them. Money is Decimal yuan with two decimals; rates are fractions (0–1) with four decimals.
"""
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class PairingLevel(StrEnum):
    """At which level two sides are paired (结对层级)."""

    CITY = "city"
    COUNTY = "county"
    TOWNSHIP = "township"
    VILLAGE_ENTERPRISE = "village_enterprise"
    SCHOOL = "school"
    HOSPITAL = "hospital"


class PairingStatus(StrEnum):
    """Whether a pairing is still being carried out."""

    ACTIVE = "active"
    ENDED = "ended"


class TaskArea(StrEnum):
    """The areas of the framework agreement's key task list (重点任务领域)."""

    LEADERSHIP = "leadership"
    FUNDING = "funding"
    INDUSTRY = "industry"
    LABOUR = "labour"
    TALENT = "talent"
    PROSPERITY = "prosperity"
    CONSUMPTION = "consumption"


class CompletionGrouping(StrEnum):
    """How key-task completion is grouped (完成率汇总口径)."""

    COUNTY = "county"
    AREA = "area"


class LinkageMechanism(StrEnum):
    """How a collaboration project lifts poor households (带贫减贫机制)."""

    DIVIDEND = "dividend"
    WAGES = "wages"
    LAND_RENT = "land_rent"
    PURCHASE_ORDERS = "purchase_orders"


class TalentDirection(StrEnum):
    """Which way a cadre or technician went (人才交流方向)."""

    TO_LIUZHOU = "to_liuzhou"
    TO_GUANGDONG = "to_guangdong"


class TalentKind(StrEnum):
    """Who was exchanged."""

    CADRE = "cadre"
    TECHNICIAN = "technician"


class TalentField(StrEnum):
    """The field of a technician's work."""

    EDUCATION = "education"
    HEALTH = "health"
    AGRICULTURE = "agriculture"
    OTHER = "other"


class PairingRead(BaseModel):
    """A pairing (结对帮扶) of a Liuzhou side with a Guangdong partner."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="结对的 id（pairing id）")
    level: PairingLevel = Field(description="结对层级（pairing level）")
    level_label: str = Field(description="结对层级（中文）")
    county_code: str | None = Field(description="柳州一方所在县区；市际结对为空")
    local_name: str = Field(description="柳州一方名称（县、乡镇、村、学校、医院）；村企结对为村屯名录中的行政村名称")
    village_id: int | None = Field(None, description=(
        "村企结对柳州一方在村屯名录中的行政村 id；其他层级和名录建立前登记的村企结对为空"))
    partner_name: str = Field(description="广东一方名称（市、县区、镇、企业、学校、医院）")
    parent_id: int | None = Field(description="上级结对（乡镇、村结对挂在县际结对之下）")
    start_year: int = Field(description="开始结对年度（year the pairing began）")
    status: PairingStatus = Field(description="结对状态（pairing status）")
    demo: bool = Field(description="演示数据")
    version: int = Field(description="版本号；修改时以 If-Match 带回")


class AgreementRead(BaseModel):
    """A pairing's framework agreement for one year (框架协议) and the Guangdong money it commits."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="框架协议的 id（agreement id）")
    pairing_id: int = Field(description="所属结对的 id（pairing id）")
    county_code: str | None = Field(description="柳州一方所在县区代码；市际结对为空（county code）")
    year: int = Field(description="协议年度（year）")
    title: str = Field(description="协议名称（title）")
    signed_on: date = Field(description="签订日期（signed on）")
    guangdong_committed: Decimal = Field(description="协议承诺的广东帮扶资金（元）")
    version: int = Field(description="版本号；修改时以 If-Match 带回（version）")


class KeyTaskRead(BaseModel):
    """One task of an agreement's key task list (重点任务清单)."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="重点任务的 id（key task id）")
    agreement_id: int = Field(description="所属框架协议的 id（agreement id）")
    county_code: str | None = Field(description="柳州一方所在县区代码；市际结对为空（county code）")
    year: int = Field(description="任务年度（year）")
    area: TaskArea = Field(description="重点任务领域（area）")
    area_label: str = Field(description="领域（中文）（area label）")
    description: str = Field(description="任务内容（description）")
    unit_guangdong: str = Field(description="广东方责任单位")
    unit_liuzhou: str = Field(description="柳州方责任单位")
    deadline: date = Field(description="完成期限（deadline）")
    indicator: str = Field(description="目标指标")
    unit: str = Field(description="计量单位")
    target_value: Decimal = Field(description="目标值，按计量单位（target value）")
    reached_value: Decimal = Field(description="最新报告的完成值")
    done: bool = Field(description="完成值达到目标值即为完成")
    done_on: date | None = Field(description="完成日期；未完成为空（date done）")
    overdue: bool = Field(description="已过期限且未完成")
    version: int = Field(description="版本号；修改时以 If-Match 带回（version）")


class ProgressReportRead(BaseModel):
    """A progress report on a key task (进展报告)."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="进展报告的 id（report id）")
    task_id: int = Field(description="重点任务的 id（key task id）")
    value_reached: Decimal = Field(description="截至报告日的累计完成值（value reached）")
    note: str | None = Field(description="进展说明；没有为空（note）")
    evidence: str | None = Field(description="佐证材料（文号、链接或档案编号）")
    reported_on: date = Field(description="报告日期（reported on）")
    reported_by: str = Field(description="报告人（reported by）")
    created_at: datetime = Field(description="录入时间，UTC（recorded at）")


class TaskCompletion(BaseModel):
    """Key tasks done and overdue in one group (county, area, year)."""

    county_code: str | None = Field(description="县区代码；按领域汇总时为空（county code）")
    area: TaskArea | None = Field(description="重点任务领域；按县区汇总时为空（area）")
    year: int = Field(description="年度（year）")
    total: int = Field(description="任务数（tasks）")
    done: int = Field(description="完成数（done）")
    overdue: int = Field(description="逾期数（overdue）")
    completion_rate: Decimal = Field(description="完成率 = 完成数 ÷ 任务数（四位小数）")


class CollaborationCountyFigures(BaseModel):
    """One county's collaboration figures of a year, for bulletins (the reporting service reads these)."""

    county_code: str = Field(description="县区代码（GB/T 2260，六位；county code）")
    guangdong_committed: Decimal = Field(description="协议承诺资金（元）")
    guangdong_arrived: Decimal = Field(description="到位资金（资金服务中来源为广东的批次，元）")
    guangdong_spent: Decimal = Field(description="已支出（资金服务中来源为广东的分配的支出，元）")
    key_tasks_total: int = Field(description="重点任务数（key tasks）")
    key_tasks_done: int = Field(description="完成的重点任务数（done）")
    key_tasks_overdue: int = Field(description="逾期的重点任务数（overdue）")


class ProgressRecorded(BaseModel):
    """A progress report just stored and the task as it stands after it."""

    report: ProgressReportRead = Field(description="刚保存的进展报告（the report stored）")
    task: KeyTaskRead = Field(description="报告后的任务现状（the task after it）")


class Linkage(BaseModel):
    """How a collaboration project lifts poor households (带贫减贫机制)."""

    mechanism: LinkageMechanism = Field(description="带贫方式（mechanism）")
    mechanism_label: str = Field(description="带贫方式（中文）")
    households_promised: int = Field(description="承诺带动贫困户数")
    households_delivered: int = Field(description="已带动贫困户数")


class CollaborationProjectRead(BaseModel):
    """A library entry registered as a collaboration project, with what the projects feed last said of it and
    the Guangdong money planned, allocated and spent on it."""

    id: int = Field(description="协作项目登记的 id（collaboration project id）")
    project_id: int = Field(description="项目库中项目的 id")
    name: str = Field(description="项目名称（来自项目库）")
    county_code: str = Field(description="县区代码（GB/T 2260，六位；county code）")
    status: str = Field(description="项目库中的状态（来自项目库事件流）")
    library_code: str | None = Field(description="项目库编号；未入库为空（library code）")
    pairing_id: int = Field(description="所属结对的 id（pairing id）")
    guangdong_share: Decimal = Field(description="计划使用的广东帮扶资金（元）")
    linkage: Linkage = Field(description="带贫减贫机制（linkage）")
    planned: Decimal = Field(description="资金使用计划已安排（元）")
    allocated: Decimal = Field(description="资金服务已分配的广东资金，扣除收回（元）")
    spent: Decimal = Field(description="已支出（元）")
    version: int = Field(description="版本号；修改时以 If-Match 带回（version）")


class PlanLineRead(BaseModel):
    """A line of the fund-use plan (资金使用计划)."""

    id: int = Field(description="计划行的 id（plan line id）")
    collaboration_project_id: int = Field(description="协作项目登记的 id（collaboration project id）")
    project_id: int = Field(description="项目库中项目的 id（project id）")
    county_code: str = Field(description="县区代码（GB/T 2260，六位；county code）")
    year: int = Field(description="计划年度（year）")
    amount: Decimal = Field(description="安排金额（元，两位小数；amount in yuan）")
    purpose: str = Field(description="资金用途（purpose）")
    created_by: str = Field(description="录入人（created by）")
    created_at: datetime = Field(description="录入时间，UTC（created at）")


class CountyFunds(BaseModel):
    """A county's Guangdong money of a year, from promise to spending (承诺 → 到位 → 计划 → 分配 → 支出)."""

    county_code: str = Field(description="县区代码（GB/T 2260，六位；county code）")
    year: int = Field(description="年度（year）")
    committed: Decimal = Field(description="框架协议承诺（元）")
    arrived: Decimal = Field(description="到位：资金服务中来源为广东的批次（元）")
    planned: Decimal = Field(description="资金使用计划已安排（元）")
    allocated: Decimal = Field(description="资金服务已分配到项目，扣除收回（元）")
    spent: Decimal = Field(description="已支出（元）")
    arrival_rate: Decimal = Field(description="到位率 = 到位 ÷ 承诺")
    plan_rate: Decimal = Field(description="计划率 = 计划 ÷ 到位")
    spend_rate: Decimal = Field(description="支出率 = 支出 ÷ 到位")
    first_arrived_on: date | None = Field(description="第一笔资金到位日期")
    first_spent_on: date | None = Field(description="第一笔支出日期")
    days_to_first_spending: int | None = Field(description="从第一笔到位到第一笔支出的天数；尚未支出为空")


class LabourWhere(StrEnum):
    """Where a poor labourer was helped into work (劳务协作去向)."""

    GUANGDONG = "guangdong"
    IN_COUNTY = "in_county"
    ELSEWHERE = "elsewhere"


class LabourFigures(BaseModel):
    """Registered poor labourers of a county in work during a year, by where (the employment service counts them
    from its labourers and placements; a labourer in work in two places counts in each, once in `total`)."""

    county_code: str
    year: int
    guangdong: int = Field(description="到广东就业（用工单位所在省份为广东）")
    in_county: int = Field(description="在本县区就业（本县区用工单位、在建项目、公益岗位、扶贫微车间）")
    elsewhere: int = Field(description="在其他地方就业")
    total: int = Field(description="就业的贫困劳动力（去重）")


class EnterpriseRead(BaseModel):
    """A Guangdong enterprise brought into a county (产业协作: 引进企业)."""

    id: int = Field(description="引进企业的 id（enterprise id）")
    county_code: str = Field(description="引入县区代码（county code）")
    year: int = Field(description="引进年度（year）")
    name: str = Field(description="企业名称（name）")
    origin: str = Field(description="来自广东何地")
    industry: str = Field(description="所属行业（industry）")
    investment: Decimal = Field(description="实际到位投资（元）")
    poor_people_driven: int = Field(description="带动贫困人口数（带贫人数）")
    created_by: str = Field(description="录入人（created by）")


class TalentExchangeRead(BaseModel):
    """A cadre or technician sent one way for a period (人才交流)."""

    id: int = Field(description="人才交流的 id（exchange id）")
    county_code: str = Field(description="县区代码（GB/T 2260，六位；county code）")
    direction: TalentDirection = Field(description="交流方向（direction）")
    direction_label: str = Field(description="交流方向（中文）（direction label）")
    kind: TalentKind = Field(description="人员类别（kind）")
    kind_label: str = Field(description="人员类别（中文）（kind label）")
    field: TalentField = Field(description="专业领域（field）")
    field_label: str = Field(description="专业领域（中文）（field label）")
    person_name: str = Field(description="姓名（person）")
    unit: str = Field(description="派出或接收单位")
    starts_on: date = Field(description="开始日期（starts on）")
    ends_on: date = Field(description="结束日期（ends on）")
    person_days: int = Field(description="人天数（含首尾两日）")


class ScorecardRow(BaseModel):
    """One Liuzhou county's row of the yearly East–West collaboration assessment (东西部扶贫协作成效考核)."""

    county_code: str = Field(description="县区代码（GB/T 2260，六位；county code）")
    county_name: str = Field(description="县区名称（county name）")
    year: int = Field(description="考核年度（year）")
    committed: Decimal = Field(description="协议承诺资金（元）")
    arrived: Decimal = Field(description="到位资金（元）")
    spent: Decimal = Field(description="已支出（元）")
    arrival_rate: Decimal = Field(description="到位率 = 到位 ÷ 承诺（四位小数；arrival rate）")
    spend_rate: Decimal = Field(description="支出率 = 支出 ÷ 到位（四位小数；spend rate）")
    cadres: int = Field(description="互派挂职干部（人）")
    technicians: int = Field(description="互派专业技术人才（人）")
    person_days: int = Field(description="人才交流人天数（本年内）")
    enterprises: int = Field(description="引进广东企业（家）")
    investment: Decimal = Field(description="引进企业实际到位投资（元）")
    poor_people_driven: int = Field(description="引进企业带贫人数")
    labour_available: bool = Field(description="就业服务是否应答；否时劳务协作各项为空")
    labour_guangdong: int | None = Field(description="贫困劳动力到广东就业（人）")
    labour_in_county: int | None = Field(description="贫困劳动力就地就近就业（人）")
    labour_elsewhere: int | None = Field(description="贫困劳动力到其他地方就业（人）")
    townships_paired: int = Field(description="结对乡镇数")
    villages_paired: int = Field(description="结对村（村企结对）数")
    tasks_total: int = Field(description="重点任务数（key tasks）")
    tasks_done: int = Field(description="完成的重点任务数（done）")
    tasks_overdue: int = Field(description="逾期的重点任务数（overdue）")
    task_completion_rate: Decimal = Field(description="重点任务完成率（四位小数；completion rate）")
    indicator_scores: dict[str, Decimal] = Field(description="各指标得分（权重 × 完成程度）")
    score: Decimal = Field(description="总分")
    records: dict[str, str] = Field(description="每项数字背后的记录：各服务 REST 地址（相对路径）")
