"""What the month's figures read from each service: a fixed set of calls per month, each answering every county
at once (never one call per entry), parsed into the services' contract models.

Village figures (issue 16): two reads of the projects service for the month's year, `GET /collective/summary`
(villages below the collective-income target) and `GET /roads/coverage` (road gaps), one row per county each.

Collaboration figures (Guangdong money, key tasks): when a collaboration URL is configured, one more read of its
`GET /figures?year=` (`CollaborationCountyFigures` of the month's year) fills `guangdong_delivered` and
`key_tasks_overdue`; without it both stay empty.
"""
import asyncio
from dataclasses import dataclass

from pydantic import TypeAdapter

from contracts.collaboration import CollaborationCountyFigures
from contracts.collective import CollectiveSummary
from contracts.employment import BreachReport
from contracts.funds import IdleSum, ProgressRow
from contracts.inputs import STORED
from contracts.month_figures import CasesMonthRow, ProjectsMonthRow
from contracts.periods import PeriodRead
from contracts.roads import RoadCoverage
from services.kit.months import Month
from services.reporting.sources.client import Calls, Upstreams

_PROJECTS = TypeAdapter(list[ProjectsMonthRow])
_PROGRESS = TypeAdapter(list[ProgressRow])
_IDLE = TypeAdapter(list[IdleSum])
_CASES = TypeAdapter(list[CasesMonthRow])
_COLLABORATION = TypeAdapter(list[CollaborationCountyFigures])
_COLLECTIVE = TypeAdapter(list[CollectiveSummary])
_ROADS = TypeAdapter(list[RoadCoverage])
_PERIODS = TypeAdapter(list[PeriodRead])
# The services that keep closed months (关账), each for the records dated in them.
PERIOD_SOURCES = ("projects", "funds", "employment")


@dataclass(frozen=True)
class MonthReads:
    """Every service's answer for one month, as read."""

    projects: list[ProjectsMonthRow]
    progress: list[ProgressRow]
    idle: list[IdleSum]
    cases: list[CasesMonthRow]
    enterprises: BreachReport
    group_projects: BreachReport
    collective: list[CollectiveSummary]
    roads: list[RoadCoverage]
    collaboration: list[CollaborationCountyFigures] | None = None  # None: the collaboration service is not read
    closed: dict[str, frozenset[str]] | None = None  # service -> the counties whose month it has closed


async def read_month(upstreams: Upstreams, month: Month, calls: Calls) -> MonthReads:
    """Eleven calls in parallel: projects' month figures, spending progress, idle sums, cases, two quota reports,
    the year's collective economy and road coverage, and the closed months of projects, funds and employment; a
    twelfth for the collaboration figures of the year when that
    service is configured."""
    m = str(month)
    collaboration = (upstreams.get("collaboration", "/figures", {"year": month.year}, calls)
                     if upstreams.reads("collaboration") else None)
    answers = await asyncio.gather(
        upstreams.get("projects", "/figures/month", {"month": m}, calls),
        upstreams.get("funds", "/spending-progress", {}, calls),
        upstreams.get("funds", "/idle-funds/sums", {"by": "county_code,idle_class,age_bucket"}, calls),
        upstreams.get("funds", "/rectification-cases/month", {"month": m}, calls),
        upstreams.get("employment", "/quotas/breaches",
                      {"kind": "enterprise", "from": str(month.year), "to": str(month.year)}, calls),
        upstreams.get("employment", "/quotas/breaches", {"kind": "group_project", "from": m, "to": m}, calls),
        upstreams.get("projects", "/collective/summary", {"year": month.year}, calls),
        upstreams.get("projects", "/roads/coverage", {"year": month.year}, calls),
        *(upstreams.get(service, "/periods", {"month": m}, calls) for service in PERIOD_SOURCES),
        *([collaboration] if collaboration else []))
    projects, progress, idle, cases, enterprises, group_projects, collective, roads = answers[:8]
    closed = {service: frozenset(p.county_code for p in _PERIODS.validate_python(answer, context=STORED))
              for service, answer in zip(PERIOD_SOURCES, answers[8:11], strict=True)}
    return MonthReads(_PROJECTS.validate_python(projects, context=STORED),
                      _PROGRESS.validate_python(progress, context=STORED), _IDLE.validate_python(idle, context=STORED),
                      _CASES.validate_python(cases, context=STORED),
                      BreachReport.model_validate(enterprises, context=STORED),
                      BreachReport.model_validate(group_projects, context=STORED),
                      _COLLECTIVE.validate_python(collective, context=STORED),
                      _ROADS.validate_python(roads, context=STORED),
                      _COLLABORATION.validate_python(answers[11], context=STORED) if collaboration else None, closed)
