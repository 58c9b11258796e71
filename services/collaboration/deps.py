"""The contexts collaboration endpoints take, by who may call them (粤桂协作办、市扶贫办、县区扶贫办、财政局)."""
from services.kit.auth import READ_ROLES, Role
from services.kit.context import context

# Everyone signed in reads within their scope (county roles their county and the city-level pairing).
Reader = context(*READ_ROLES)
# The city office and the collaboration office (粤桂协作办) keep pairings, agreements and key tasks.
Editor = context(Role.CITY_OFFICE, Role.COLLABORATION_OFFICE)
# County offices report progress on their county's tasks; the city-level offices on any.
Reporter = context(Role.CITY_OFFICE, Role.COLLABORATION_OFFICE, Role.COUNTY_OFFICE)
# The fund-use plan (资金使用计划) is drawn up by the offices with the county's finance bureau.
Planner = context(Role.CITY_OFFICE, Role.COLLABORATION_OFFICE, Role.COUNTY_OFFICE, Role.FINANCE)
