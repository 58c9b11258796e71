"""The contexts projects endpoints take, by who may call them; services receive the context as `Ctx`."""
from services.kit.auth import COUNTY_FIGURE_ROLES, READ_ROLES, Principal, Role
from services.kit.context import RequestContext, context
from services.projects.config import Settings

# The request context as the projects services see it: session, caller, clock and the service's settings.
Ctx = RequestContext[Settings]

# Any signed-in caller, rows filtered to its scope; the transition table decides which role may take which action.
Actor = context(*READ_ROLES)
# The same callers for a read of one statement: an autocommit session (no BEGIN/COMMIT round trips).
Reader = context(*READ_ROLES, read_only=True)
# Project units (项目单位) submit entries.
Owner = context(Role.PROJECT_OWNER)
# The county poverty-alleviation office (县扶贫办) keeps the annual plans and brings in existing projects.
CountyOffice = context(Role.COUNTY_OFFICE)
# Ledgers are uploaded by project units (new entries) and county offices (existing projects).
LedgerUploader = context(Role.PROJECT_OWNER, Role.COUNTY_OFFICE)
# County and city readers of per-county figures (the reporting service's monthly sources), one statement each.
CountyFigureReader = context(*COUNTY_FIGURE_ROLES, read_only=True)
# What the /metrics gauges read as: the city office, every county.
CITYWIDE = Principal(sub="system:gauges", role=Role.CITY_OFFICE)
# County offices keep their county's village registry (村屯名录); the city office keeps every county's.
RegistryKeeper = context(Role.COUNTY_OFFICE, Role.CITY_OFFICE)
