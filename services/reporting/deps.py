"""The contexts reporting endpoints take: any signed-in reader, and the city office that issues bulletins."""
from services.kit.auth import READ_ROLES, Role
from services.kit.context import RequestContext, context
from services.reporting.config import Settings

# What the reporting services take: one request's context with the reporting settings.
Ctx = RequestContext[Settings]

# Any signed-in role; county roles see their county's rows only.
Reader = context(*READ_ROLES)
# Only the city office (市扶贫办) issues a bulletin (and admin).
CityOffice = context(Role.CITY_OFFICE)
# Reads that call other services: an autocommit session, so no transaction stays open during those calls.
ReadOnly = context(*READ_ROLES, read_only=True)
