"""The demo bulletin: issued once, left alone on a second run."""
import httpx

from services.kit.settings import ServiceSettings
from services.reporting.demo import issue_last_month
from tests.reporting.conftest import Stack
from tests.reporting.data import seed


async def test_the_demo_issues_last_months_bulletin_once(stack: Stack):
    await seed(stack)
    transport = httpx.ASGITransport(app=stack.reporting_app)
    secret, clock = ServiceSettings().jwt_secret, stack.reporting_app.state.clock
    async with httpx.AsyncClient(transport=transport, base_url="http://reporting") as client:
        first = await issue_last_month(client, secret, clock)
        again = await issue_last_month(client, secret, clock)
    assert "edition 1" in first and "issued before" in again
