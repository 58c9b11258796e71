"""The indicators of the monthly ranking (每月一评比), each a value from a county's figures and a score between 0
and 1 where higher is better, with a Chinese sentence giving the numbers behind it.

- spend_rate 资金支出进度: spent ÷ received; score = the rate.
- idle_share 闲置资金占比: idle ÷ received; score = 1 − share (never below 0).
- overdue_cases 整改逾期率: overdue ÷ open cases; score = 1 − rate (no open case: 1).
- quota_compliance 用工比例达标率: compliant ÷ subjects; score = the rate (no subject: 1).
- stalled_share 项目停滞率: stalled ÷ entries in the library; score = 1 − share (no entry: 1).
"""
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from contracts.reporting import CountyFigures

ONE = Decimal("1.0000")
RATE = Decimal("0.0001")


def rate(part: Decimal | int, whole: Decimal | int) -> Decimal:
    """part ÷ whole to four decimals; 0 when there is no whole."""
    return (Decimal(part) / Decimal(whole)).quantize(RATE) if whole else Decimal("0.0000")


@dataclass(frozen=True)
class Measured:
    """An indicator's value, its score and the sentence explaining it."""

    value: Decimal
    score: Decimal
    explanation: str


def _pct(value: Decimal) -> str:
    return f"{value * 100:.2f}%"


def spend_rate(f: CountyFigures) -> Measured:
    """资金支出进度."""
    return Measured(f.spend_rate, f.spend_rate,
                    f"已支出 {f.spent} 元 ÷ 到位 {f.received} 元 = {_pct(f.spend_rate)}")


def idle_share(f: CountyFigures) -> Measured:
    """闲置资金占比."""
    share = rate(f.idle, f.received)
    return Measured(share, max(ONE - share, Decimal(0)).quantize(ONE),
                    f"闲置 {f.idle} 元 ÷ 到位 {f.received} 元 = {_pct(share)}，得分率 1 − 占比")


def overdue_cases(f: CountyFigures) -> Measured:
    """整改逾期率."""
    share = rate(f.cases_overdue, f.cases_open)
    return Measured(share, ONE - share,
                    f"逾期 {f.cases_overdue} 件 ÷ 未销号 {f.cases_open} 件 = {_pct(share)}，得分率 1 − 逾期率")


def quota_compliance(f: CountyFigures) -> Measured:
    """用工比例达标率."""
    share = rate(f.quota_compliant, f.quota_subjects) if f.quota_subjects else ONE
    return Measured(share, share, f"达标 {f.quota_compliant} 个 ÷ 考核对象 {f.quota_subjects} 个 = {_pct(share)}")


def stalled_share(f: CountyFigures) -> Measured:
    """项目停滞率."""
    share = rate(f.stalled, f.in_library)
    return Measured(share, ONE - share,
                    f"停滞 {f.stalled} 个 ÷ 在库 {f.in_library} 个 = {_pct(share)}，得分率 1 − 停滞率")


INDICATORS: dict[str, Callable[[CountyFigures], Measured]] = {
    "spend_rate": spend_rate, "idle_share": idle_share, "overdue_cases": overdue_cases,
    "quota_compliance": quota_compliance, "stalled_share": stalled_share}
