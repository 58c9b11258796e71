"""GraphQL types of the reporting service; the types are the contract's (contracts/reporting.py)."""
from contracts import month_figures
from contracts import reporting as contract
from gateway.schema.contract_types import contract_type


@contract_type(month_figures.Count, name="KeyedCount", description="某一状态或分类下的数量")
class KeyedCount:
    """contracts.month_figures.Count."""


@contract_type(contract.Amount, name="KeyedAmount", description="某一分类或时长下的金额（元）")
class KeyedAmount:
    """contracts.reporting.Amount."""


@contract_type(contract.CountyFigures, name="CountyFigures",
               description="一个县区某月的通报数据：项目、资金、整改、用工比例（存量为月末数）")
class CountyFigures:
    """contracts.reporting.CountyFigures."""


@contract_type(contract.IndicatorScore, name="IndicatorScore",
               description="综合得分的一项指标：数值、得分率、权重、折合分数及说明")
class IndicatorScore:
    """contracts.reporting.IndicatorScore."""


@contract_type(contract.RankingRow, name="RankingRow", description="县区某月的综合得分与名次（每月一评比）")
class RankingRow:
    """contracts.reporting.RankingRow."""


@contract_type(contract.Ranking, name="CountyRanking", description="某月县区排名与末位（黑榜）")
class CountyRanking:
    """contracts.reporting.Ranking."""


@contract_type(contract.Reminder, name="Reminder", description="列入提醒约谈的单位或县区：规则、对象与依据")
class Reminder:
    """contracts.reporting.Reminder."""


@contract_type(contract.Bulletin, name="Bulletin", description="月度通报：实时草稿，或印发时冻结的版次")
class Bulletin:
    """contracts.reporting.Bulletin."""


@contract_type(contract.BulletinEdition, name="BulletinEdition", description="已印发的通报版次（不含数据）")
class BulletinEdition:
    """contracts.reporting.BulletinEdition."""
