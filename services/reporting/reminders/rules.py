"""The reminder-talk rules (提醒约谈), each a pure function from what the services answered to the units due,
naming the rule, the unit and the evidence in figures. Thresholds come from settings (REPORTING_CASE_OVERDUE_DAYS,
REPORTING_BREACH_MONTHS, REPORTING_BOTTOM_MONTHS)."""
from collections.abc import Sequence
from datetime import date

from contracts.employment import Compliance
from contracts.funds import CaseRead
from contracts.reporting import RankingRow, Reminder, ReminderRule
from services.kit.counties import COUNTIES
from services.kit.months import Month
from services.reporting.terms import RULE_LABELS


def _reminder(rule: ReminderRule, county: str, unit: str, evidence: str, subject_id: int | None = None) -> Reminder:
    return Reminder(rule=rule, rule_label=RULE_LABELS[rule], county_code=county,
                    county_name=COUNTIES.get(county, county), unit=unit, evidence=evidence, subject_id=subject_id)


def overdue_cases(cases: Sequence[CaseRead], today: date, days: int) -> list[Reminder]:
    """Each open case past its deadline by more than `days` days: its responsible unit."""
    due = []
    for case in sorted(cases, key=lambda c: (c.deadline, c.id)):
        late = (today - case.deadline).days
        if case.status != "closed" and late > days:
            due.append(_reminder(ReminderRule.CASE_OVERDUE, case.county_code, case.responsible_unit,
                                 f"整改事项 #{case.id}（{case.measure}）期限 {case.deadline.isoformat()}，"
                                 f"已逾期 {late} 天，涉及资金 {case.amount} 元", case.id))
    return due


def breach_running(months: Sequence[tuple[Month, Sequence[Compliance]]]) -> list[Reminder]:
    """Each group construction project in breach in every one of the months given (oldest first)."""
    if not months:
        return []
    in_breach = [{row.subject_id: row for row in rows} for _, rows in months]
    every = set(in_breach[0]).intersection(*in_breach[1:])
    due = []
    for subject in sorted(every):
        latest = in_breach[-1][subject]
        evidence = "；".join(f"{m} 安置 {b[subject].placed} 人 ÷ 用工 {b[subject].total} 人 = "
                            f"{(b[subject].ratio or 0) * 100:.2f}%（下限 {b[subject].band_low * 100:.0f}%）"
                            for (m, _), b in zip(months, in_breach, strict=True))
        unit = f"{latest.group_name}·{latest.name}" if latest.group_name else latest.name
        due.append(_reminder(ReminderRule.QUOTA_BREACH_RUNNING, latest.county_code or "", unit,
                             f"连续 {len(months)} 个月用工比例未达标：{evidence}", subject))
    return due


def bottom_running(rankings: Sequence[tuple[Month, Sequence[RankingRow]]]) -> list[Reminder]:
    """Each county on the bottom list in every one of the months given (oldest first)."""
    if not rankings:
        return []
    bottoms = [{row.county_code: row for row in rows if row.bottom} for _, rows in rankings]
    every = set(bottoms[0]).intersection(*bottoms[1:])
    due = []
    for county in sorted(every):
        evidence = "；".join(f"{m} 第 {b[county].rank} 名（综合得分 {b[county].score}）"
                            for (m, _), b in zip(rankings, bottoms, strict=True))
        due.append(_reminder(ReminderRule.COUNTY_AT_BOTTOM, county, COUNTIES.get(county, county),
                             f"连续 {len(rankings)} 个月排名末位：{evidence}"))
    return due
