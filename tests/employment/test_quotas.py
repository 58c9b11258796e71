"""Quota compliance with known answers (plan §二(二)): 10 % for enterprises, 5–10 % band for group projects."""
import httpx

from services.kit.testing import bearer
from tests.employment.data import COUNTY, HR, add_employer, add_labourer, add_project, place, report

READER = bearer("city_office")


async def _compliance(client: httpx.AsyncClient, kind: str, period: str, **params) -> list[dict]:
    r = await client.get("/quotas/compliance", params={"kind": kind, "period": period, **params}, headers=READER)
    assert r.status_code == 200, r.text
    return r.json()["items"]


async def _staff(client, n: int, kind="enterprise", region=COUNTY, registration="poor",
                 starts_on="2026-02-01", ends_on=None, **target) -> None:
    for _ in range(n):
        lab = await add_labourer(client, region, registration)
        r = await place(client, lab["id"], kind, starts_on, ends_on, **target)
        assert r.status_code == 201, r.text


async def test_enterprise_200_with_19_breaches_and_20_complies(employment: httpx.AsyncClient, backend: str) -> None:
    short = await add_employer(employment, name="差一人企业")
    full = await add_employer(employment, name="达标企业")
    for e, n in ((short, 19), (full, 20)):
        await report(employment, 200, 2026, employer_id=e["id"])
        await _staff(employment, n, employer_id=e["id"])
    rows = {r["subject_id"]: r for r in await _compliance(employment, "enterprise", "2026")}
    assert (rows[short["id"]]["placed"], rows[short["id"]]["ratio"], rows[short["id"]]["status"]) == \
        (19, "0.0950", "breach")
    assert (rows[full["id"]]["placed"], rows[full["id"]]["ratio"], rows[full["id"]]["status"]) == \
        (20, "0.1000", "compliant")


async def test_only_registered_labourers_placed_in_the_year_count(employment: httpx.AsyncClient,
                                                                  backend: str) -> None:
    e = await add_employer(employment)
    await report(employment, 10, 2026, employer_id=e["id"])
    await _staff(employment, 1, employer_id=e["id"])  # counts
    await _staff(employment, 1, registration="lifted", employer_id=e["id"])  # 已脱贫 counts too
    await _staff(employment, 3, registration="none", employer_id=e["id"])  # 非建档立卡 never
    await _staff(employment, 2, starts_on="2025-01-01", ends_on="2025-12-31", employer_id=e["id"])
    lab = await add_labourer(employment)  # two spells of one person in the year: counted once
    await place(employment, lab["id"], "enterprise", "2026-01-01", "2026-01-31", employer_id=e["id"])
    await place(employment, lab["id"], "enterprise", "2026-09-01", None, employer_id=e["id"])
    [row] = await _compliance(employment, "enterprise", "2026")
    assert (row["placed"], row["total"], row["status"]) == (3, 10, "compliant")


async def test_group_project_march_band(employment: httpx.AsyncClient, backend: str) -> None:
    group = await add_employer(employment, "group", "柳州市城投集团")
    expected = {}
    for n, status in ((4, "breach"), (5, "compliant"), (10, "compliant"), (11, "exceeds")):
        project = await add_project(employment, group["id"])
        await report(employment, 100, 2026, 3, project_id=project["id"])
        await _staff(employment, n, "group_project", starts_on="2026-03-10",
                     ends_on="2026-03-20", project_id=project["id"])
        expected[project["id"]] = (n, status)
    rows = await _compliance(employment, "group_project", "2026-03")
    assert {r["subject_id"]: (r["placed"], r["status"]) for r in rows} == expected
    assert {r["group_name"] for r in rows} == {"柳州市城投集团"}
    # The same placements ended before April: April was not reported at all.
    assert {r["status"] for r in await _compliance(employment, "group_project", "2026-04")} == {"not_reported"}


async def test_labourer_from_outside_liuzhou_does_not_count_for_the_band(employment: httpx.AsyncClient,
                                                                         backend: str) -> None:
    group = await add_employer(employment, "group", "柳州市交投集团")
    project = await add_project(employment, group["id"])
    await report(employment, 100, 2026, 3, project_id=project["id"])
    await _staff(employment, 4, "group_project", starts_on="2026-03-01", project_id=project["id"])
    await _staff(employment, 3, "group_project", region="450321", starts_on="2026-03-01",
                 project_id=project["id"])  # 桂林 labourers, registered poor but not 本市
    [row] = await _compliance(employment, "group_project", "2026-03")
    assert (row["placed"], row["status"]) == (4, "breach")


