"""The monthly bulletin shows, per county, the villages below the collective-income target and the road gaps of
the month's year, read from the projects service's REST API."""
import io

from openpyxl import load_workbook

from tests.projects.life import CITY, COUNTY
from tests.projects.places_seed import SANJIANG, seed
from tests.reporting.conftest import Stack

MONTH = "2026-10"


async def test_bulletin_counts_villages_below_target_and_road_gaps(stack: Stack, projects_app):
    places = await seed(projects_app)
    income = {"village_id": places.villages["甲村"], "year": 2026, "dividends": "60000", "leasing": "0",
              "operating": "0", "other": "0"}
    assert (await stack.projects.post("/collective/incomes", json=income, headers=COUNTY)).status_code == 201
    r = await stack.reporting.get(f"/bulletins/{MONTH}/preview", headers=CITY)
    assert r.status_code == 200, r.text
    counties = {c["county_code"]: c for c in r.json()["counties"]}
    # 2026: 甲村 reaches the target, the four other villages of 融水 do not; only 甲村 and 己村 are still poor,
    # and 甲二屯 was hardened in 2019, so 甲一屯 and 己一屯 are the gaps.
    assert (counties["450225"]["collective_below_target"], counties["450225"]["road_gaps"]) == (4, 1)
    assert (counties[SANJIANG]["collective_below_target"], counties[SANJIANG]["road_gaps"]) == (1, 1)
    assert (counties["450202"]["collective_below_target"], counties["450202"]["road_gaps"]) == (0, 0)
    sheet = load_workbook(io.BytesIO((await stack.reporting.get(f"/bulletins/{MONTH}/export.xlsx?draft=true",
                                                                headers=CITY)).content)).active
    rows = list(sheet.values)
    assert rows[0][-3:-1] == ("集体经济未达标村", "未通硬化道路自然屯")
    rongshui = next(row for row in rows if row[0] == "融水苗族自治县")
    assert rongshui[-3:-1] == (4, 1)
