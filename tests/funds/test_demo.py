"""The demo funds `make run` loads through the API: money, disclosure and a case per idle item, loaded once."""
from collections import Counter
from decimal import Decimal

from services.funds.demo import load
from services.kit.counties import COUNTIES
from services.kit.settings import ServiceSettings
from services.projects.demo import load_demo
from tests.feed import walk
from tests.funds.helpers import INSPECTOR


async def test_demo_funds_load_once_with_cases_for_every_idle_item(funds, projects, projects_db):
    await load_demo(projects_db)
    secret = ServiceSettings().jwt_secret
    first = await load(funds, projects, secret)
    assert first.yuan > 0 and first.announcements == first.evaluations == len(COUNTIES)
    idle = (await funds.get("/idle-funds/sums?by=county_code", headers=INSPECTOR)).json()
    assert sum(s["items"] for s in idle) == first.cases > 0  # every idle item has its case
    again = await load(funds, projects, secret)
    assert (again.yuan, again.announcements, again.evaluations, again.cases) == (Decimal(0), 0, 0, 0)
    progress = (await funds.get("/spending-progress", headers=INSPECTOR)).json()
    assert sum(Decimal(r["allocated"]) for r in progress) == first.yuan
    assert sum(Decimal(r["spent"]) for r in progress) > 0


async def test_demo_funds_are_on_the_feed_and_agree_with_the_ledger(funds, projects, projects_db):
    await load_demo(projects_db)
    first = await load(funds, projects, ServiceSettings().jwt_secret)
    events = await walk(funds, INSPECTOR)
    kinds = Counter(e["type"] for e in events)
    assert kinds["funds.batch_received"] == kinds["funds.announced"] == kinds["funds.evaluated"] == len(COUNTIES)
    assert kinds["funds.case_opened"] == first.cases and kinds["funds.spent"] > 0
    assert sum(Decimal(e["payload"]["amount"]) for e in events if e["type"] == "funds.allocated") == first.yuan
    progress = (await funds.get("/spending-progress", headers=INSPECTOR)).json()
    assert sum(Decimal(e["payload"]["amount"]) for e in events if e["type"] == "funds.spent") == \
        sum(Decimal(r["spent"]) for r in progress)
    await load(funds, projects, ServiceSettings().jwt_secret)
    assert await walk(funds, INSPECTOR) == events  # a second run replays: nothing new on the feed
