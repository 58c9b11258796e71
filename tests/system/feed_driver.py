"""A stream of changes through the running services and gateway, in the granted county and in another one: entries,
progress reports, money movements (allocate, spend, reverse, recover, reallocate), labourers and placements."""
import uuid
from dataclasses import dataclass, field

import httpx

from devtools.stack import Stack
from services.kit.auth import Role
from services.kit.clock import Clock
from tests.employment.data import new_id
from tests.funds.helpers import project_row
from tests.gateway.graphql import SUBMIT, as_input
from tests.places import first_village
from tests.projects.entries import entry
from tests.system.http import gql, token


@dataclass
class County:
    """What the stream has made in one county so far."""

    code: str
    projects: list[int] = field(default_factory=list)
    batch: int = 0
    employer: int = 0
    versions: dict[int, int] = field(default_factory=dict)
    id_numbers: list[str] = field(default_factory=list)
    placements: list[int] = field(default_factory=list)


class Driver:
    """Makes changes over real HTTP and counts them (each change is one event on some feed)."""

    def __init__(self, stack: Stack) -> None:
        self.http = {name: httpx.Client(base_url=stack.url(name), timeout=30.0)
                     for name in ("projects", "funds", "employment", "gateway")}
        self.changes = 0
        self.tag = uuid.uuid4().hex[:6]
        self.today = Clock().today().isoformat()

    def close(self) -> None:
        """Close every HTTP client."""
        for client in self.http.values():
            client.close()

    def _post(self, service: str, path: str, body: object, headers: dict[str, str], events: int = 1) -> dict:
        r = self.http[service].post(path, json=body, headers=headers)
        assert r.status_code in (200, 201), f"{path}: {r.text}"
        self.changes += events
        return r.json()

    def _money(self, path: str, body: dict, county: County) -> dict:
        return self._post("funds", path, body, token(Role.FINANCE, county.code) | {"Idempotency-Key": uuid.uuid4().hex})

    def setup(self, county: County) -> None:
        """Four started projects, a fund batch and a backbone enterprise in the county."""
        rows = [project_row(f"事件流项目{self.tag}{county.code}{n}", "started", county=county.code) for n in range(4)]
        made = self._post("projects", "/projects/import", rows, token(Role.COUNTY_OFFICE, county.code), len(rows))
        county.projects = [p["id"] for p in made]
        county.versions = {p["id"]: p["version"] for p in made}
        county.batch = self._money("/batches", {
            "doc_number": f"桂财农〔2019〕{self.tag}{county.code}号", "source_level": "central", "year": 2019,
            "county_code": county.code, "amount": "5000000", "received_on": self.today, "purpose": "事件流测试"},
            county)["id"]
        county.employer = self._post("employment", "/employers", {
            "kind": "enterprise", "name": f"事件流企业{self.tag}{county.code}", "county_code": county.code},
            token(Role.HR))["id"]

    def round(self, county: County, n: int) -> None:
        """One round of changes in the county (about fifteen events, more every third round)."""
        owner = token(Role.PROJECT_OWNER, county.code, f"事件流单位{self.tag}")
        body = gql(self.http["gateway"], SUBMIT, owner, input=as_input(entry(
            name=f"事件流申报{self.tag}-{n}", county_code=county.code, owner_org=f"事件流单位{self.tag}")))
        assert body["data"]["submitProject"]["__typename"] == "Project", body
        self.changes += 1

        project = county.projects[n % len(county.projects)]
        allocation = self._money(f"/batches/{county.batch}/allocations", {"project_id": project, "amount": "10000"},
                                 county)
        spending = self._money(f"/allocations/{allocation['id']}/spendings", {
            "amount": "3000.50", "spent_on": self.today, "voucher_no": f"V{self.tag}{county.code}{n}",
            "payee": "施工单位"}, county)
        if n % 3 == 0:
            self._money(f"/spendings/{spending['id']}/reversal", {
                "voucher_no": f"R{self.tag}{county.code}{n}", "on": self.today, "reason": "凭证有误"}, county)
            recovery = self._money(f"/allocations/{allocation['id']}/recoveries",
                                   {"amount": "2000", "reason": "项目调整"}, county)
            other = county.projects[(n + 1) % len(county.projects)]
            self._money(f"/recoveries/{recovery['id']}/reallocations", {"project_id": other, "amount": "1500"},
                        county)

        headers = token(Role.COUNTY_OFFICE, county.code) | {"If-Match": f'"{county.versions[project]}"'}
        progressed = self._post("projects", f"/projects/{project}/progress",
                                {"on": self.today, "percent": min(100, 5 * (n + 1))}, headers)
        county.versions[project] = progressed["version"]

        id_number = new_id(county.code, born="19850505")
        labourer = self._post("employment", "/labourers", {
            "id_number": id_number, "name": "韦小梅", "county_code": county.code,
            "village_id": first_village(county.code), "household_no": f"H-{n}", "registration": "poor"}, token(Role.HR))
        county.id_numbers.append(id_number)
        placement = self._post("employment", "/placements", {
            "labourer_id": labourer["id"], "kind": "enterprise", "employer_id": county.employer,
            "starts_on": self.today}, token(Role.HR))
        county.placements.append(placement["id"])
        if n % 2 == 1:
            self._post("employment", f"/placements/{county.placements[-2]}/end", {"ends_on": self.today},
                       token(Role.HR))
