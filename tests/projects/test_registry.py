"""The village registry (村屯名录) over REST: scoped lists and batch reads, edits with If-Match, yearly history."""
from sqlalchemy import select

from services.kit.audit import AuditRecord
from services.kit.auth import Role
from services.kit.testing import bearer
from tests.places import village_id

RONGSHUI, SANJIANG = "450225", "450226"
COUNTY = bearer(Role.COUNTY_OFFICE, RONGSHUI, sub="county-rongshui")
SANJIANG_COUNTY = bearer(Role.COUNTY_OFFICE, SANJIANG, sub="county-sanjiang")
CITY = bearer(Role.CITY_OFFICE)
OWNER = bearer(Role.PROJECT_OWNER, RONGSHUI, "融水县农业农村局")


async def events(projects, kind: str = "village.changed") -> list:
    return [e for e in (await projects.get("/events", headers=CITY)).json()["events"] if e["type"] == kind]


async def test_county_roles_list_only_their_county_and_filters_narrow_the_list(projects):
    r = await projects.get("/villages?limit=200", headers=OWNER)
    assert r.status_code == 200, r.text
    assert {v["county_code"] for v in r.json()["items"]} == {RONGSHUI}
    poor = (await projects.get("/villages?poor=true&name=江", headers=COUNTY)).json()["items"]
    assert [v["name"] for v in poor] == ["江门村"]
    assert poor[0]["township"] == "安陲乡" and poor[0]["deep_poverty"] is True
    townships = (await projects.get("/townships", headers=SANJIANG_COUNTY)).json()["items"]
    assert {t["name"] for t in townships} == {"独峒镇", "同乐苗族乡", "八江镇"}
    # A prefix is a prefix: LIKE wildcards match themselves.
    assert (await projects.get("/villages?name=%25", headers=CITY)).json()["items"] == []


async def test_keyset_pages_cover_every_village_once(projects):
    seen, after = [], ""
    while True:
        page = (await projects.get(f"/villages?limit=4{after}", headers=CITY)).json()
        seen += [v["id"] for v in page["items"]]
        if not page["next_cursor"]:
            break
        after = f"&after={page['next_cursor']}"
    assert seen == sorted(seen) and len(seen) == len(set(seen)) > 8


async def test_batch_read_keeps_order_and_leaves_out_other_counties(projects):
    ids = [village_id("党鸠村"), village_id("高定村"), village_id("江门村")]
    r = await projects.get(f"/villages?ids={','.join(map(str, ids))}", headers=COUNTY)
    assert [v["name"] for v in r.json()["items"]] == ["党鸠村", "江门村"]
    assert (await projects.get(f"/villages/{village_id('高定村')}", headers=COUNTY)).status_code == 404


async def test_one_village_with_its_years_and_natural_villages(projects):
    r = await projects.get(f"/villages/{village_id('江门村')}", headers=OWNER)
    assert r.status_code == 200, r.text
    body = r.json()
    assert r.headers["etag"] == f'"{body["version"]}"'
    assert [y["year"] for y in body["years"]] == [2017, 2018, 2019, 2020]
    assert {n["name"] for n in body["natural_villages"]} == {"江门屯", "大坪屯", "小寨屯"}


async def test_county_office_adds_and_edits_its_villages_with_if_match_audited_and_announced(projects, projects_app):
    township = (await projects.get("/townships?name=安陲", headers=COUNTY)).json()["items"][0]
    r = await projects.post("/villages", json={"township_id": township["id"], "name": "新建村", "poor_village": True},
                            headers=COUNTY)
    assert r.status_code == 201, r.text
    created = r.json()
    assert r.headers["location"] == f"/villages/{created['id']}" and created["county_code"] == RONGSHUI
    path = f"/villages/{created['id']}"
    change = {"name": "新建村", "poor_village": True, "exited_year": 2020}
    assert (await projects.put(path, json=change, headers=COUNTY)).status_code == 428
    stale = await projects.put(path, json=change, headers=COUNTY | {"If-Match": '"9"'})
    assert stale.status_code == 412
    r = await projects.put(path, json=change, headers=COUNTY | {"If-Match": r.headers["etag"]})
    assert r.status_code == 200, r.text
    assert r.json()["exited_year"] == 2020 and r.json()["version"] == 2
    kinds = [e["payload"]["village_change"] for e in await events(projects)
             if e["payload"]["village_id"] == created["id"]]
    assert kinds == ["created", "updated"]
    async with projects_app.state.sessionmaker() as session:
        trail = (await session.scalars(select(AuditRecord).where(AuditRecord.entity_type == "village")
                                       .order_by(AuditRecord.id))).all()
    assert [(a.action, a.before and a.before["exited_year"], a.after["exited_year"]) for a in trail] == [
        ("village.create", None, None), ("village.update", None, 2020)]


