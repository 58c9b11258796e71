"""The request contexts of funds endpoints, on the kit's one `RequestContext`: who may call, and what services get."""
from typing import Any, cast

from services.funds.config import Settings
from services.funds.projection.client import ProjectsService
from services.kit.auth import COUNTY_FIGURE_ROLES, READ_ROLES, Role
from services.kit.context import RequestContext, context

# What every funds service function receives: session (one transaction), caller, clock, settings, app state.
Ctx = RequestContext[Settings]

# Any signed-in reader, rows filtered to its county.
Reader = context(*READ_ROLES)
# Only finance (and admin) move money (财政部门).
Finance = context(Role.FINANCE)
# Finance and inspectors open rectification cases for their findings (督查、审计发现的问题).
CaseOpener = context(Role.FINANCE, Role.INSPECTOR)
# County and city readers of per-county figures (the reporting service's monthly sources), one statement each.
CountyFigureReader = context(*COUNTY_FIGURE_ROLES, read_only=True)


def projects_of(ctx: RequestContext[Any]) -> ProjectsService:
    """The projects service client the app set up in its lifespan (项目库服务)."""
    return cast(ProjectsService, ctx.state.projects)
