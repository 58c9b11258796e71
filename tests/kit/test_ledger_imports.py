"""Every Excel import route of every service: size limit, unpacked size, row count and clean cells, all refused
before anything is stored (the kit's mechanism, checked through each route)."""
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest

from services.employment.ledger.columns import LABOURER_HEADERS, PLACEMENT_HEADERS
from services.funds.excel.router import SPENDING_HEADERS
from services.kit.auth import Role
from services.kit.testing import DatabaseFactory, bearer, serve_in_process
from services.kit.xlsx import XLSX, write_xlsx
from services.projects.ledger.columns import HEADERS as PROJECT_HEADERS
from tests.kit.workbooks import upload, zip_bomb

LIMITS = {"upload_max_bytes": 64 * 1024, "ledger_max_rows": 5, "ledger_max_unpacked_bytes": 2 * 1024 * 1024}


@dataclass
class Route:
    """One import route, the caller allowed to use it and the headers of its ledger."""

    service: str
    path: str
    caller: dict[str, str]
    headers: list[str]


ROUTES = {
    "projects": Route("projects", "/projects/import.xlsx",
                      bearer(Role.PROJECT_OWNER, "450225", "融水县农业农村局"), PROJECT_HEADERS),
    "funds": Route("funds", "/ledgers/spendings.xlsx", bearer(Role.FINANCE, "450225"), SPENDING_HEADERS),
    "labourers": Route("employment", "/labourers/import.xlsx", bearer(Role.HR), LABOURER_HEADERS),
    "placements": Route("employment", "/placements/import.xlsx", bearer(Role.HR), PLACEMENT_HEADERS),
}


def _app(service: str, url: str, projects_app=None):
    import importlib

    settings = importlib.import_module(f"services.{service}.config").Settings(database_url=url, **LIMITS)
    create_app = importlib.import_module(f"services.{service}.app").create_app
    if service == "funds":
        return create_app(settings, projects_transport=httpx.ASGITransport(app=projects_app))
    return create_app(settings)


@pytest.fixture(params=list(ROUTES))
async def route(request, databases: DatabaseFactory, migrated: str) -> AsyncIterator[tuple[httpx.AsyncClient, Route]]:
    """The route's service in process with small limits (the funds service with its projects service)."""
    spec = ROUTES[request.param]
    urls = {name: await databases.create(name, migrated) for name in {spec.service, "projects"}}
    projects_app = _app("projects", urls["projects"])
    async with projects_app.router.lifespan_context(projects_app):
        app = projects_app if spec.service == "projects" else _app(spec.service, urls[spec.service], projects_app)
        async with serve_in_process(app) as client:
            yield client, spec
    for url in urls.values():
        await databases.drop(url)


async def _post(client: httpx.AsyncClient, spec: Route, **kwargs) -> httpx.Response:
    headers = spec.caller | {"Idempotency-Key": uuid.uuid4().hex} | kwargs.pop("headers", {})
    return await client.post(spec.path, headers=headers, **kwargs)


def _ledger(spec: Route, rows: int, first: str = "x") -> bytes:
    return write_xlsx("台账", spec.headers, [[first] + [None] * (len(spec.headers) - 1)] * rows)


async def test_an_upload_over_the_limit_is_413_before_it_is_read(route) -> None:
    client, spec = route
    too_big = _ledger(spec, 1) + b"\0" * LIMITS["upload_max_bytes"]
    r = await _post(client, spec, files=upload(too_big))
    assert r.status_code == 413 and r.headers["content-type"] == "application/problem+json"
    assert r.json()["code"] == "request.too_large" and r.json()["max_bytes"] == LIMITS["upload_max_bytes"]
    assert "MB" in r.json()["detail"]


async def test_a_url_encoded_form_is_limited_too(route) -> None:
    client, spec = route
    r = await _post(client, spec, content=b"file=" + b"x" * LIMITS["upload_max_bytes"],
                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413 and r.json()["code"] == "request.too_large"


async def test_a_chunked_upload_is_cut_off_at_the_limit(route) -> None:
    client, spec = route
    boundary = "lz-boundary"
    chunks = [f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n'
              f"Content-Type: {XLSX}\r\n\r\n".encode()] + [b"\0" * 16384] * 64 + [f"\r\n--{boundary}--\r\n".encode()]
    sent = []

    async def body():
        for chunk in chunks:
            sent.append(len(chunk))
            yield chunk

    r = await _post(client, spec, content=body(),
                    headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert r.status_code == 413 and r.json()["code"] == "request.too_large"
    assert sum(sent) < LIMITS["upload_max_bytes"] + 2 * 16384  # reading stopped at the limit, not at the end


async def test_more_rows_than_the_limit_are_refused(route) -> None:
    client, spec = route
    r = await _post(client, spec, files=upload(_ledger(spec, LIMITS["ledger_max_rows"] + 1)))
    assert r.status_code == 422 and r.json()["code"] == "ledger.too_many_rows"
    assert r.json()["max_rows"] == LIMITS["ledger_max_rows"]


async def test_a_zip_bomb_is_refused_with_its_own_code(route) -> None:
    client, spec = route
    bomb = zip_bomb(spec.headers, 3 * 1024 * 1024)
    assert len(bomb) < LIMITS["upload_max_bytes"]  # passes the size limit: only the unpacked size catches it
    r = await _post(client, spec, files=upload(bomb))
    assert r.status_code == 422 and r.json()["code"] == "ledger.uncompressed_too_large"


async def test_a_control_character_in_a_cell_is_a_bad_cell(route) -> None:
    client, spec = route
    r = await _post(client, spec, files=upload(_ledger(spec, 1, first="45\t02")))
    assert r.status_code == 422 and r.json()["code"] == "ledger.invalid_rows", r.text
    [bad] = [p for p in r.json()["rows"] if p["column"] == spec.headers[0]]
    assert bad["row"] == 2 and "U+0009" in bad["message"]