async def test_yearly_figures_are_history_by_year(projects):
    path = f"/villages/{village_id('乌吉村')}"
    version = (await projects.get(path, headers=COUNTY)).headers["etag"]
    figures = {"households": 120, "poor_households": 30, "poverty_incidence": "25.00"}
    r = await projects.put(f"{path}/years/2021", json=figures, headers=COUNTY | {"If-Match": version})
    assert r.status_code == 200, r.text
    r = await projects.put(f"{path}/years/2021", json=figures | {"poor_households": 20, "poverty_incidence": "16.67"},
                           headers=COUNTY | {"If-Match": r.headers["etag"]})
    years = {y["year"]: y for y in r.json()["years"]}
    assert sorted(years) == [2017, 2018, 2019, 2020, 2021]
    assert (years[2021]["poor_households"], years[2021]["poverty_incidence"]) == (20, "16.67")
    assert [e["payload"]["year"] for e in await events(projects)] == [2021, 2021]


async def test_natural_villages_are_added_and_their_road_recorded(projects):
    path = f"/villages/{village_id('江门村')}"
    version = (await projects.get(path, headers=COUNTY)).headers["etag"]
    road = {"name": "新寨屯", "households": 31, "hardened_road": False}
    r = await projects.post(f"{path}/natural-villages", json=road, headers=COUNTY | {"If-Match": version})
    assert r.status_code == 201, r.text
    [natural] = [n for n in r.json()["natural_villages"] if n["name"] == "新寨屯"]
    r = await projects.put(f"/natural-villages/{natural['id']}", headers=COUNTY | {"If-Match": '"1"'},
                           json=road | {"hardened_road": True, "road_hardened_on": "2020-10-01"})
    assert r.status_code == 200, r.text
    assert r.json()["road_hardened_on"] == "2020-10-01" and r.headers["etag"] == '"2"'
    hardened = (await projects.get("/natural-villages?hardened=true&limit=200", headers=COUNTY)).json()["items"]
    assert "新寨屯" in {n["name"] for n in hardened}


async def test_bad_registry_input_is_a_clear_422_never_a_500(projects):
    township = (await projects.get("/townships", headers=COUNTY)).json()["items"][0]["id"]
    cases = [
        ("/villages", {"township_id": township, "name": "甲村", "deep_poverty": True}, "深度贫困村须同时是贫困村"),
        ("/villages", {"township_id": township, "name": "乙村", "exited_year": 2019}, "只有贫困村有出列年度"),
        ("/villages", {"township_id": 2**62, "name": "丙村"}, "名录中没有该乡镇"),
    ]
    for path, body, message in cases:
        r = await projects.post(path, json=body, headers=COUNTY)
        assert r.status_code == 422, r.text
        assert message in r.text
    path = f"/villages/{village_id('江门村')}"
    version = (await projects.get(path, headers=COUNTY)).headers["etag"]
    r = await projects.put(f"{path}/years/2021", headers=COUNTY | {"If-Match": version},
                           json={"households": 10, "poor_households": 11, "poverty_incidence": "1e2"})
    assert r.status_code == 422 and "贫困发生率" in r.text
    r = await projects.put(f"{path}/years/1900", headers=COUNTY | {"If-Match": version},
                           json={"households": 1, "poor_households": 0, "poverty_incidence": "0"})
    assert (r.status_code, r.json()["code"]) == (404, "village_year.not_found")


async def test_writes_outside_the_county_or_by_readers_are_refused(projects):
    sanjiang_village = f"/villages/{village_id('高定村')}"
    r = await projects.put(sanjiang_village, json={"name": "高定村"}, headers=COUNTY | {"If-Match": '"1"'})
    assert r.status_code == 404  # not even visible
    township = (await projects.get("/townships", headers=SANJIANG_COUNTY)).json()["items"][0]["id"]
    r = await projects.post("/villages", json={"township_id": township, "name": "越界村"}, headers=COUNTY)
    assert r.status_code == 422 and r.json()["code"] == "village.unknown_township"
    r = await projects.post("/townships", json={"county_code": SANJIANG, "name": "越界乡"}, headers=COUNTY)
    assert r.status_code == 403
    r = await projects.post("/townships", json={"county_code": RONGSHUI, "name": "新乡"}, headers=OWNER)
    assert r.status_code == 403
    r = await projects.post("/townships", json={"county_code": RONGSHUI, "name": "安陲乡"}, headers=CITY)
    assert r.status_code == 409 and r.json()["code"] == "township.duplicate"
