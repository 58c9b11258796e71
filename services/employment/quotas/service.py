"""Quota compliance (用工比例): each subject's status for a period, breach trends, the ledger and the gauges."""
from decimal import Decimal
from typing import Any

from contracts.employment import BreachLine, BreachReport, Compliance, PeriodBreaches
from services.employment.config import Context
from services.employment.quotas.periods import Band, Period, band_of, parse_period, period_text, periods_between
from services.employment.quotas.repository import QuotaRepository
from services.employment.terms import STATUS_LABELS, QuotaKind, QuotaStatus
from services.kit.counties import COUNTIES
from services.kit.pagination import Page, page_of

_FOUR_PLACES = Decimal("0.0001")
EXPORT_LIMIT = 50_000


def compliance_of(kind: QuotaKind, period: Period, band: Band, row: Any) -> Compliance:
    """The response shape of one aggregate row; no ratio when nothing was reported."""
    ratio = (Decimal(row.placed) / Decimal(row.total)).quantize(_FOUR_PLACES) if row.total else None
    return Compliance(kind=kind, period=period_text(period), subject_id=row.subject_id, name=row.name,
                      county_code=row.county_code, group_id=row.group_id, group_name=row.group_name,
                      placed=row.placed, total=row.total, ratio=ratio, status=QuotaStatus(row.status),
                      status_label=STATUS_LABELS[row.status], band_low=band.low, band_high=band.high)


async def compliance_page(ctx: Context, kind: QuotaKind, period: str, county: str | None, subject_id: int | None,
                          group_id: int | None, status: QuotaStatus | None, after: int | None,
                          limit: int) -> Page[Compliance]:
    """Each enterprise's year or each group project's month: placed, reported total, ratio and status."""
    p, band = parse_period(kind, period), band_of(kind, ctx.settings)
    repo = QuotaRepository(ctx.session)
    query = repo.compliance(kind, p, band, ctx.principal, county, subject_id, group_id)
    rows = await repo.page(query, status, after, limit)
    return page_of(rows, limit, lambda r: compliance_of(kind, p, band, r), key=lambda r: int(r.subject_id))


async def quota_ledger(ctx: Context, kind: QuotaKind, period: str, county: str | None) -> list[Compliance]:
    """Every subject of the period in the caller's scope (at most EXPORT_LIMIT), for the Excel ledger."""
    p, band = parse_period(kind, period), band_of(kind, ctx.settings)
    repo = QuotaRepository(ctx.session)
    rows = await repo.page(repo.compliance(kind, p, band, ctx.principal, county), None, None, EXPORT_LIMIT)
    return [compliance_of(kind, p, band, r) for r in rows[:EXPORT_LIMIT]]


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


async def breach_report(ctx: Context, kind: QuotaKind, period_from: str, period_to: str, by: str) -> BreachReport:
    """Per county (or per group, for group projects) and period: subjects, breaches and not-reported."""
    if by == "group" and kind != QuotaKind.GROUP_PROJECT:
        by = "county"  # enterprises belong to no group
    band, repo = band_of(kind, ctx.settings), QuotaRepository(ctx.session)
    by_period = []
    for p in periods_between(kind, period_from, period_to):
        by_period.append((p, await repo.breaches_by(repo.compliance(kind, p, band, ctx.principal), by)))
    return BreachReport(kind=kind, by=by, lines=trend_lines(by_period, by))


async def status_counts(ctx: Context) -> dict[QuotaKind, dict[str, int]]:
    """Subjects by status for the current period of each kind: this year (enterprises), this month (projects)."""
    today = ctx.clock.today()
    periods = {QuotaKind.ENTERPRISE: str(today.year), QuotaKind.GROUP_PROJECT: f"{today:%Y-%m}"}
    repo, counts = QuotaRepository(ctx.session), {}
    for kind, text in periods.items():
        query = repo.compliance(kind, parse_period(kind, text), band_of(kind, ctx.settings), ctx.principal)
        counts[kind] = await repo.count_by_status(query)
    return counts
