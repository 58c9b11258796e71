"""GET /labour-figures: registered labourers in work during a year per home county, by where they work."""
from services.kit.auth import Role
from services.kit.testing import bearer
from tests.employment.data import COUNTY, add_employer, add_labourer, place

SANJIANG = "450226"


async def test_labourers_are_counted_by_where_they_work_once_per_place(employment):
    guangdong = await add_employer(employment, "base", "东莞市某电子有限公司", province="广东")
    zhejiang = await add_employer(employment, "base", "宁波市某服装有限公司", province="浙江")
    local = await add_employer(employment, "enterprise", "融水元宝山茶业有限公司")
    a, b, c = [await add_labourer(employment) for _ in range(3)]
    not_registered = await add_labourer(employment, registration="none")
    sanjiang = await add_labourer(employment, SANJIANG)
    for labourer, employer in ((a, guangdong), (b, guangdong), (b, local), (c, zhejiang), (sanjiang, local),
                               (not_registered, guangdong)):
        r = await place(employment, labourer["id"], "base" if employer is not local else "enterprise",
                        "2026-03-01", employer_id=employer["id"])
        assert r.status_code == 201, r.text
    assert (await place(employment, c["id"], "public_welfare", "2026-05-01", site="护林员")).status_code == 201
    assert (await place(employment, a["id"], "enterprise", "2024-01-01", "2024-12-31",
                        employer_id=local["id"])).status_code == 201  # another year: not counted
    rows = (await employment.get("/labour-figures?year=2026", headers=bearer(Role.INSPECTOR))).json()
    assert rows == [{"county_code": COUNTY, "year": 2026, "guangdong": 2, "in_county": 2, "elsewhere": 1, "total": 3},
                    {"county_code": SANJIANG, "year": 2026, "guangdong": 0, "in_county": 0, "elsewhere": 1,
                     "total": 1}]
    scoped = await employment.get("/labour-figures?year=2026", headers=bearer(Role.COUNTY_OFFICE, SANJIANG))
    assert [r["county_code"] for r in scoped.json()] == [SANJIANG]
