"""Reading entries: scope, filters, keyset pagination, batch reads."""
from services.kit.auth import Role
from services.kit.testing import bearer
from tests.projects.entries import OWNER_ORG, RONGSHUI, entry

OWNER = bearer(Role.PROJECT_OWNER, RONGSHUI, OWNER_ORG)
OTHER_OWNER = bearer(Role.PROJECT_OWNER, RONGSHUI, "融水县水利局")
SANJIANG_OWNER = bearer(Role.PROJECT_OWNER, "450226", "三江县交通运输局")
CITY = bearer(Role.CITY_OFFICE)


async def submit(projects, headers=OWNER, **overrides) -> int:
    r = await projects.post("/projects", json=entry(**overrides), headers=headers)
    assert r.status_code == 201, r.text
    return r.json()["id"]


async def test_owner_cannot_read_another_orgs_entry(projects):
    mine = await submit(projects)
    theirs = await submit(projects, OTHER_OWNER, name="水柜建设")
    assert (await projects.get(f"/projects/{mine}", headers=OWNER)).status_code == 200
    r = await projects.get(f"/projects/{theirs}", headers=OWNER)
    assert r.status_code == 404 and r.json()["code"] == "project.not_found"
    listed = (await projects.get("/projects", headers=OWNER)).json()["items"]
    assert [p["id"] for p in listed] == [mine]
    batch = (await projects.get(f"/projects?ids={theirs},{mine}", headers=OWNER)).json()["items"]
    assert [p["id"] for p in batch] == [mine]


async def test_county_roles_see_only_their_county(projects):
    rongshui = await submit(projects)
    await submit(projects, SANJIANG_OWNER, county_code="450226", village="高定村")
    county = bearer(Role.COUNTY_OFFICE, RONGSHUI)
    assert [p["id"] for p in (await projects.get("/projects", headers=county)).json()["items"]] == [rongshui]
    assert len((await projects.get("/projects", headers=CITY)).json()["items"]) == 2


async def test_filters(projects):
    a = await submit(projects)
    b = await submit(projects, category="infrastructure", planned_start_year=2020, planned_end_year=2021,
                     budget=[{"source": "region", "year": 2021, "amount": "5"}])
    c = await submit(projects, SANJIANG_OWNER, county_code="450226")

    async def ids(query: str) -> list[int]:
        r = await projects.get(f"/projects?{query}", headers=CITY)
        assert r.status_code == 200, r.text
        return [p["id"] for p in r.json()["items"]]

    assert await ids("county=450226") == [c]
    assert await ids("category=infrastructure") == [b]
    assert await ids("year=2021") == [b]
    assert await ids("year=2020") == [c, b, a]
    assert await ids("status=submitted&county=450225") == [b, a]
    assert await ids("status=admitted") == []
    bad = await projects.get("/projects?status=nonsense", headers=CITY)
    assert bad.status_code == 422 and bad.json()["fields"][0]["field"] == "status"


async def test_keyset_pages_cover_everything_once(projects):
    made = [await submit(projects, name=f"项目{i}") for i in range(7)]
    seen, cursor = [], None
    while True:
        query = "/projects?limit=3" + (f"&after={cursor}" if cursor else "")
        page = (await projects.get(query, headers=CITY)).json()
        seen += [p["id"] for p in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == sorted(made, reverse=True)


async def test_bad_cursor_and_bad_ids_are_422(projects):
    assert (await projects.get("/projects?after=garbage!", headers=CITY)).json()["code"] == "request.invalid_cursor"
    assert (await projects.get("/projects?ids=1,x", headers=CITY)).status_code == 422
    too_many = ",".join(str(i) for i in range(1, 202))
    assert (await projects.get(f"/projects?ids={too_many}", headers=CITY)).status_code == 422


async def test_batch_read_keeps_requested_order_and_skips_missing(projects):
    a, b = await submit(projects), await submit(projects, name="第二个")
    items = (await projects.get(f"/projects?ids={a},999,{b},{a}", headers=CITY)).json()["items"]
    assert [p["id"] for p in items] == [a, b]


async def test_external_reads(projects):
    pid = await submit(projects)
    r = await projects.get(f"/projects/{pid}", headers=bearer(Role.EXTERNAL))
    assert r.status_code == 200
