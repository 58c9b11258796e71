"""The idle-fund sweep on a schedule (每笔闲置资金都要有整改措施): a kit job run by one replica only."""
from fastapi import FastAPI

from services.funds.rectification import service
from services.kit.auth import Principal, Role
from services.kit.context import RequestContext
from services.kit.leader import Job

# The schedule acts as the city finance bureau: every county, audited under a name no person has.
SWEEPER = Principal(sub="system:idle-sweep", role=Role.FINANCE)


async def sweep_round(app: FastAPI) -> int:
    """Open a case for every idle item that has none, in one transaction; how many were opened."""
    async with app.state.sessionmaker() as session, session.begin():
        state = app.state
        return len(await service.sweep(RequestContext(session, SWEEPER, state.clock, state.settings, state)))


def sweep_job(seconds: float) -> Job:
    """The sweep every `seconds` on the replica holding its lease (0 = only when finance asks for it)."""
    return Job("funds.idle_sweep", seconds, sweep_round)
