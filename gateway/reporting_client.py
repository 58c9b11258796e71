"""The gateway's typed client of the reporting service: every route it calls, each answering a contract model."""
from contracts.page import Page
from contracts.reporting import Bulletin, BulletinEdition, Ranking, Reminder
from gateway.upstream import Caller, Endpoint

BULLETIN = Endpoint("GET", "/bulletins/{month}", Bulletin)
PREVIEW = Endpoint("GET", "/bulletins/{month}/preview", Bulletin)
EDITIONS = Endpoint("GET", "/bulletins", Page[BulletinEdition])
ISSUE = Endpoint("POST", "/bulletins/{month}/issue", Bulletin)
RANKING = Endpoint("GET", "/ranking", Ranking)
REMINDERS = Endpoint("GET", "/reminders", list[Reminder])


class ReportingClient(Caller):
    """Calls the reporting service REST API on behalf of one caller."""
