"""Security headers on every answer of the services and the gateway (services/kit/headers.py)."""
from services.kit.auth import Role
from services.kit.testing import bearer

CITY = bearer(Role.CITY_OFFICE)
ALWAYS = {"x-content-type-options": "nosniff", "x-frame-options": "DENY",
          "content-security-policy": "frame-ancestors 'none'", "referrer-policy": "no-referrer"}


def assert_protected(response, private: bool) -> None:
    for name, value in ALWAYS.items():
        assert response.headers.get(name) == value, (name, response.request.url)
    assert (response.headers.get("cache-control") == "no-store") is private, response.request.url


async def test_service_answers_carry_the_headers(projects, backend):
    assert_protected(await projects.get("/healthz"), private=False)
    listed = await projects.get("/projects", headers=CITY)
    assert listed.status_code == 200
    assert_protected(listed, private=True)
    missing = await projects.get("/projects/999999", headers=CITY)
    assert missing.status_code == 404 and missing.headers["content-type"] == "application/problem+json"
    assert_protected(missing, private=True)
    anonymous = await projects.get("/projects")
    assert anonymous.status_code == 401
    assert_protected(anonymous, private=False)


async def test_docs_page_still_loads_and_only_framing_is_restricted(projects, backend):
    docs = await projects.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    assert_protected(docs, private=False)  # no script-src: the page's scripts load as before
    assert (await projects.get("/openapi.json")).json()["paths"]


async def test_gateway_answers_carry_the_headers(gateway, backend):
    page = await gateway.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()
    assert_protected(page, private=False)
    answer = await gateway.post("/graphql", json={"query": "{ projects(first: 1) { edges { node { id } } } }"},
                                headers=CITY)
    assert answer.status_code == 200 and "errors" not in answer.json()
    assert_protected(answer, private=True)
    assert_protected(await gateway.get("/healthz"), private=False)
