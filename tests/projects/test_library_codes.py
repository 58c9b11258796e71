"""Library codes (入库编号): numbering counts every stored code, honours imported ones, never repeats."""
import asyncio
from datetime import timedelta

import pytest

from services.kit.auth import Role
from services.kit.testing import bearer
from tests.projects.life import CITY, COUNTY, Life
from tests.projects.test_ledger import EXISTING


def existing(name: str, year: int, code: str | None = None, **overrides) -> dict:
    """An entry admitted in `year`, started, with the given code (None: numbered by the service)."""
    return EXISTING | {"name": name, "admitted_on": f"{year}-03-01", "started_on": f"{year}-05-10",
                       "last_progress_on": f"{year}-06-30", "plan_year": None, "library_code": code} | overrides


async def bring_in(projects, *rows: dict, status: int = 201) -> list[dict] | dict:
    r = await projects.post("/projects/import", json=list(rows), headers=COUNTY)
    assert r.status_code == status, r.text
    return r.json()


async def announced(projects, projects_app, count: int) -> list[Life]:
    """Entries whose notice is over, ready to be admitted today."""
    lives = []
    for i in range(count):
        life = Life(projects, projects_app)
        await life.submit(name=f"并发入库项目{i}")
        await life.through_review()
        lives.append(life)
    projects_app.state.clock.shift += timedelta(days=7)
    return lives


def numbers(codes: list[str]) -> list[int]:
    return sorted(int(code.rsplit("-", 1)[1]) for code in codes)


async def test_three_imported_codes_do_not_jam_the_county_year(projects):
    codes = [f"450225-2019-000{n}" for n in (1, 2, 3)]
    await bring_in(projects, *(existing(f"历史项目{n}", 2019, code) for n, code in enumerate(codes)))
    [fourth] = await bring_in(projects, existing("未编号的历史项目", 2019))
    [fifth] = await bring_in(projects, existing("又一个未编号的历史项目", 2019))
    assert (fourth["library_code"], fifth["library_code"]) == ("450225-2019-0004", "450225-2019-0005")


async def test_admission_numbers_above_codes_it_did_not_issue(projects, projects_app):
    year = projects_app.state.clock.today().year
    await bring_in(projects, existing("今年导入的项目", year, f"450225-{year}-0007",
                                      started_on=None, last_progress_on=None, status="admitted",
                                      progress_percent=0, admitted_on=projects_app.state.clock.today().isoformat()))
    life = Life(projects, projects_app)
    assert (await life.admitted())["library_code"] == f"450225-{year}-0008"


async def test_numbering_counts_only_its_own_county_and_year(projects):
    await bring_in(projects, existing("融水2018", 2018, "450225-2018-0040"))
    sanjiang = bearer(Role.COUNTY_OFFICE, "450226", sub="county-sanjiang")
    r = await projects.post("/projects/import", headers=sanjiang,
                            json=[existing("三江2019", 2019, "450226-2019-0090", county_code="450226",
                                          township="独峒镇", village="高定村",
                                          beneficiaries=EXISTING["beneficiaries"] | {"poor_villages": ["高定村"]})])
    assert r.status_code == 201, r.text
    [row] = await bring_in(projects, existing("融水2019", 2019))
    assert row["library_code"] == "450225-2019-0001"


async def test_an_explicit_code_already_stored_is_a_clear_409_and_nothing_is_written(projects, projects_app):
    await bring_in(projects, existing("原有项目", 2019, "450225-2019-0002"))
    problem = await bring_in(projects, existing("新行", 2019), existing("撞号的行", 2019, "450225-2019-0002"),
                             status=409)
    assert problem["code"] == "project.library_code_taken"
    assert [f["field"] for f in problem["fields"]] == ["1.library_code"]
    assert "450225-2019-0002" in problem["detail"]
    listed = (await projects.get("/projects", headers=CITY)).json()["items"]
    assert [p["name"] for p in listed] == ["原有项目"]
    [later] = await bring_in(projects, existing("之后的行", 2019))  # refused once, numbering still works
    assert later["library_code"] == "450225-2019-0003"


async def test_a_code_given_twice_in_one_import_is_422_naming_both_rows(projects):
    problem = await bring_in(projects, existing("甲", 2019, "450225-2019-0005"), existing("乙", 2019),
                             existing("丙", 2019, "450225-2019-0005"), status=422)
    assert problem["code"] == "request.invalid"
    assert [f["field"] for f in problem["fields"]] == ["0.library_code", "2.library_code"]


async def test_explicit_and_numbered_rows_of_one_import_never_collide(projects):
    rows = await bring_in(projects, existing("自动一", 2019), existing("指定一", 2019, "450225-2019-0001"),
                          existing("自动二", 2019))
    assert [r["library_code"] for r in rows] == ["450225-2019-0002", "450225-2019-0001", "450225-2019-0003"]


@pytest.mark.parametrize("count", [6])
async def test_parallel_admissions_and_an_import_get_distinct_codes(projects, projects_app, count):
    year = projects_app.state.clock.today().year
    lives = await announced(projects, projects_app, count)
    today = projects_app.state.clock.today().isoformat()
    imported = [existing(f"并发导入{n}", year, code, status="admitted", started_on=None, last_progress_on=None,
                         progress_percent=0, admitted_on=today) for n, code in enumerate((f"450225-{year}-0050", None))]

    async def admit(life: Life) -> str:
        return (await life.act("/admit", COUNTY))["library_code"]

    results = await asyncio.gather(*(admit(life) for life in lives), bring_in(projects, *imported))
    codes = [*results[:-1], *(row["library_code"] for row in results[-1])]
    assert len(set(codes)) == count + 2 and f"450225-{year}-0050" in codes
    assert all(code.startswith(f"450225-{year}-") for code in codes)
    last = Life(projects, projects_app)
    await last.submit(name="最后一个")
    await last.through_review()
    last.pass_days(7)
    assert numbers([(await last.act("/admit", COUNTY))["library_code"]]) == [max(numbers(codes)) + 1]
