"""The yearly scorecard (东西部扶贫协作成效考核): one row per county from grouped SQL statements over this
service's own tables (money kept from the funds feed) and one read of the employment service's labour figures."""
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from contracts.collaboration import (
    CollaborationCountyFigures,
    LabourFigures,
    PairingLevel,
    ScorecardRow,
    TalentKind,
)
from services.collaboration.agreements.repository import AgreementRepository
from services.collaboration.cooperation.repository import EnterpriseRepository, TalentRepository
from services.collaboration.money.repository import GuangdongMoney
from services.collaboration.money.schemas import rate
from services.collaboration.pairings.repository import PairingRepository
from services.collaboration.tasks.repository import KeyTaskRepository
from services.collaboration.terms import money
from services.kit.context import RequestContext
from services.kit.counties import COUNTIES

CENT = Decimal("0.01")
ZERO = money(None)


class _Sums:
    """Every figure of one year per county, each from one grouped statement in the caller's scope."""

    async def load(self, ctx: RequestContext[Any], year: int) -> "_Sums":
        p, session, today = ctx.principal, ctx.session, ctx.clock.today()
        county = p.county
        money_of = GuangdongMoney(session)
        self.committed = await AgreementRepository(session).committed(p, year, county)
        self.arrived = await money_of.arrived(year, county)
        self.moved = await money_of.moved(year, county)
        self.tasks = {c: (n, int(d or 0), int(o or 0))
                      for c, _, _, n, d, o in await KeyTaskRepository(session).completion(p, today, year, False)}
        self.enterprises = await EnterpriseRepository(session).sums(p, year)
        self.spans = await TalentRepository(session).spans(p, year)
        self.kinds = await TalentRepository(session).people(p, year)
        self.paired = await PairingRepository(session).below_county(p)
        return self

    def figures(self, county: str) -> tuple[Decimal, Decimal, Decimal]:
        """(committed, arrived, spent) of a county."""
        return (self.committed.get(county, ZERO), self.arrived.get(county, (ZERO, None))[0],
                self.moved.get(county, (ZERO, ZERO, None))[1])


def _counties(ctx: RequestContext[Any]) -> list[str]:
    return [c for c in COUNTIES if ctx.principal.sees_county(c)]


async def county_figures(ctx: RequestContext[Any], year: int) -> list[CollaborationCountyFigures]:
    """Each county's money and key tasks of the year (for bulletins), without any upstream call."""
    sums = await _Sums().load(ctx, year)
    rows = []
    for county in _counties(ctx):
        committed, arrived, spent = sums.figures(county)
        total, done, overdue = sums.tasks.get(county, (0, 0, 0))
        rows.append(CollaborationCountyFigures(
            county_code=county, guangdong_committed=committed, guangdong_arrived=arrived, guangdong_spent=spent,
            key_tasks_total=total, key_tasks_done=done, key_tasks_overdue=overdue))
    return rows


def _share(value: Decimal, best: Decimal) -> Decimal:
    return min(Decimal(1), value / best) if best else Decimal(0)


def _records(county: str, year: int) -> dict[str, str]:
    """Where each figure's records are (this service's REST paths; labour is the employment service's)."""
    q = f"county={county}&year={year}"
    return {"funds": f"/funds?{q}", "plan_lines": f"/plan-lines?{q}", "key_tasks": f"/key-tasks?{q}",
            "overdue_tasks": f"/key-tasks?{q}&overdue=true", "enterprises": f"/enterprises?{q}",
            "talent": f"/talent-exchanges?{q}", "pairings": f"/pairings?county={county}",
            "collaboration_projects": f"/collaboration-projects?county={county}",
            "labour": f"employment:/labour-figures?year={year}"}


async def scorecard(ctx: RequestContext[Any], year: int, labour: dict[str, LabourFigures] | None
                    ) -> list[ScorecardRow]:
    """One row per county in the caller's scope, scored with the weights in settings."""
    sums = await _Sums().load(ctx, year)
    counties = _counties(ctx)
    days: Counter[str] = Counter()
    for county, first, last in sums.spans:
        days[county] += (last - first).days + 1
    labour_total = {c: (f.total if labour and (f := labour.get(c)) else 0) for c in counties}
    best = {"talent": Decimal(max((days[c] for c in counties), default=0)),
            "industry": max((sums.enterprises.get(c, (0, ZERO, 0))[1] for c in counties), default=ZERO),
            "labour": Decimal(max(labour_total.values(), default=0))}
    weights = ctx.settings.scorecard_weights
    rows = []
    for county in counties:
        committed, arrived, spent = sums.figures(county)
        total, done, overdue = sums.tasks.get(county, (0, 0, 0))
        count, investment, driven = sums.enterprises.get(county, (0, ZERO, 0))
        achieved = {"funds_arrived": min(Decimal(1), rate(arrived, committed)), "funds_spent": rate(spent, arrived),
                    "key_tasks": rate(Decimal(done), Decimal(total)),
                    "talent": _share(Decimal(days[county]), best["talent"]),
                    "industry": _share(investment, best["industry"]),
                    "labour": _share(Decimal(labour_total[county]), best["labour"])}
        scores = {k: (Decimal(weights.get(k, 0)) * v).quantize(CENT, ROUND_HALF_UP) for k, v in achieved.items()}
        figures = labour.get(county) if labour else None
        paired = sums.paired
        rows.append(ScorecardRow(
            county_code=county, county_name=COUNTIES[county], year=year, committed=committed, arrived=arrived,
            spent=spent, arrival_rate=rate(arrived, committed), spend_rate=rate(spent, arrived),
            cadres=sums.kinds.get((county, TalentKind.CADRE), 0),
            technicians=sums.kinds.get((county, TalentKind.TECHNICIAN), 0),
            person_days=days[county], enterprises=count, investment=investment, poor_people_driven=driven,
            labour_available=labour is not None,
            labour_guangdong=figures.guangdong if figures else (0 if labour is not None else None),
            labour_in_county=figures.in_county if figures else (0 if labour is not None else None),
            labour_elsewhere=figures.elsewhere if figures else (0 if labour is not None else None),
            townships_paired=paired.get((county, PairingLevel.TOWNSHIP), 0),
            villages_paired=paired.get((county, PairingLevel.VILLAGE_ENTERPRISE), 0),
            tasks_total=total, tasks_done=done, tasks_overdue=overdue,
            task_completion_rate=rate(Decimal(done), Decimal(total)), indicator_scores=scores,
            score=sum(scores.values(), Decimal("0.00")), records=_records(county, year)))
    return rows
