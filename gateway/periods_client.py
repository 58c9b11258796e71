"""The routes of closed reporting months (关账) that projects, funds and employment each answer alike."""
from contracts.periods import PeriodRead
from gateway.upstream import Endpoint

PERIODS = Endpoint("GET", "/periods", list[PeriodRead])
CLOSE_PERIOD = Endpoint("PUT", "/periods/{county_code}/{month}", PeriodRead)
