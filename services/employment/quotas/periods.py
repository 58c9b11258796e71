"""Quota periods and thresholds: an enterprise's year, a group project's month, and the band each must meet."""
import calendar
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from services.employment.config import Settings
from services.employment.refusals import bad_field
from services.employment.terms import QuotaKind
from services.kit.values import WINDOW

MAX_PERIODS = 24


@dataclass(frozen=True)
class Period:
    """A quota period: a year (enterprises, month 0) or a month (group projects)."""

    year: int
    month: int
    first: date
    last: date


@dataclass(frozen=True)
class Band:
    """The thresholds: at least `low`; above `high` (when given) exceeds."""

    low: Decimal
    high: Decimal | None = None


def parse_period(kind: QuotaKind, text: str) -> Period:
    """A year 'YYYY' for enterprises, a month 'YYYY-MM' for group projects; 422 otherwise."""
    pattern = r"([0-9]{4})" if kind == QuotaKind.ENTERPRISE else r"([0-9]{4})-([0-9]{2})"  # ASCII digits only
    match = re.fullmatch(pattern, text or "")
    year = int(match.group(1)) if match else 0
    month = int(match.group(2)) if match and kind == QuotaKind.GROUP_PROJECT else 0
    if not match or (kind == QuotaKind.GROUP_PROJECT and not 1 <= month <= 12):
        expected = "YYYY（年度）" if kind == QuotaKind.ENTERPRISE else "YYYY-MM（月份）"
        raise bad_field("period", f"期间格式应为 {expected}")
    out_of_window = WINDOW.year_message(year)
    if out_of_window:
        raise bad_field("period", out_of_window)
    if month:
        return Period(year, month, date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))
    return Period(year, 0, date(year, 1, 1), date(year, 12, 31))


def period_text(p: Period) -> str:
    """The period as the API shows it."""
    return f"{p.year}-{p.month:02d}" if p.month else str(p.year)


def _index(kind: QuotaKind, p: Period) -> int:
    """A period's place on its kind's time line: months for group projects, years for enterprises."""
    return p.year * 12 + p.month - 1 if kind == QuotaKind.GROUP_PROJECT else p.year


def periods_between(kind: QuotaKind, first: str, last: str) -> list[Period]:
    """Every period from first to last inclusive, at most MAX_PERIODS."""
    a, b = parse_period(kind, first), parse_period(kind, last)
    start, end = _index(kind, a), _index(kind, b)
    if end < start or end - start >= MAX_PERIODS:
        raise bad_field("to", f"结束期间须不早于开始期间，且最多 {MAX_PERIODS} 期")
    if kind == QuotaKind.ENTERPRISE:
        return [parse_period(kind, str(y)) for y in range(a.year, b.year + 1)]
    return [parse_period(kind, f"{i // 12}-{i % 12 + 1:02d}") for i in range(start, end + 1)]


def band_of(kind: QuotaKind, settings: Settings) -> Band:
    """The configured thresholds of a quota kind."""
    if kind == QuotaKind.ENTERPRISE:
        return Band(settings.enterprise_min)
    return Band(settings.project_min, settings.project_max)
