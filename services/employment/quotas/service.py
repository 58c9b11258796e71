"""Quota compliance (用工比例): periods, thresholds, and breach trends per county or group."""
import calendar
import re
from datetime import date
from decimal import Decimal

from contracts.employment import BreachLine, Compliance, PeriodBreaches
from services.employment.common import bad_field
from services.employment.config import Settings
from services.employment.quotas.repository import Band, Period
from services.employment.states import STATUS_LABELS, QuotaKind, QuotaStatus
from services.kit.counties import COUNTIES
from services.kit.values import WINDOW

MAX_PERIODS = 24
_FOUR_PLACES = Decimal("0.0001")


def parse_period(kind: QuotaKind, text: str) -> Period:
    """A year 'YYYY' for enterprises, a month 'YYYY-MM' for group projects; 422 otherwise."""
    pattern = r"([0-9]{4})" if kind == QuotaKind.ENTERPRISE else r"([0-9]{4})-([0-9]{2})"  # ASCII digits only
    match = re.fullmatch(pattern, text or "")
    year = int(match.group(1)) if match else 0
    month = int(match.group(2)) if match and kind == QuotaKind.GROUP_PROJECT else 0
    if not match or (kind == QuotaKind.GROUP_PROJECT and not 1 <= month <= 12):
        expected = "YYYY（年度）" if kind == QuotaKind.ENTERPRISE else "YYYY-MM（月份）"
        raise bad_field("period", f"期间格式应为 {expected}")
    if WINDOW.year_message(year):
        raise bad_field("period", WINDOW.year_message(year))
    if month:
        return Period(year, month, date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))
    return Period(year, 0, date(year, 1, 1), date(year, 12, 31))


def period_text(p: Period) -> str:
    """The period as the API shows it."""
    return f"{p.year}-{p.month:02d}" if p.month else str(p.year)


def periods_between(kind: QuotaKind, first: str, last: str) -> list[Period]:
    """Every period from first to last inclusive, at most MAX_PERIODS."""
    a, b = parse_period(kind, first), parse_period(kind, last)
    index = (lambda p: p.year * 12 + p.month - 1) if kind == QuotaKind.GROUP_PROJECT else (lambda p: p.year)
    if index(b) < index(a) or index(b) - index(a) >= MAX_PERIODS:
        raise bad_field("to", f"结束期间须不早于开始期间，且最多 {MAX_PERIODS} 期")
    if kind == QuotaKind.ENTERPRISE:
        return [parse_period(kind, str(y)) for y in range(a.year, b.year + 1)]
    return [parse_period(kind, f"{i // 12}-{i % 12 + 1:02d}") for i in range(index(a), index(b) + 1)]


def band_of(kind: QuotaKind, settings: Settings) -> Band:
    """The configured thresholds of a quota kind."""
    if kind == QuotaKind.ENTERPRISE:
        return Band(settings.enterprise_min)
    return Band(settings.project_min, settings.project_max)


def compliance_of(kind: QuotaKind, period: Period, band: Band, row) -> Compliance:
    """The response shape of one aggregate row; no ratio when nothing was reported."""
    ratio = (Decimal(row.placed) / Decimal(row.total)).quantize(_FOUR_PLACES) if row.total else None
    return Compliance(kind=kind, period=period_text(period), subject_id=row.subject_id, name=row.name,
                      county_code=row.county_code, group_id=row.group_id, group_name=row.group_name,
                      placed=row.placed, total=row.total, ratio=ratio, status=QuotaStatus(row.status),
                      status_label=STATUS_LABELS[row.status], band_low=band.low, band_high=band.high)


def trend_lines(by_period: list[tuple[Period, list[tuple[str, int, int, int]]]], by: str) -> list[BreachLine]:
    """Regroup per-period aggregates into one line per county or group with its trend."""
    lines: dict[str, list[PeriodBreaches]] = {}
    for period, rows in by_period:
        for key, subjects, breaches, unreported in rows:
            lines.setdefault(key, []).append(PeriodBreaches(period=period_text(period), subjects=subjects,
                                                            breaches=breaches, not_reported=unreported))
    result = []
    for key, periods in sorted(lines.items(), key=lambda kv: str(kv[0])):
        last, prev = periods[-1].breaches, periods[-2].breaches if len(periods) > 1 else periods[-1].breaches
        trend = "rising" if last > prev else "falling" if last < prev else "flat"
        label = COUNTIES.get(key, key) if by == "county" else key
        result.append(BreachLine(key=str(key), label=str(label), periods=periods, trend=trend))
    return result
