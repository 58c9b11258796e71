"""The clear-out sweep (清理出库): which entries break an eligibility rule or are stalled, and which rule.

The same rules as SQL, for listing candidates, are in clearout/repository.py.
"""
import calendar
from dataclasses import dataclass
from datetime import date

from services.projects.library.models import Project
from services.projects.lifecycle.transitions import TRANSITIONS, Action
from services.projects.terms import ProjectStatus as S

CLEARABLE = tuple(sorted({state for (state, action) in TRANSITIONS if action == Action.CLEAR}))
NOT_STARTED = (S.ADMITTED, S.PLANNED)
RULE_MESSAGES = {
    "no_fiscal_funds": "不使用财政扶贫资金",
    "not_poverty_related": "与脱贫攻坚无关（无受益贫困人口或贫困村）",
    "no_performance_target": "无绩效目标",
    "stalled_not_started": "入库后逾期未开工",
    "stalled_no_progress": "开工后长期未报告进度",
}


def months_before(day: date, months: int) -> date:
    """The same day-of-month `months` earlier (clamped to the month's end)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


@dataclass(frozen=True)
class Cutoffs:
    """An entry planned to start in a year up to `last_stalled_start_year` and not started is stalled;
    a started one whose last report (or start) is on or before `last_quiet_day` is stalled."""

    last_stalled_start_year: int
    last_quiet_day: date

    @classmethod
    def at(cls, today: date, months: int) -> "Cutoffs":
        """The cutoffs on a day, for entries quiet for `months` months."""
        limit = months_before(today, months)
        return cls(limit.year, limit)


def rules_broken(project: Project, c: Cutoffs) -> list[str]:
    """The rules one candidate breaks, in a stable order."""
    rules = [r for r in project.breach_rules.split(",") if r]
    if project.status in NOT_STARTED and project.planned_start_year <= c.last_stalled_start_year:
        rules.append("stalled_not_started")
    last = project.last_progress_on or project.started_on
    if project.status == S.STARTED and last is not None and last <= c.last_quiet_day:
        rules.append("stalled_no_progress")
    return rules
