"""The collaboration GraphQL surface: mutations with typed problems, keyTasks with the overdue filter, the money
and scorecard queries, Project.collaboration resolved in one batch, and the COLLABORATION feed."""
from tests.collaboration.data import CITY, OFFICE, RONGSHUI, RONGSHUI_OFFICE
from tests.collaboration.money import entry
from tests.gateway.graphql import gql

PAIR = """mutation($input: PairingInput!) { createPairing(input: $input) {
  __typename ... on Pairing { id levelLabel countyCode version } ... on Problem { code message } } }"""
SIGN = """mutation($input: AgreementInput!) { signCollaborationAgreement(input: $input) {
  __typename ... on CollaborationAgreement { id guangdongCommitted } ... on Problem { code } } }"""
TASK = """mutation($id: Int!, $input: KeyTaskInput!) { addKeyTask(agreementId: $id, input: $input) {
  __typename ... on KeyTask { id overdue areaLabel } ... on Problem { code } } }"""
REGISTER = """mutation($input: CollaborationProjectInput!) { registerCollaborationProject(input: $input) {
  __typename ... on CollaborationProject { id name linkage { mechanismLabel } } ... on Problem { code message } } }"""
PLAN = """mutation($input: PlanLineInput!, $key: String!) { addPlanLine(input: $input, idempotencyKey: $key) {
  __typename ... on PlanLine { id } ... on Problem { code message } } }"""


async def test_the_office_works_through_graphql_and_refusals_are_typed(collaboration_gateway, linked):
    gateway = collaboration_gateway
    _, projects, _, _ = linked
    pairing = {"level": "COUNTY", "countyCode": RONGSHUI, "localName": "融水县", "partnerName": "遂溪县",
               "startYear": 2017}
    pair = (await gql(gateway, PAIR, OFFICE, input=pairing))["data"]["createPairing"]
    assert (pair["__typename"], pair["levelLabel"], pair["version"]) == ("Pairing", "县际结对", 1)
    again = (await gql(gateway, PAIR, OFFICE, input=pairing))["data"]["createPairing"]
    assert (again["__typename"], again["code"]) == ("Refused", "collaboration.pairing_exists")
    signed = (await gql(gateway, SIGN, OFFICE, input={"pairingId": pair["id"], "year": 2016, "title": "协议",
                                                     "signedOn": "2016-03-01", "guangdongCommitted": "1000"})
              )["data"]["signCollaborationAgreement"]
    assert signed["guangdongCommitted"] == "1000.00"
    task = (await gql(gateway, TASK, OFFICE, id=signed["id"], input={
        "area": "LABOUR", "description": "转移就业", "unitGuangdong": "遂溪县", "unitLiuzhou": "融水县",
        "deadline": "2016-12-31", "indicator": "人数", "unit": "人", "targetValue": "10"}))["data"]["addKeyTask"]
    assert (task["overdue"], task["areaLabel"]) == (True, "劳务协作")
    overdue = await gql(gateway, "{ keyTasks(county: \"450225\", overdue: true) { items { id } } }", RONGSHUI_OFFICE)
    assert overdue["data"]["keyTasks"]["items"] == [{"id": task["id"]}]
    project_id = await entry(projects)
    bare = (await gql(gateway, REGISTER, RONGSHUI_OFFICE, input={
        "projectId": project_id, "pairingId": pair["id"], "guangdongShare": "500"}))["data"]
    assert bare["registerCollaborationProject"]["code"] == "collaboration.linkage_required"
    made = (await gql(gateway, REGISTER, RONGSHUI_OFFICE, input={
        "projectId": project_id, "pairingId": pair["id"], "guangdongShare": "500",
        "linkage": {"mechanism": "LAND_RENT", "householdsPromised": 12}}))["data"]["registerCollaborationProject"]
    assert made["linkage"] == {"mechanismLabel": "土地流转租金"}
    beyond = (await gql(gateway, PLAN, CITY, key="g1", input={
        "collaborationProjectId": made["id"], "year": 2016, "amount": "1", "purpose": "基地"}))["data"]
    assert beyond["addPlanLine"]["code"] == "collaboration.plan_exceeds_arrived"
    query = """{ projects(first: 5) { edges { node { id collaboration { guangdongShare linkage { mechanism } } } } }
                 collaborationFunds(year: 2016, county: "450225") { committed arrived }
                 collaborationScorecard(year: 2016) { countyCode tasksOverdue score } }"""
    data = (await gql(gateway, query, CITY))["data"]
    [node] = [e["node"] for e in data["projects"]["edges"] if e["node"]["id"] == project_id]
    assert node["collaboration"] == {"guangdongShare": "500.00", "linkage": {"mechanism": "LAND_RENT"}}
    assert data["collaborationFunds"] == [{"committed": "1000.00", "arrived": "0.00"}]
    assert {"countyCode": RONGSHUI, "tasksOverdue": 1, "score": "0.00"} in data["collaborationScorecard"]
    feed = await gql(gateway, "{ events(service: COLLABORATION) { items { type } } }", CITY)
    assert "pairing.changed" in {e["type"] for e in feed["data"]["events"]["items"]}
