"""The hard eligibility rule (严禁入库): poverty-related, fiscally funded, with performance targets.

The poor-village link counts only for villages the registry (村屯名录) holds as poor villages in the entry's
planned start year: a poor village that exited in 2019 still counts for a 2019 entry, not for a 2020 one.
"""
from dataclasses import dataclass

from services.projects.library.schemas import EntryContent
from services.projects.places.lookup import EntryPlaces
from services.projects.terms import FISCAL_SOURCES


@dataclass(frozen=True)
class RuleBreach:
    """One broken eligibility rule: a stable rule code, the field it concerns, and a Chinese message."""

    rule: str
    field: str
    message: str


def _poverty_breach(entry: EntryContent, places: EntryPlaces) -> RuleBreach | None:
    """`not_poverty_related`: no poor households and people, and no village that is poor in the start year."""
    b, year = entry.beneficiaries, entry.planned_start_year
    if (b.poor_households > 0 and b.poor_people > 0) or places.poor_as_of(year):
        return None
    if places.poor_villages:
        names = "、".join(v.name for v in places.poor_villages)
        return RuleBreach("not_poverty_related", "poor_village_ids",
                          f"所列服务村（{names}）按村屯名录在 {year} 年不是贫困村，且未写明受益贫困户和贫困人口："
                          "与脱贫攻坚无关的项目严禁入库")
    return RuleBreach("not_poverty_related", "beneficiaries",
                      "与脱贫攻坚无关的项目严禁入库（须写明受益贫困户和贫困人口，或服务的贫困村）")


def eligibility_breaches(entry: EntryContent, places: EntryPlaces) -> list[RuleBreach]:
    """Every eligibility rule the entry breaks; empty when it may enter review."""
    breaches = []
    fiscal = [b for b in entry.budget if b.source in FISCAL_SOURCES]
    if not entry.uses_fiscal_funds or not fiscal:
        breaches.append(RuleBreach(
            "no_fiscal_funds", "uses_fiscal_funds",
            "不使用财政扶贫资金的项目严禁入库（须申报使用财政扶贫资金，且预算中有财政扶贫资金来源）"))
    poverty = _poverty_breach(entry, places)
    if poverty is not None:
        breaches.append(poverty)
    if not entry.targets:
        breaches.append(RuleBreach("no_performance_target", "targets", "项目须设定至少一项绩效目标"))
    return breaches
