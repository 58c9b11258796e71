"""Done-when of the collaboration service, through the gateway over real HTTP: the city office sets up a pairing
and a yearly agreement with tasks; a Guangdong batch arrives; a collaboration entry passes the library review; the
fund-use plan assigns money to it (and a plan beyond the money arrived is refused); placements at a Guangdong
employer show in the labour figure; a task passes its deadline and is overdue; the scorecard row equals the records.

柳城县 (450222) and the year 2021 are this test's own: no other system test touches them."""
import time
import uuid
from datetime import timedelta

import pytest

from services.kit.auth import Role
from services.kit.clock import Clock
from tests.employment.data import labourer_body
from tests.gateway.graphql import SUBMIT, as_input
from tests.projects.entries import entry
from tests.system.http import gql, token
from tests.system.test_project_life import Entry

pytestmark = pytest.mark.system

LIUCHENG, YEAR = "450222", 2021
CITY = token(Role.CITY_OFFICE)
COUNTY = token(Role.COUNTY_OFFICE, LIUCHENG)
FINANCE = token(Role.FINANCE, LIUCHENG)
HR = token(Role.HR)
OWNER = token(Role.PROJECT_OWNER, LIUCHENG, "柳城县农业农村局")
ROW = """{ collaborationScorecard(year: 2021) { countyCode committed arrived spent tasksTotal tasksDone
  tasksOverdue labourGuangdong labourAvailable townshipsPaired score records { figure path } } }"""


def one(client, doc: str, headers: dict, **variables) -> dict:
    """A mutation's one result; it must not be a problem."""
    body = gql(client, doc, headers, **variables)
    [result] = body["data"].values()
    assert "code" not in result, body
    return result


def _agreement_with_tasks(gateway, tag: str, today) -> tuple[int, dict, dict]:
    pair = one(gateway, """mutation($i: PairingInput!) { createPairing(input: $i) { ... on Pairing { id }
        ... on Problem { code } } }""", CITY, i={"level": "COUNTY", "countyCode": LIUCHENG, "localName": "柳城县",
                                             "partnerName": f"湛江市雷州市{tag}", "startYear": 2017})
    signed = one(gateway, """mutation($i: AgreementInput!) { signCollaborationAgreement(input: $i) {
        ... on CollaborationAgreement { id } ... on Problem { code } } }""", CITY, i={
        "pairingId": pair["id"], "year": YEAR, "title": f"{YEAR} 年框架协议", "signedOn": f"{YEAR}-03-01",
        "guangdongCommitted": "3000000"})
    add = """mutation($a: Int!, $i: KeyTaskInput!) { addKeyTask(agreementId: $a, input: $i) {
        ... on KeyTask { id overdue done } ... on Problem { code } } }"""
    task = {"area": "LABOUR", "description": "组织贫困劳动力赴广东就业", "unitGuangdong": "雷州市人社局",
            "unitLiuzhou": "柳城县人社局", "indicator": "转移就业", "unit": "人"}
    soon = one(gateway, add, CITY, a=signed["id"], i=task | {"deadline": str(today + timedelta(days=3)),
                                                               "targetValue": "5"})
    later = one(gateway, add, CITY, a=signed["id"], i=task | {"deadline": str(today + timedelta(days=60)),
                                                                "targetValue": "1", "area": "INDUSTRY"})
    done = one(gateway, """mutation($t: Int!, $i: ProgressInput!) { reportTaskProgress(taskId: $t, input: $i) {
        ... on ProgressRecorded { task { done } } ... on Problem { code } } }""", COUNTY, t=later["id"],
               i={"valueReached": "1", "evidence": "柳城引企〔2021〕1号"})
    assert done == {"task": {"done": True}} and soon["overdue"] is False
    return pair["id"], soon, later


def _admitted_entry(gateway, tag: str, move_clock) -> int:
    budget = [{"source": "guangdong", "year": YEAR, "amount": "900000"}]
    body = entry(name=f"柳城县蔗糖产业协作基地{tag}", county_code=LIUCHENG, village="古砦村",
                 budget=budget, planned_start_year=YEAR, planned_end_year=YEAR)
    submitted = gql(gateway, SUBMIT, OWNER, input=as_input(body))["data"]["submitProject"]
    e = Entry(gateway, submitted | {"version": 1})
    for who in (token(Role.TOWNSHIP, LIUCHENG), token(Role.COUNTY_DEPARTMENT, LIUCHENG), COUNTY):
        e.act("reviewProject", who, ", decision: APPROVE")
    move_clock(8)  # the 7-day notice is over; the collaboration clock moves with it
    assert e.act("admitProject", COUNTY)["status"] == "ADMITTED"
    return e.id


def _labour(gateway, tag: str) -> None:
    employer = one(gateway, """mutation($i: EmployerInput!) { registerEmployer(input: $i) {
        ... on Employer { id } ... on Problem { code } } }""", HR,
                   i={"kind": "BASE", "name": f"东莞市某电子有限公司{tag}", "province": "广东"})
    b = labourer_body(LIUCHENG)
    labourer = one(gateway, """mutation($i: LabourerInput!) { registerLabourer(input: $i) {
        ... on Labourer { id } ... on Problem { code } } }""", HR, i={
        "idNumber": b["id_number"], "name": b["name"], "countyCode": LIUCHENG,
        "villageId": b["village_id"], "householdNo": f"H-{tag}", "registration": "POOR"})
    one(gateway, """mutation($i: PlacementInput!) { placeLabourer(input: $i) { ... on Placement { id }
        ... on Problem { code } } }""", HR, i={"labourerId": labourer["id"], "kind": "BASE",
                                              "employerId": employer["id"], "startsOn": f"{YEAR}-03-01"})


