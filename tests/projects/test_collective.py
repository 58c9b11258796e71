"""Village collective economy (村级集体经济): a county of five villages with known incomes gives known lists."""

from services.kit.auth import Role
from services.kit.testing import bearer
from tests.projects.life import CITY, COUNTY, OWNER
from tests.projects.places_seed import SANJIANG, seed

SANJIANG_OFFICE = bearer(Role.COUNTY_OFFICE, SANJIANG, sub="county-sj")
ZERO = {"dividends": "0", "leasing": "0", "operating": "0", "other": "0"}


def income(village_id: int, year: int, **amounts: str) -> dict:
    return {"village_id": village_id, "year": year, **ZERO, **amounts}


async def record(client, body: dict, headers: dict = COUNTY, status: int = 201) -> dict:
    r = await client.post("/collective/incomes", json=body, headers=headers)
    assert r.status_code == status, r.text
    return r.json()


async def seed_incomes(projects, projects_app):
    places = await seed(projects_app)
    v = places.villages
    await record(projects, income(v["甲村"], 2019, dividends="30000", leasing="20000", operating="10000"))
    await record(projects, income(v["乙村"], 2019, operating="49999.99"))
    await record(projects, income(v["乙村"], 2017, dividends="30000"))
    await record(projects, income(v["乙村"], 2018, other="40000.5"))
    await record(projects, income(v["丙村"], 2019, leasing="50000"))
    await record(projects, income(v["戊村"], 2019))
    await record(projects, income(v["己村"], 2019, dividends="1000"), SANJIANG_OFFICE)
    return places


async def test_villages_below_target_with_trend_and_rates(projects, projects_app):
    places = await seed_incomes(projects, projects_app)
    v = places.villages
    page = (await projects.get("/collective/gaps?year=2019&county=450225", headers=CITY)).json()
    gaps = {g["village_name"]: g for g in page["items"]}
    assert list(gaps) == ["乙村", "丁村", "戊村"] and page["next_cursor"] is None
    assert gaps["乙村"]["total"] == "49999.99" and gaps["乙村"]["shortfall"] == "0.01"
    assert gaps["乙村"]["trend"] == [{"year": 2017, "total": "30000.00"}, {"year": 2018, "total": "40000.50"}]
    assert gaps["丁村"]["total"] is None and gaps["丁村"]["shortfall"] == "50000.00"
    assert gaps["丁村"]["poor_village"] is False  # exited in 2018
    assert gaps["戊村"]["poor_village"] is True and gaps["戊村"]["total"] == "0.00"  # exited in 2019: poor that year
    [summary] = (await projects.get("/collective/summary?year=2019", headers=COUNTY)).json()
    assert (summary["county_code"], summary["villages"], summary["reported"], summary["reaching"],
            summary["below"], summary["rate"]) == ("450225", 5, 4, 2, 3, 0.4)
    assert summary["target"] == "50000.00" and summary["deadline"] == "2020-12-31"
    city = (await projects.get("/collective/summary?year=2019", headers=CITY)).json()
    assert [(s["county_code"], s["reaching"], s["villages"]) for s in city] == [("450225", 2, 5), (SANJIANG, 0, 1)]
    # Pages walk by village id; a county office sees its own county only.
    first = (await projects.get("/collective/gaps?year=2019&limit=2", headers=CITY)).json()
    rest = (await projects.get(f"/collective/gaps?year=2019&limit=2&after={first['next_cursor']}",
                               headers=CITY)).json()
    assert [g["village_id"] for g in first["items"] + rest["items"]] == [v["乙村"], v["丁村"], v["戊村"], v["己村"]]
    own = (await projects.get("/collective/gaps?year=2019", headers=SANJIANG_OFFICE)).json()
    assert [g["village_name"] for g in own["items"]] == ["己村"]


async def test_correct_with_if_match_audited_and_announced(projects, projects_app):
    places = await seed(projects_app)
    made = await record(projects, income(places.villages["乙村"], 2019, operating="49999.99"))
    assert made["reaches_target"] is False and made["township_name"] == "450225测试乡"
    body = {**ZERO, "operating": "49999.99", "other": "0.01"}
    path = f"/collective/incomes/{made['id']}"
    assert (await projects.put(path, json=body, headers=COUNTY)).status_code == 428
    stale = await projects.put(path, json=body, headers=COUNTY | {"If-Match": '"7"'})
    assert stale.status_code == 412
    other = await projects.put(path, json=body, headers=SANJIANG_OFFICE | {"If-Match": '"1"'})
    assert other.status_code == 404  # outside its county: not even readable
    r = await projects.put(path, json=body, headers=COUNTY | {"If-Match": '"1"'})
    assert r.status_code == 200 and r.headers["etag"] == '"2"'
    assert r.json()["total"] == "50000.00" and r.json()["reaches_target"] is True
    events = (await projects.get("/events?after=0", headers=CITY)).json()["events"]
    recorded = [e["payload"] for e in events if e["type"] == "collective_income.recorded"]
    assert [(p["income_total"], p["version"]) for p in recorded] == [("49999.99", 1), ("50000.00", 2)]
    again = await projects.post("/collective/incomes", json=income(places.villages["乙村"], 2019), headers=COUNTY)
    assert again.status_code == 409 and again.json()["income_id"] == made["id"]


async def test_bad_income_refused_nothing_stored(projects, projects_app):
    places = await seed(projects_app)
    v = places.villages["甲村"]
    for bad in (income(v, 2019, dividends="-1"), income(v, 2019, leasing="1.001"), income(v, 2019, other="1E+3"),
                income(v, 1999), income(v, 2019) | {"extra": 1}, {"village_id": v, "year": 2019},
                income(v, 2019, operating="１００")):
        r = await projects.post("/collective/incomes", json=bad, headers=COUNTY)
        assert r.status_code == 422, (bad, r.text)
    assert (await projects.post("/collective/incomes", json=income(v, 2019), headers=SANJIANG_OFFICE)
            ).status_code == 404
    assert (await projects.post("/collective/incomes", json=income(v, 2019), headers=CITY)).status_code == 403
    assert (await projects.post("/collective/incomes", json=income(2**62, 2019), headers=COUNTY)).status_code == 404
    assert (await projects.get("/collective/gaps?year=2019&after=nonsense", headers=CITY)).status_code == 422
    assert (await projects.get("/collective/gaps?year=2019", headers=OWNER)).status_code == 403
    assert (await projects.get("/collective/incomes", headers=CITY)).json()["items"] == []


async def test_gauge_counts_villages_below_target(projects, projects_app):
    await seed_incomes(projects, projects_app)
    metrics = (await projects.get("/metrics")).text
    # The gauge reads this year (no income recorded yet): every village is below the target.
    assert 'projects_collective_below_target{county="450225"} 5.0' in metrics
    assert f'projects_collective_below_target{{county="{SANJIANG}"}} 1.0' in metrics
