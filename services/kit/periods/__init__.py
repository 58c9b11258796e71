"""Reporting periods that close (关账): a county's month closed for reporting, the guard every dated write calls,
and the corrections made to a closed month afterwards (关账后更正).

Projects (progress), funds (spending) and employment (placements) each keep their closed months in their own
database. A write dated in a closed month is refused (409 `period.closed`) unless it is a correction: the same
write with a `correction_reason`, by a city-level caller (no county in the token) whose role is in the service's
`PERIOD_CORRECTORS` — the county closed it, the city corrects. A correction is audited with its reason and listed
under its month (`GET /periods/{county}/{month}`) as well as in the record's own history where it has one.
"""
