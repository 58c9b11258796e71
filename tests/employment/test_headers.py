"""Answers holding labourers' personal data are never stored by a browser or proxy (Cache-Control: no-store)."""
import httpx

from tests.employment.data import HR, add_employer, add_labourer, place


async def test_labourer_and_placement_answers_are_no_store(employment: httpx.AsyncClient, backend: str) -> None:
    labourer = await add_labourer(employment)
    employer = await add_employer(employment)
    placed = await place(employment, labourer["id"], "enterprise", "2026-03-01", None, employer_id=employer["id"])
    assert placed.status_code == 201, placed.text
    for path in ("/labourers", f"/labourers/{labourer['id']}", "/placements", f"/placements/{placed.json()['id']}"):
        r = await employment.get(path, headers=HR)
        assert r.status_code == 200, r.text
        assert r.headers["cache-control"] == "no-store" and r.headers["x-content-type-options"] == "nosniff", path
