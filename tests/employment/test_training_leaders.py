"""Training courses, labour leaders' retention at 3 and 6 months, cross-province export counts."""
from datetime import date

import httpx

from services.employment.leaders.service import add_months
from services.kit.testing import bearer
from tests.employment.data import COUNTY, HR, add_employer, add_labourer, place


async def test_course_participants_and_outcomes(employment: httpx.AsyncClient, backend: str) -> None:
    r = await employment.post("/courses", headers=HR, json={"kind": "two_after", "name": "汽修班",
                                                             "county_code": COUNTY, "starts_on": "2026-03-01"})
    assert r.status_code == 201 and r.json()["kind_label"] == "两后生中期职业培训"
    course = r.json()["id"]
    a, b = await add_labourer(employment), await add_labourer(employment)
    for lab, outcome in ((a, "enrolled"), (b, "enrolled"), (a, "certified")):
        r = await employment.post(f"/courses/{course}/participants", headers=HR,
                                  json={"labourer_id": lab["id"], "outcome": outcome})
        assert r.status_code == 200, r.text
    got = (await employment.get(f"/courses/{course}", headers=bearer("county_office", COUNTY))).json()
    assert got["outcomes"] == {"certified": 1, "enrolled": 1}
    assert [p["labourer_id_number"] for p in got["participants"]] == [
        x["id_number"][:4] + "*" * 10 + x["id_number"][-4:] for x in (a, b)]
    other = await employment.get(f"/courses/{course}", headers=bearer("county_office", "450226"))
    assert other.status_code == 404


def test_add_months_clamps_to_month_end() -> None:
    assert str(add_months(date(2026, 8, 31), 6)) == "2027-02-28"


async def test_leader_retention(employment: httpx.AsyncClient, backend: str) -> None:
    e = await add_employer(employment)
    stays, leaves_early, leaves_late, recent = [await add_labourer(employment) for _ in range(4)]
    for lab, start, end in ((stays, "2026-01-10", None), (leaves_early, "2026-01-10", "2026-02-28"),
                            (leaves_late, "2026-01-10", "2026-05-31"), (recent, "2026-06-01", None)):
        r = await place(employment, lab["id"], "enterprise", start, end, employer_id=e["id"], leader="覃带头")
        assert r.status_code == 201, r.text
    r = await employment.get("/leaders", params={"as_of": "2026-08-01"}, headers=bearer("inspector"))
    assert r.json() == [{"leader": "覃带头", "brought": 4, "observable_3m": 3, "still_placed_3m": 2,
                         "observable_6m": 3, "still_placed_6m": 1}]


async def test_export_by_province(employment: httpx.AsyncClient, backend: str) -> None:
    gd = await add_employer(employment, "base", "东莞电子厂", province="广东")
    zj = await add_employer(employment, "base", "宁波服装厂", province="浙江")
    a, b = await add_labourer(employment), await add_labourer(employment)
    await place(employment, a["id"], "base", "2026-02-01", "2026-03-31", employer_id=gd["id"])
    await place(employment, a["id"], "base", "2026-05-01", None, employer_id=gd["id"])  # same person, once
    await place(employment, b["id"], "base", "2026-02-01", None, employer_id=gd["id"])
    await place(employment, b["id"], "base", "2025-02-01", "2025-12-31", employer_id=zj["id"])  # last year
    r = await employment.get("/labour-export", params={"year": 2026}, headers=bearer("city_office"))
    assert r.json() == [{"province": "广东", "labourers": 2}]
