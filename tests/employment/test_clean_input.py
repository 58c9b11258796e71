"""Clean text and strict values at the employment service's edge: refused with 422 naming the field, nothing stored."""
import pytest

from tests.employment.data import COUNTY, HR, add_employer, labourer_body
from tests.kit.edge import body_refusals, refusals
from tests.projects.test_clean_input import fields


async def no_labourers(employment) -> bool:
    return (await employment.get("/labourers", headers=HR)).json()["items"] == []


@pytest.mark.parametrize("name", ["韦小\x00梅", "\x01", "韦小梅\r\n"])
async def test_a_control_character_in_a_body_field_is_refused(employment, name: str):
    assert fields(await employment.post("/labourers", json=labourer_body(name=name), headers=HR)) == ["name"]
    assert await no_labourers(employment)


async def test_a_control_character_in_a_nested_list_item_is_refused(employment):
    r = await employment.post("/labourers", json=labourer_body(skills=["焊工", "电工\x00"]), headers=HR)
    assert fields(r) == ["skills"]
    assert r.json()["fields"][0]["message"].startswith("第 2 项")
    assert await no_labourers(employment)


async def test_free_text_keeps_tab_and_newline(employment):
    employer = await add_employer(employment)
    note = "更正：\n\t原报 120 人含外包"
    r = await employment.post("/workforce-reports", headers=HR, json={
        "employer_id": employer["id"], "year": 2026, "total": 100, "note": note})
    assert r.status_code == 201, r.text
    assert r.json()["note"] == note
    r = await employment.post("/workforce-reports", headers=HR, json={
        "employer_id": employer["id"], "year": 2026, "total": 100, "note": "更正\x08"})
    assert fields(r) == ["note"]


async def test_a_control_character_in_a_query_or_path_parameter_is_refused(employment):
    assert fields(await employment.get("/labourers?county=4502%0025", headers=HR)) == ["county"]
    r = await employment.get("/quotas/compliance?kind=enterprise&period=2026%00", headers=HR)
    assert fields(r) == ["period"]
    assert fields(await employment.get("/labourers/1%00", headers=HR)) == ["labourer_id"]


async def test_out_of_window_dates_and_years_are_refused(employment):
    # A course starting in 1137 used to be stored.
    r = await employment.post("/courses", headers=HR, json={"kind": "skills", "name": "汽修班",
                                                            "county_code": COUNTY, "starts_on": "1137-03-01"})
    assert fields(r) == ["starts_on"]
    assert (await employment.get("/courses", headers=HR)).json()["items"] == []
    assert fields(await employment.get("/leaders?as_of=9999-12-31", headers=HR)) == ["as_of"]
    assert fields(await employment.get("/placements?active_on=1137-01-01", headers=HR)) == ["active_on"]
    assert fields(await employment.get("/labour-export?year=2036", headers=HR)) == ["year"]
    for period in ("1137", "２０２６"):
        r = await employment.get(f"/quotas/compliance?kind=enterprise&period={period}", headers=HR)
        assert fields(r) == ["period"]


async def test_every_string_query_parameter_and_every_path_parameter_refuses_a_control_character(employment):
    assert await refusals(employment) == []


async def test_every_string_field_of_every_json_body_refuses_a_control_character(employment):
    assert await body_refusals(employment) == []
