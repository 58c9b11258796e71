"""Publishing on the funds feed (资金事件): every event in its county, a project's money also to its owner unit."""
from contracts.events import EventPayload
from services.funds.deps import Ctx
from services.funds.projection.repository import ProjectStateRepository
from services.kit.outbox import Scope, publish


async def publish_funds(ctx: Ctx, event: EventPayload, county: str, project_id: int | None = None) -> None:
    """Publish `event` for readers of `county`; when it concerns a project, its owner unit reads it too."""
    org = None
    if project_id is not None:
        state = await ProjectStateRepository(ctx.session).one(project_id)
        org = state.owner_org if state is not None else None
    await publish(ctx.session, event, Scope(county, org))
