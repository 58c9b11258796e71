"""GraphQL types of the collaboration service (粤桂扶贫协作); the types are the contract's
(contracts/collaboration.py)."""
from decimal import Decimal

import strawberry

from contracts import collaboration as contract
from gateway.schema.contract_types import contract_type


@contract_type(contract.PairingRead, name="Pairing",
               description="结对帮扶：柳州一方与广东一方，市、县、镇、村、学校、医院")
class Pairing:
    """contracts.collaboration.PairingRead."""


@contract_type(contract.AgreementRead, name="CollaborationAgreement", description="框架协议：每个结对每年一份")
class CollaborationAgreement:
    """contracts.collaboration.AgreementRead."""


@contract_type(contract.KeyTaskRead, name="KeyTask", description="重点任务：达到目标值才算完成；过期未完成为逾期")
class KeyTask:
    """contracts.collaboration.KeyTaskRead."""


@contract_type(contract.ProgressReportRead, name="TaskProgressReport", description="重点任务进展报告")
class TaskProgressReport:
    """contracts.collaboration.ProgressReportRead."""


@contract_type(contract.ProgressRecorded, name="ProgressRecorded", description="刚保存的进展报告及任务现状")
class ProgressRecorded:
    """contracts.collaboration.ProgressRecorded."""


@contract_type(contract.TaskCompletion, name="TaskCompletion", description="重点任务完成率（县区、领域、年度）")
class TaskCompletion:
    """contracts.collaboration.TaskCompletion."""


@contract_type(contract.Linkage, name="Linkage", description="带贫减贫机制")
class Linkage:
    """contracts.collaboration.Linkage."""


@contract_type(contract.CollaborationProjectRead, name="CollaborationProject",
               description="粤桂扶贫协作项目：项目库中的项目，结对、广东资金份额与带贫减贫机制")
class CollaborationProject:
    """contracts.collaboration.CollaborationProjectRead."""


@contract_type(contract.PlanLineRead, name="PlanLine", description="资金使用计划的一行")
class PlanLine:
    """contracts.collaboration.PlanLineRead."""


@contract_type(contract.CountyFunds, name="CollaborationFunds",
               description="县区某年广东帮扶资金：承诺 → 到位 → 计划 → 分配 → 支出")
class CollaborationFunds:
    """contracts.collaboration.CountyFunds."""


@strawberry.type(description="考核一项指标的得分（indicator score）")
class ScorecardIndicator:
    """One indicator's score of a scorecard row."""

    indicator: str = strawberry.field(description="指标代码，如 funds_arrived、key_tasks（indicator code）")
    score: Decimal = strawberry.field(description="得分 = 权重 × 完成程度（score）")


@strawberry.type(description="考核数字背后的记录（where a figure comes from）")
class ScorecardRecord:
    """The REST address behind one figure of a scorecard row."""

    figure: str = strawberry.field(description="数字名称，如 funds、key_tasks（figure）")
    path: str = strawberry.field(description="各服务 REST 地址（相对路径）（REST path）")


def _indicator_scores(root: strawberry.Parent[contract.ScorecardRow]) -> list[ScorecardIndicator]:
    return [ScorecardIndicator(indicator=k, score=v) for k, v in root.indicator_scores.items()]


def _records(root: strawberry.Parent[contract.ScorecardRow]) -> list[ScorecardRecord]:
    return [ScorecardRecord(figure=k, path=v) for k, v in root.records.items()]


@contract_type(contract.ScorecardRow, name="ScorecardRow", description="东西部扶贫协作成效考核：县区一行")
class ScorecardRow:
    """contracts.collaboration.ScorecardRow; the indicator scores and the record addresses as typed lists."""

    indicator_scores: list[ScorecardIndicator] = strawberry.field(
        resolver=_indicator_scores, description="各指标得分（权重 × 完成程度）")
    records: list[ScorecardRecord] = strawberry.field(resolver=_records,
                                                      description="每项数字背后的记录：各服务 REST 地址（相对路径）")


@contract_type(contract.EnterpriseRead, name="CollaborationEnterprise", description="引进的广东企业")
class CollaborationEnterprise:
    """contracts.collaboration.EnterpriseRead."""


@contract_type(contract.TalentExchangeRead, name="TalentExchange", description="人才交流：挂职干部、专业技术人才")
class TalentExchange:
    """contracts.collaboration.TalentExchangeRead."""


__all__ = ["Pairing", "CollaborationAgreement", "KeyTask", "TaskProgressReport", "ProgressRecorded",
           "TaskCompletion", "Linkage", "CollaborationProject", "PlanLine", "CollaborationFunds", "ScorecardRow",
           "CollaborationEnterprise", "TalentExchange"]
