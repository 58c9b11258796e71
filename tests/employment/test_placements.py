"""Placements: targets by kind, overlap refusal, ending, masking in lists."""
import asyncio

import httpx

from services.kit.testing import bearer
from tests.employment.data import COUNTY, HR, add_employer, add_labourer, add_project, place


async def test_overlap_at_same_employer_refused(employment: httpx.AsyncClient, backend: str) -> None:
    lab = await add_labourer(employment)
    e = await add_employer(employment)
    other = await add_employer(employment, name="柳州五菱配件厂")
    first = await place(employment, lab["id"], "enterprise", "2026-01-01", "2026-06-30", employer_id=e["id"])
    assert first.status_code == 201, first.text
    clash = await place(employment, lab["id"], "enterprise", "2026-06-30", None, employer_id=e["id"])
    assert clash.status_code == 409 and clash.json()["code"] == "placement.overlap"
    after = await place(employment, lab["id"], "enterprise", "2026-07-01", None, employer_id=e["id"])
    assert after.status_code == 201
    elsewhere = await place(employment, lab["id"], "enterprise", "2026-03-01", None, employer_id=other["id"])
    assert elsewhere.status_code == 201  # a second job elsewhere is not an overlap at the same employer


async def test_open_ended_placement_blocks_later_spells(employment: httpx.AsyncClient, backend: str) -> None:
    lab = await add_labourer(employment)
    r1 = await place(employment, lab["id"], "public_welfare", "2026-01-01", site="小桑村保洁岗")
    assert r1.status_code == 201
    r2 = await place(employment, lab["id"], "public_welfare", "2027-05-01", "2027-05-31", site="小桑村保洁岗")
    assert r2.status_code == 409
    ended = await employment.post(f"/placements/{r1.json()['id']}/end", json={"ends_on": "2026-12-31"}, headers=HR)
    assert ended.status_code == 200 and ended.json()["ends_on"] == "2026-12-31"
    r3 = await place(employment, lab["id"], "public_welfare", "2027-05-01", "2027-05-31", site="小桑村保洁岗")
    assert r3.status_code == 201


async def test_target_must_match_kind(employment: httpx.AsyncClient, backend: str) -> None:
    lab = await add_labourer(employment)
    group = await add_employer(employment, "group", "柳州市建投集团")
    project = await add_project(employment, group["id"])
    wrong = await place(employment, lab["id"], "enterprise", "2026-01-01", employer_id=group["id"])
    assert wrong.status_code == 422 and wrong.json()["code"] == "placement.wrong_employer"
    both = await place(employment, lab["id"], "group_project", "2026-01-01", project_id=project["id"],
                       employer_id=group["id"])
    assert both.status_code == 422
    ok = await place(employment, lab["id"], "group_project", "2026-01-01", project_id=project["id"])
    assert ok.status_code == 201 and ok.json()["project_id"] == project["id"]


async def test_list_masks_and_filters(employment: httpx.AsyncClient, backend: str) -> None:
    lab = await add_labourer(employment)
    e = await add_employer(employment)
    await place(employment, lab["id"], "enterprise", "2026-01-01", "2026-03-31", employer_id=e["id"])
    office = bearer("county_office", COUNTY)
    listed = (await employment.get("/placements", params={"employer_id": e["id"]}, headers=office)).json()
    assert [p["labourer_id_number"] for p in listed["items"]] == [lab["id_number"][:4] + "*" * 10 +
                                                                  lab["id_number"][-4:]]
    inactive = await employment.get("/placements", params={"active_on": "2026-04-01"}, headers=HR)
    assert inactive.json()["items"] == []


async def test_parallel_overlapping_placements_store_one(employment: httpx.AsyncClient, backend: str) -> None:
    lab = await add_labourer(employment)
    e = await add_employer(employment)
    answers = await asyncio.gather(*(place(employment, lab["id"], "enterprise", f"2026-0{m}-01",
                                           employer_id=e["id"]) for m in range(1, 9)))
    assert sorted(r.status_code for r in answers) == [201] + [409] * 7, [r.text for r in answers]
    listed = await employment.get("/placements", params={"labourer_id": lab["id"]}, headers=HR)
    assert len(listed.json()["items"]) == 1
