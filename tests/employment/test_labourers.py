"""Registering and reading labourers: validation, duplicates, scope and masking."""
import httpx

from services.kit.testing import bearer
from tests.employment.data import COUNTY, HR, add_labourer, labourer_body


async def test_register_derives_birth_and_sex(employment: httpx.AsyncClient, backend: str) -> None:
    body = labourer_body(relocated=True, skills=["电焊"])
    r = await employment.post("/labourers", json=body, headers=HR)
    assert r.status_code == 201, r.text
    got = r.json()
    assert got["id_number"] == body["id_number"]
    assert got["birth_date"] == "1990-01-01"
    assert got["sex"] == ("male" if int(body["id_number"][16]) % 2 else "female")
    assert got["liuzhou"] is True and got["relocated"] is True and got["skills"] == ["电焊"]
    assert r.headers["Location"] == f"/labourers/{got['id']}"


async def test_bad_check_digit_is_422_naming_the_field(employment: httpx.AsyncClient, backend: str) -> None:
    body = labourer_body()
    body["id_number"] = body["id_number"][:17] + ("1" if body["id_number"][17] == "0" else "0")
    r = await employment.post("/labourers", json=body, headers=HR)
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["fields"] == [{"field": "id_number", "message": "身份证号码校验位错误"}]


async def test_duplicate_id_is_409(employment: httpx.AsyncClient, backend: str) -> None:
    body = labourer_body()
    assert (await employment.post("/labourers", json=body, headers=HR)).status_code == 201
    r = await employment.post("/labourers", json=body | {"name": "另一人"}, headers=HR)
    assert r.status_code == 409
    assert r.json()["code"] == "labourer.duplicate"
    assert body["id_number"] not in r.text  # the refusal names the ID masked


async def test_only_hr_writes(employment: httpx.AsyncClient, backend: str) -> None:
    r = await employment.post("/labourers", json=labourer_body(), headers=bearer("county_office", COUNTY))
    assert r.status_code == 403


async def test_county_hr_cannot_register_elsewhere(employment: httpx.AsyncClient, backend: str) -> None:
    r = await employment.post("/labourers", json=labourer_body("450226"), headers=bearer("hr", COUNTY))
    assert r.status_code == 403 and r.json()["code"] == "auth.out_of_scope"


async def test_masked_for_everyone_but_hr_and_admin(employment: httpx.AsyncClient, backend: str) -> None:
    lab = await add_labourer(employment)
    whole, masked = lab["id_number"], lab["id_number"][:4] + "*" * 10 + lab["id_number"][-4:]
    for role, county, expected in [("hr", None, whole), ("admin", None, whole), ("external", None, masked),
                                   ("county_office", COUNTY, masked), ("inspector", None, masked)]:
        r = await employment.get(f"/labourers/{lab['id']}", headers=bearer(role, county))
        assert r.status_code == 200, (role, r.text)
        assert r.json()["id_number"] == expected, role


async def test_county_scope_and_batch_read(employment: httpx.AsyncClient, backend: str) -> None:
    mine = await add_labourer(employment, COUNTY)
    other = await add_labourer(employment, "450226")
    office = bearer("county_office", COUNTY)
    assert (await employment.get(f"/labourers/{other['id']}", headers=office)).status_code == 404
    r = await employment.get("/labourers", params={"ids": f"{other['id']},{mine['id']}"}, headers=office)
    assert [x["id"] for x in r.json()["items"]] == [mine["id"]]
    listed = await employment.get("/labourers", headers=bearer("city_office"))
    assert [x["id"] for x in listed.json()["items"]] == [other["id"], mine["id"]]


async def test_audit_never_holds_the_whole_id(employment: httpx.AsyncClient, employment_app, backend: str) -> None:
    from sqlalchemy import select

    from services.kit.audit import AuditRecord

    lab = await add_labourer(employment)
    async with employment_app.state.sessionmaker() as session:
        records = (await session.scalars(select(AuditRecord))).all()
    assert [r.action for r in records] == ["labourer.register"]
    assert lab["id_number"] not in str(records[0].after)
    assert records[0].after["id_number"] == lab["id_number"][:4] + "*" * 10 + lab["id_number"][-4:]
