"""The hard eligibility rule (严禁入库): poverty-related, fiscally funded, with performance targets."""
from dataclasses import dataclass

from services.projects.library.schemas import ProjectCreate
from services.projects.terms import FISCAL_SOURCES


@dataclass(frozen=True)
class RuleBreach:
    """One broken eligibility rule: a stable rule code, the field it concerns, and a Chinese message."""

    rule: str
    field: str
    message: str


def eligibility_breaches(entry: ProjectCreate) -> list[RuleBreach]:
    """Every eligibility rule the entry breaks; empty when it may enter review."""
    breaches = []
    fiscal = [b for b in entry.budget if b.source in FISCAL_SOURCES]
    if not entry.uses_fiscal_funds or not fiscal:
        breaches.append(RuleBreach(
            "no_fiscal_funds", "uses_fiscal_funds",
            "不使用财政扶贫资金的项目严禁入库（须申报使用财政扶贫资金，且预算中有财政扶贫资金来源）"))
    b = entry.beneficiaries
    if not (b.poor_households > 0 and b.poor_people > 0) and not b.poor_villages:
        breaches.append(RuleBreach(
            "not_poverty_related", "beneficiaries",
            "与脱贫攻坚无关的项目严禁入库（须写明受益贫困户和贫困人口，或服务的贫困村）"))
    if not entry.targets:
        breaches.append(RuleBreach("no_performance_target", "targets", "项目须设定至少一项绩效目标"))
    return breaches
