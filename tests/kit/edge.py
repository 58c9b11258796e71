"""Walk a service's OpenAPI document and prove every string query parameter and every path parameter is guarded."""
import httpx

from services.kit.auth import Role
from services.kit.testing import bearer

ADMIN = bearer(Role.ADMIN)


def _is_string(schema: dict) -> bool:
    return schema.get("type") == "string" or any(_is_string(s) for s in schema.get("anyOf", []))


def _sample(parameter: dict) -> str:
    """A harmless value for a path parameter that is not under test."""
    schema = parameter.get("schema", {})
    if "enum" in schema:
        return str(schema["enum"][0])
    return "1" if schema.get("type") == "integer" else "450225"


def _url(path: str, params: list[dict], poisoned: str, value: str) -> str:
    for p in params:
        if p["in"] == "path":
            path = path.replace("{" + p["name"] + "}", value if p["name"] == poisoned else _sample(p))
    return path


async def refusals(client: httpx.AsyncClient) -> list[tuple[str, str, str, str]]:
    """(method, path, parameter, answer) of every guarded parameter whose control character was not refused."""
    document = (await client.get("/openapi.json")).json()
    wrong, checked = [], 0
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            params = operation.get("parameters", [])
            for p in params:
                if p["in"] == "query" and _is_string(p.get("schema", {})):
                    url = _url(path, params, "", "") + f"?{p['name']}=a%00b"
                elif p["in"] == "path":
                    url = _url(path, params, p["name"], "45%0A0225")
                else:
                    continue
                checked += 1
                r = await client.request(method.upper(), url, headers=ADMIN)
                named = r.json().get("fields", []) if r.status_code == 422 else []
                if [f["field"] for f in named] != [p["name"]]:
                    wrong.append((method, path, p["name"], f"{r.status_code} {r.text[:120]}"))
    assert checked > 0, "the document lists no parameters to check"
    return wrong
