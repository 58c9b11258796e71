"""The reminder rules on hand-made answers: projects in breach months running, counties at the bottom."""
from decimal import Decimal

from contracts.employment import Compliance
from contracts.enums import QuotaKind, QuotaStatus
from services.kit.months import Month
from services.reporting.reminders.rules import bottom_running, breach_running
from services.reporting.scoring.score import rank
from tests.reporting.test_score import figures

MARCH, APRIL, MAY = Month(2026, 3), Month(2026, 4), Month(2026, 5)


def breach(subject: int, period: Month, placed: int, total: int) -> Compliance:
    """A group construction project in breach of the 5% band in one month."""
    return Compliance(kind=QuotaKind.GROUP_PROJECT, period=str(period), subject_id=subject, name=f"在建项目{subject}",
                      county_code="450225", group_id=9, group_name="柳钢集团", placed=placed, total=total,
                      ratio=Decimal(placed) / total, status=QuotaStatus.BREACH, status_label="未达标",
                      band_low=Decimal("0.05"), band_high=Decimal("0.10"))


def test_a_project_in_breach_every_month_is_named_with_each_months_ratio():
    months = [(MARCH, [breach(1, MARCH, 2, 100), breach(2, MARCH, 1, 100)]),
              (APRIL, [breach(1, APRIL, 3, 100)]),  # project 2 complied in April
              (MAY, [breach(1, MAY, 4, 100), breach(2, MAY, 1, 100)])]
    [due] = breach_running(months)
    assert (due.rule, due.unit, due.subject_id, due.county_name) == \
        ("quota_breach_running", "柳钢集团·在建项目1", 1, "融水苗族自治县")
    assert "连续 3 个月" in due.evidence and "2026-04 安置 3 人 ÷ 用工 100 人 = 3.00%（下限 5%）" in due.evidence


def test_a_county_at_the_bottom_both_months_is_named_and_one_at_the_bottom_once_is_not():
    weights = {"spend_rate": Decimal(1)}
    april = rank([figures("450202", spent="90"), figures("450203", spent="10"), figures("450204", spent="5")],
                 weights, 2)
    may = rank([figures("450202", spent="90"), figures("450203", spent="10"), figures("450204", spent="5")],
               weights, 1)
    [due] = bottom_running([(APRIL, april), (MAY, may)])  # 450203 was at the bottom in April only
    assert (due.rule, due.county_code, due.unit) == ("county_at_bottom", "450204", "柳南区")
    assert "2026-04 第 3 名" in due.evidence and "2026-05 第 3 名" in due.evidence
