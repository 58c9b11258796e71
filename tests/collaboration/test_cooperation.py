"""Industry and talent cooperation: scope, validation, and the figures the scorecard counts."""
from tests.collaboration.data import CITY, OFFICE, RONGSHUI, RONGSHUI_OFFICE, SANJIANG

EXCHANGE = {"county_code": RONGSHUI, "direction": "to_guangdong", "kind": "cadre", "person_name": "韦干部",
            "unit": "融水县扶贫办", "starts_on": "2018-11-01", "ends_on": "2019-02-28"}


async def test_a_county_records_only_its_own_and_dates_must_be_in_order(collaboration):
    other = await collaboration.post("/enterprises", headers=RONGSHUI_OFFICE, json={
        "county_code": SANJIANG, "year": 2019, "name": "某公司", "origin": "湛江市", "industry": "农业",
        "investment": "0", "poor_people_driven": 0})
    assert other.status_code == 403 and other.json()["code"] == "auth.out_of_scope"
    backwards = await collaboration.post("/talent-exchanges", headers=OFFICE,
                                         json=EXCHANGE | {"ends_on": "2018-10-01"})
    assert backwards.status_code == 422 and "结束日期" in backwards.json()["fields"][0]["message"]
    negative = await collaboration.post("/enterprises", headers=OFFICE, json={
        "county_code": RONGSHUI, "year": 2019, "name": "某公司", "origin": "湛江市", "industry": "农业",
        "investment": "-1", "poor_people_driven": 0})
    assert negative.status_code == 422
    assert (await collaboration.get("/enterprises", headers=CITY)).json()["items"] == []


async def test_an_exchange_counts_its_days_and_lists_in_each_year_it_spans(collaboration):
    made = await collaboration.post("/talent-exchanges", headers=OFFICE, json=EXCHANGE | {"field": "education"})
    assert made.status_code == 201, made.text
    body = made.json()
    assert (body["person_days"], body["kind_label"], body["field_label"]) == (120, "挂职干部", "教育")
    for year in (2018, 2019):
        listed = await collaboration.get(f"/talent-exchanges?year={year}&county={RONGSHUI}", headers=RONGSHUI_OFFICE)
        assert [e["id"] for e in listed.json()["items"]] == [made.json()["id"]]
    assert (await collaboration.get("/talent-exchanges?year=2020", headers=CITY)).json()["items"] == []
    rows = (await collaboration.get("/scorecard?year=2019", headers=RONGSHUI_OFFICE)).json()
    assert [(r["cadres"], r["person_days"]) for r in rows] == [(1, 59)]  # 1 January to 28 February
