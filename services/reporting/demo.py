"""Demo bulletin: the city office issues last month's bulletin through the API, once (a second run finds it issued
and leaves it), so the reporting feed, the change of rank and the dashboard have something to show after
`make run`."""
import asyncio
import sys

import httpx

from services.kit.auth import Role, mint_token
from services.kit.clock import Clock
from services.kit.months import Month
from services.reporting.config import Settings


async def issue_last_month(client: httpx.AsyncClient, secret: str, clock: Clock) -> str:
    """Issue last month's bulletin unless it is issued already; what happened, in a line."""
    month = Month.of(clock.today()).shifted(-1)
    headers = {"Authorization": f"Bearer {mint_token(secret, 'demo-city_office', Role.CITY_OFFICE)}"}
    if (await client.get(f"/bulletins/{month}", headers=headers)).status_code == 200:
        return f"reporting: the {month} bulletin was issued before"
    r = await client.post(f"/bulletins/{month}/issue", json={}, headers=headers)
    r.raise_for_status()
    return f"reporting: issued the {month} bulletin, edition {r.json()['edition']}"


async def main(url: str) -> None:
    """Issue the demo bulletin on the reporting service at `url`."""
    settings = Settings()
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        print(await issue_last_month(client, settings.jwt_secret, Clock(settings.clock_offset_file)))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8005"))