async def test_no_report_is_not_reported_never_a_ratio(employment: httpx.AsyncClient, backend: str) -> None:
    e = await add_employer(employment)
    await _staff(employment, 2, employer_id=e["id"])
    [row] = await _compliance(employment, "enterprise", "2026")
    assert (row["status"], row["ratio"], row["total"], row["placed"]) == ("not_reported", None, None, 2)
    assert row["status_label"] == "未报送"


async def test_corrected_report_is_the_one_used(employment: httpx.AsyncClient, backend: str) -> None:
    e = await add_employer(employment)
    await _staff(employment, 20, employer_id=e["id"])
    await report(employment, 200, 2026, employer_id=e["id"])
    assert (await _compliance(employment, "enterprise", "2026"))[0]["status"] == "compliant"
    await report(employment, 250, 2026, employer_id=e["id"])  # corrected upwards: 20/250 = 8 %
    [row] = await _compliance(employment, "enterprise", "2026")
    assert (row["total"], row["ratio"], row["status"]) == (250, "0.0800", "breach")


async def test_status_filter_scope_and_bad_period(employment: httpx.AsyncClient, backend: str) -> None:
    mine = await add_employer(employment, name="融水企业")
    other = await add_employer(employment, name="三江企业", county="450226")
    await report(employment, 100, 2026, employer_id=mine["id"])
    only_breach = await _compliance(employment, "enterprise", "2026", status="breach")
    assert [r["subject_id"] for r in only_breach] == [mine["id"]]
    r = await employment.get("/quotas/compliance", params={"kind": "enterprise", "period": "2026"},
                             headers=bearer("county_office", "450226"))
    assert [x["subject_id"] for x in r.json()["items"]] == [other["id"]]
    bad = await employment.get("/quotas/compliance", params={"kind": "group_project", "period": "2026"},
                               headers=READER)
    assert bad.status_code == 422 and bad.json()["fields"][0]["field"] == "period"


async def test_breaches_per_county_with_trend(employment: httpx.AsyncClient, backend: str) -> None:
    a = await add_employer(employment, name="企业甲")
    b = await add_employer(employment, name="企业乙")
    c = await add_employer(employment, name="三江企业", county="450226")
    for e in (a, b):
        await report(employment, 100, 2025, employer_id=e["id"])
        await report(employment, 100, 2026, employer_id=e["id"])
    await _staff(employment, 10, starts_on="2025-01-01", ends_on="2025-12-31", employer_id=a["id"])
    await report(employment, 100, 2026, employer_id=c["id"])
    r = await employment.get("/quotas/breaches", params={"kind": "enterprise", "from": "2025", "to": "2026"},
                             headers=READER)
    assert r.status_code == 200, r.text
    lines = {x["key"]: x for x in r.json()["lines"]}
    rongshui = lines[COUNTY]
    assert rongshui["label"] == "融水苗族自治县"
    assert [(p["period"], p["subjects"], p["breaches"]) for p in rongshui["periods"]] == [("2025", 2, 1),
                                                                                        ("2026", 2, 2)]
    assert rongshui["trend"] == "rising"
    assert [(p["breaches"], p["not_reported"]) for p in lines["450226"]["periods"]] == [(0, 1), (1, 0)]


async def test_breaches_per_group(employment: httpx.AsyncClient, backend: str) -> None:
    group = await add_employer(employment, "group", "柳州市城投集团")
    p = await add_project(employment, group["id"])
    await report(employment, 100, 2026, 2, project_id=p["id"])
    await report(employment, 100, 2026, 3, project_id=p["id"])
    await _staff(employment, 6, "group_project", starts_on="2026-03-01", project_id=p["id"])
    r = await employment.get("/quotas/breaches", headers=READER,
                             params={"kind": "group_project", "from": "2026-02", "to": "2026-03", "by": "group"})
    [line] = r.json()["lines"]
    assert line["key"] == "柳州市城投集团"
    assert [(x["period"], x["breaches"]) for x in line["periods"]] == [("2026-02", 1), ("2026-03", 0)]
    assert line["trend"] == "falling"
    assert HR  # hr wrote everything above; the reads were city-wide
