"""A month's figures per county (月度通报数据): the services' answers folded into one row for each of the ten
counties, in code order; a county a service says nothing about has zeros there, never a gap."""
from collections import defaultdict
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from contracts.collaboration import CollaborationCountyFigures
from contracts.employment import BreachReport
from contracts.month_figures import Count
from contracts.reporting import Amount, CountyFigures
from services.kit.counties import COUNTIES
from services.reporting.scoring.indicators import rate
from services.reporting.sources.reads import MonthReads
from services.reporting.terms import AGE_LABELS, IDLE_CLASS_LABELS, IN_LIBRARY

ZERO = Decimal("0.00")
def _quota(report: BreachReport) -> dict[str, tuple[int, int, int]]:
    """county → (subjects, breaches, not reported) of the report's one period."""
    return {line.key: (p.subjects, p.breaches, p.not_reported) for line in report.lines for p in line.periods[-1:]}


def _amounts(sums: Mapping[str, Decimal], labels: Mapping[Any, str]) -> list[Amount]:
    return [Amount(key=str(key), label=label, amount=sums.get(str(key), ZERO)) for key, label in labels.items()]


def _collaboration(row: CollaborationCountyFigures | None, read: bool) -> dict[str, Any]:
    """Guangdong money arrived and key tasks overdue of a county: empty when the service is not read, zero when
    it says nothing about the county."""
    if not read:
        return {}
    return {"guangdong_delivered": row.guangdong_arrived if row else ZERO,
            "key_tasks_overdue": row.key_tasks_overdue if row else 0}


def _closed(closed: Mapping[str, frozenset[str]] | None, county: str) -> dict[str, Any]:
    """Whether each source had closed the county's month (读取已关账月份); figures of an open month are provisional."""
    if closed is None:
        return {}
    flags = {"progress_closed": county in closed["projects"], "spending_closed": county in closed["funds"],
             "placements_closed": county in closed["employment"]}
    return flags | {"provisional": not all(flags.values())}


def county_rows(reads: MonthReads) -> list[CountyFigures]:
    """One CountyFigures per county of Liuzhou, from what each service answered for the month."""
    projects = {row.county_code: row for row in reads.projects}
    cases = {row.county_code: row for row in reads.cases}
    money: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    for row in reads.progress:
        for name in ("received", "allocated", "spent", "idle"):
            money[row.county_code][name] += getattr(row, name)
    idle_class: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    idle_age: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    for s in reads.idle:
        if s.county_code is not None:
            idle_class[s.county_code][s.idle_class or ""] += s.amount
            idle_age[s.county_code][s.age_bucket or ""] += s.amount
    enterprises, group_projects = _quota(reads.enterprises), _quota(reads.group_projects)
    collaboration = {row.county_code: row for row in reads.collaboration or []}
    below_target = {row.county_code: row.below for row in reads.collective}
    road_gaps = {row.county_code: row.gaps for row in reads.roads}
    rows = []
    for code, name in COUNTIES.items():
        p, c, m = projects.get(code), cases.get(code), money[code]
        by_status = p.by_status if p else []
        subjects, breach, unreported = (a + b for a, b in zip(enterprises.get(code, (0, 0, 0)),
                                                             group_projects.get(code, (0, 0, 0)), strict=True))
        rows.append(CountyFigures(
            county_code=code, county_name=name, entries=sum(s.count for s in by_status),
            entries_by_status=[Count(key=s.key, label=s.label, count=s.count) for s in by_status],
            in_library=sum(s.count for s in by_status if s.key in IN_LIBRARY),
            admitted_in_month=p.admitted_in_month if p else 0, started_in_month=p.started_in_month if p else 0,
            stalled=p.stalled if p else 0, received=m["received"], allocated=m["allocated"], spent=m["spent"],
            spend_rate=rate(m["spent"], m["received"]), idle=m["idle"],
            idle_by_class=_amounts(idle_class[code], IDLE_CLASS_LABELS),
            idle_by_age=_amounts(idle_age[code], AGE_LABELS),
            cases_open=c.open if c else 0, cases_overdue=c.overdue if c else 0,
            cases_closed_in_month=c.closed_in_month if c else 0, quota_subjects=subjects, quota_breach=breach,
            quota_not_reported=unreported, quota_compliant=subjects - breach - unreported,
            collective_below_target=below_target.get(code, 0), road_gaps=road_gaps.get(code, 0),
            **_collaboration(collaboration.get(code), reads.collaboration is not None), **_closed(reads.closed, code)))
    return rows
