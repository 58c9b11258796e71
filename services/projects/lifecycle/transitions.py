"""The one transition table: (state, action) -> roles allowed and the next state. It drives the whole life."""
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from contracts.enums import ProjectAction
from services.kit.auth import Role
from services.projects.library.models import Project
from services.projects.terms import ProjectStatus as S

# The actions on an entry; events carry them too. ROLLOVER is the plan's, not the table's.
Action = ProjectAction

# Review steps in order, and the role that decides each (入库审批 / 项目论证).
REVIEW_STEPS: dict[S, Role] = {
    S.SUBMITTED: Role.TOWNSHIP,
    S.COUNTY_DEPARTMENTS: Role.COUNTY_DEPARTMENT,
    S.COUNTY_OFFICE: Role.COUNTY_OFFICE,
    S.CITY_OFFICE: Role.CITY_OFFICE,
}
FINAL = frozenset({S.REJECTED, S.CANCELLED, S.CLEARED})
SIGNED_IN_WRITERS = frozenset(Role) - {Role.EXTERNAL}  # external systems only read
OWNER_OR_COUNTY = frozenset({Role.PROJECT_OWNER, Role.COUNTY_OFFICE})
COUNTY = frozenset({Role.COUNTY_OFFICE})


@dataclass(frozen=True)
class Rules:
    """Settings the table consults: entries at or above the threshold also need the city office."""

    city_review_threshold: Decimal


Next = S | None | Callable[[Project, "Rules"], S]  # None: the state does not change


@dataclass(frozen=True)
class Transition:
    """One row of the table."""

    roles: frozenset[Role]
    next: Next


def _after_county_office(project: Project, rules: Rules) -> S:
    return S.CITY_OFFICE if project.total_budget >= rules.city_review_threshold else S.ANNOUNCED


def _back_to_returning_step(project: Project, rules: Rules) -> S:
    # Every return records the step that returned it (review.py); the first step is the fallback for none.
    return project.returned_from or S.SUBMITTED


def _build() -> dict[tuple[S, Action], Transition]:
    table: dict[tuple[S, Action], Transition] = {}
    approve_next: dict[S, Next] = {S.SUBMITTED: S.COUNTY_DEPARTMENTS, S.COUNTY_DEPARTMENTS: S.COUNTY_OFFICE,
                                   S.COUNTY_OFFICE: _after_county_office, S.CITY_OFFICE: S.ANNOUNCED}
    for step, role in REVIEW_STEPS.items():
        roles = frozenset({role})
        table[step, Action.APPROVE] = Transition(roles, approve_next[step])
        table[step, Action.RETURN] = Transition(roles, S.RETURNED)
        table[step, Action.REJECT] = Transition(roles, S.REJECTED)
    owner = frozenset({Role.PROJECT_OWNER})
    table[S.RETURNED, Action.EDIT] = Transition(owner, None)
    table[S.RETURNED, Action.RESUBMIT] = Transition(owner, _back_to_returning_step)
    table[S.ANNOUNCED, Action.OBJECT] = Transition(SIGNED_IN_WRITERS, None)
    table[S.ANNOUNCED, Action.RESOLVE_OBJECTION] = Transition(COUNTY, None)  # upheld -> REJECTED, see service
    table[S.ANNOUNCED, Action.ADMIT] = Transition(COUNTY, S.ADMITTED)
    table[S.ADMITTED, Action.SCHEDULE] = Transition(COUNTY, S.PLANNED)
    table[S.PLANNED, Action.UNSCHEDULE] = Transition(COUNTY, S.ADMITTED)
    table[S.PLANNED, Action.START] = Transition(OWNER_OR_COUNTY, S.STARTED)
    table[S.STARTED, Action.REPORT_PROGRESS] = Transition(OWNER_OR_COUNTY, None)
    table[S.STARTED, Action.COMPLETE] = Transition(OWNER_OR_COUNTY, S.COMPLETED)
    table[S.COMPLETED, Action.ACCEPT] = Transition(COUNTY, S.ACCEPTED)  # a failed acceptance stays COMPLETED
    table[S.ACCEPTED, Action.SETTLE] = Transition(frozenset({Role.COUNTY_OFFICE, Role.FINANCE}), S.SETTLED)
    for state in (S.ADMITTED, S.PLANNED, S.STARTED):
        table[state, Action.CANCEL] = Transition(COUNTY, S.CANCELLED)
    for state in (*REVIEW_STEPS, S.RETURNED, S.ANNOUNCED, S.ADMITTED, S.PLANNED, S.STARTED):
        table[state, Action.CLEAR] = Transition(COUNTY, S.CLEARED)
    return table


TRANSITIONS = _build()


def allowed_actions(state: S) -> dict[str, list[str]]:
    """The actions allowed from a state, each with the roles that may take it."""
    return {str(action): sorted(str(r) for r in t.roles) for (s, action), t in TRANSITIONS.items() if s == state}


def next_state(t: Transition, project: Project, rules: Rules) -> S:
    """Where the entry goes when the transition is taken."""
    if t.next is None:
        return project.status
    return t.next(project, rules) if callable(t.next) else t.next
