"""Done-when of the reporting service over real HTTP: the city office issues a month's bulletin through the
gateway, the data changes afterwards, and the issued bulletin stays as it was while a preview of the next month
shows the change; the number of upstream calls does not depend on the data."""
import uuid
from decimal import Decimal

import httpx
import pytest

from devtools.stack import Stack
from services.kit.auth import Role
from services.kit.clock import Clock
from services.kit.months import Month
from tests.funds.helpers import project_row
from tests.system.http import gql, token

pytestmark = pytest.mark.system

LIUCHENG = "450222"  # 柳城县
FINANCE = token(Role.FINANCE, LIUCHENG)
CITY = token(Role.CITY_OFFICE)
ISSUE = """mutation($input: IssueBulletinInput!) { issueBulletin(input: $input) {
  __typename ... on Bulletin { edition upstreamCalls counties { countyCode spent } }
  ... on Problem { code message } } }"""


def _money(funds: httpx.Client, path: str, body: dict) -> dict:
    r = funds.post(path, json=body, headers=FINANCE | {"Idempotency-Key": uuid.uuid4().hex})
    assert r.status_code == 201, r.text
    return r.json()


def _spent(bulletin: dict) -> Decimal:
    return next(Decimal(c["spent"]) for c in bulletin["counties"] if c["county_code"] == LIUCHENG)


def test_an_issued_bulletin_never_changes_while_the_next_months_preview_does(stack: Stack, gateway_http):
    tag = uuid.uuid4().hex[:6]
    with httpx.Client(base_url=stack.url("projects"), timeout=15) as projects, \
            httpx.Client(base_url=stack.url("funds"), timeout=15) as funds, \
            httpx.Client(base_url=stack.url("reporting"), timeout=60) as reporting:
        r = projects.post("/projects/import", json=[project_row(f"柳城通报{tag}", county=LIUCHENG)],
                          headers=token(Role.COUNTY_OFFICE, LIUCHENG))
        assert r.status_code == 201, r.text
        project_id = r.json()[0]["id"]
        batch = _money(funds, "/batches", {"doc_number": f"柳财农〔2016〕{tag}号", "source_level": "central",
                                           "year": 2016, "county_code": LIUCHENG, "amount": "500000",
                                           "received_on": "2016-06-01", "purpose": "产业发展"})
        allocation = _money(funds, f"/batches/{batch['id']}/allocations",
                            {"project_id": project_id, "amount": "400000", "allocated_on": "2016-06-02"})
        _money(funds, f"/allocations/{allocation['id']}/spendings",
               {"amount": "100000", "spent_on": "2016-07-01", "voucher_no": f"柳城-{tag}-1", "payee": "施工单位"})

        this_month = Month.of(Clock().today())
        last_month = str(this_month.shifted(-1))
        before = _spent(reporting.get(f"/bulletins/{last_month}/preview", headers=CITY).json())
        issued = gql(gateway_http, ISSUE, CITY, input={"month": last_month})["data"]["issueBulletin"]
        assert issued["__typename"] == "Bulletin", issued
        assert issued["upstreamCalls"] == 24  # twelve reads (collaboration, village figures, closed months) per month

        _money(funds, f"/allocations/{allocation['id']}/spendings",
               {"amount": "50000", "spent_on": "2016-07-02", "voucher_no": f"柳城-{tag}-2", "payee": "施工单位"})

        frozen = reporting.get(f"/bulletins/{last_month}", headers=CITY).json()
        assert _spent(frozen) == before and frozen["edition"] == issued["edition"]
        preview = reporting.get(f"/bulletins/{this_month}/preview", headers=CITY).json()
        assert _spent(preview) == before + Decimal("50000")
        # last month is issued now: this month's change of rank is read from it, only this month is fetched
        assert preview["upstream_calls"] == 12
        county = reporting.get(f"/bulletins/{last_month}", headers=token(Role.COUNTY_OFFICE, LIUCHENG)).json()
        assert [c["county_code"] for c in county["counties"]] == [LIUCHENG]