def _row(gateway, spent: str, seconds: float = 15) -> dict:
    """柳城's scorecard row once the funds feed has brought the spending (the poller runs every second)."""
    deadline = time.monotonic() + seconds
    while True:
        [row] = [r for r in gql(gateway, ROW, CITY)["data"]["collaborationScorecard"] if r["countyCode"] == LIUCHENG]
        if row["spent"] == spent or time.monotonic() > deadline:
            return row
        time.sleep(0.2)


def test_collaboration_from_pairing_to_scorecard(gateway_http, move_clock):
    tag, today = uuid.uuid4().hex[:6], Clock().today()
    pairing_id, soon, later = _agreement_with_tasks(gateway_http, tag, today)
    batch = one(gateway_http, """mutation($i: FundBatchInput!, $k: String!) { receiveFundBatch(input: $i,
        idempotencyKey: $k) { ... on FundBatch { id } ... on Problem { code } } }""", FINANCE, k=f"b-{tag}", i={
        "docNumber": f"湛财协〔{YEAR}〕{tag}号", "sourceLevel": "GUANGDONG", "year": YEAR, "countyCode": LIUCHENG,
        "amount": "1000000", "receivedOn": str(today), "purpose": "粤桂扶贫协作"})
    project_id = _admitted_entry(gateway_http, tag, move_clock)
    register = """mutation($i: CollaborationProjectInput!) { registerCollaborationProject(input: $i) {
        __typename ... on CollaborationProject { id status } ... on Problem { code } } }"""
    link = {"projectId": project_id, "pairingId": pairing_id, "guangdongShare": "900000"}
    bare = gql(gateway_http, register, COUNTY, i=link)["data"]["registerCollaborationProject"]
    assert bare == {"__typename": "Refused", "code": "collaboration.linkage_required"}
    made = one(gateway_http, register, COUNTY, i=link | {"linkage": {"mechanism": "WAGES",
                                                                      "householdsPromised": 25}})
    assert made["status"] == "admitted"
    plan = """mutation($i: PlanLineInput!, $k: String!) { addPlanLine(input: $i, idempotencyKey: $k) {
        __typename ... on PlanLine { amount } ... on Problem { code } } }"""
    line = {"collaborationProjectId": made["id"], "year": YEAR, "amount": "600000", "purpose": "甘蔗种植基地"}
    assert one(gateway_http, plan, FINANCE, k=f"p1-{tag}", i=line)["amount"] == "600000.00"
    beyond = gql(gateway_http, plan, FINANCE, k=f"p2-{tag}", i=line | {"amount": "400000.01"})
    assert beyond["data"]["addPlanLine"] == {"__typename": "Refused", "code": "collaboration.plan_exceeds_arrived"}
    allocation = one(gateway_http, """mutation($b: Int!, $p: Int!, $k: String!) { allocateFunds(batchId: $b,
        projectId: $p, amount: "500000", idempotencyKey: $k) { ... on Allocation { id } ... on Problem { code } } }""",
                     FINANCE, b=batch["id"], p=project_id, k=f"a-{tag}")
    one(gateway_http, """mutation($a: Int!, $on: Date!, $v: String!, $k: String!) { recordSpending(allocationId: $a,
        amount: "100000.50", spentOn: $on, voucherNo: $v, payee: "蔗糖合作社", idempotencyKey: $k) {
        ... on Spending { id } ... on Problem { code } } }""", FINANCE, a=allocation["id"], on=str(today),
        v=f"V-{tag}", k=f"s-{tag}")
    _labour(gateway_http, tag)

    row = _row(gateway_http, "100000.50")
    assert {k: row[k] for k in ("committed", "arrived", "spent", "tasksTotal", "tasksDone", "tasksOverdue",
                                "labourGuangdong", "labourAvailable")} == {
        "committed": "3000000.00", "arrived": "1000000.00", "spent": "100000.50", "tasksTotal": 2, "tasksDone": 1,
        "tasksOverdue": 1, "labourGuangdong": 1, "labourAvailable": True}
    overdue = gql(gateway_http, """{ keyTasks(county: "450222", year: 2021, overdue: true) { items { id } } }""",
                  COUNTY)["data"]["keyTasks"]["items"]
    assert overdue == [{"id": soon["id"]}]
    funds = gql(gateway_http, """{ collaborationFunds(year: 2021, county: "450222") { committed arrived planned
        allocated spent } }""", FINANCE)["data"]["collaborationFunds"]
    assert funds == [{"committed": "3000000.00", "arrived": "1000000.00", "planned": "600000.00",
                      "allocated": "500000.00", "spent": "100000.50"}]
    records = {r["figure"]: r["path"] for r in row["records"]}
    assert records["overdue_tasks"] == "/key-tasks?county=450222&year=2021&overdue=true"
    entry_view = gql(gateway_http, """query($id: Int!) { project(id: $id) { collaboration { planned spent
        linkage { householdsPromised } } } }""", CITY, id=project_id)["data"]["project"]
    assert entry_view["collaboration"] == {"planned": "600000.00", "spent": "100000.50",
                                           "linkage": {"householdsPromised": 25}}
    assert later["done"] is False  # as it was answered before its progress report
