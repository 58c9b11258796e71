"""Drive an entry through its life over REST, as the officials of 融水 would."""
from datetime import timedelta

from services.kit.auth import Role
from services.kit.testing import bearer
from tests.projects.entries import OWNER_ORG, RONGSHUI, entry

OWNER = bearer(Role.PROJECT_OWNER, RONGSHUI, OWNER_ORG, sub="owner-1")
TOWNSHIP = bearer(Role.TOWNSHIP, RONGSHUI, sub="township-1")
DEPARTMENT = bearer(Role.COUNTY_DEPARTMENT, RONGSHUI, sub="department-1")
COUNTY = bearer(Role.COUNTY_OFFICE, RONGSHUI, sub="county-1")
CITY = bearer(Role.CITY_OFFICE, sub="city-1")
FINANCE = bearer(Role.FINANCE, RONGSHUI, sub="finance-1")
INSPECTOR = bearer(Role.INSPECTOR, sub="inspector-1")


class Life:
    """One entry and the last ETag seen, so every change sends If-Match like a real client."""

    def __init__(self, client, app) -> None:
        self.client, self.app = client, app
        self.id: int | None = None
        self.version = 0

    async def submit(self, **overrides) -> dict:
        r = await self.client.post("/projects", json=entry(**overrides), headers=OWNER)
        assert r.status_code == 201, r.text
        self.id, self.version = r.json()["id"], r.json()["version"]
        return r.json()

    async def act(self, path: str, headers: dict, body: dict | None = None, status: int = 200,
                  method: str = "POST", version: int | None = None) -> dict:
        """POST an action with If-Match; assert the status; remember the new version."""
        match = {"If-Match": f'"{self.version if version is None else version}"'}
        r = await self.client.request(method, f"/projects/{self.id}{path}", json=body or {},
                                      headers=headers | match)
        assert r.status_code == status, r.text
        if status == 200:
            assert r.headers["etag"] == f'"{r.json()["version"]}"'
            self.version = r.json()["version"]
        return r.json()

    async def get(self) -> dict:
        return (await self.client.get(f"/projects/{self.id}", headers=CITY)).json()

    async def timeline(self) -> list[dict]:
        return (await self.client.get(f"/projects/{self.id}/timeline", headers=CITY)).json()

    def pass_days(self, days: int) -> None:
        self.app.state.clock.shift += timedelta(days=days)

    async def through_review(self) -> dict:
        for headers in (TOWNSHIP, DEPARTMENT, COUNTY):
            await self.act("/review", headers, {"decision": "approve", "opinion": "同意"})
        return await self.get()

    async def admitted(self, **overrides) -> dict:
        await self.submit(**overrides)
        await self.through_review()
        self.pass_days(7)
        return await self.act("/admit", COUNTY)
