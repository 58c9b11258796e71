"""Walk a service's OpenAPI document: every string in a body, query parameter and path parameter is guarded."""
import uuid

import httpx

from services.kit.auth import Role
from services.kit.testing import bearer

ADMIN = bearer(Role.ADMIN)


def _is_string(schema: dict) -> bool:
    return schema.get("type") == "string" or any(_is_string(s) for s in schema.get("anyOf", []))


def _sample(parameter: dict, components: dict) -> str:
    """A harmless value for a path parameter that is not under test (an enum's first value, an id, a county)."""
    schema = parameter.get("schema", {})
    if "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[1]]
    if "enum" in schema:
        return str(schema["enum"][0])
    return str(schema.get("minimum", 1)) if schema.get("type") == "integer" else "450225"


def _url(path: str, params: list[dict], poisoned: str, value: str, components: dict) -> str:
    for p in params:
        if p["in"] == "path":
            path = path.replace("{" + p["name"] + "}", value if p["name"] == poisoned else _sample(p, components))
    return path


async def refusals(client: httpx.AsyncClient) -> list[tuple[str, str, str, str]]:
    """(method, path, parameter, answer) of every guarded parameter whose control character was not refused."""
    document = (await client.get("/openapi.json")).json()
    components, wrong, checked = document["components"]["schemas"], [], 0
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            params = operation.get("parameters", [])
            for p in params:
                if p["in"] == "query" and _is_string(p.get("schema", {})):
                    url = _url(path, params, "", "", components) + f"?{p['name']}=a%00b"
                elif p["in"] == "path":
                    url = _url(path, params, p["name"], "45%0A0225", components)
                else:
                    continue
                checked += 1
                r = await client.request(method.upper(), url, headers=ADMIN)
                named = r.json().get("fields", []) if r.status_code == 422 else []
                if [f["field"] for f in named] != [p["name"]]:
                    wrong.append((method, path, p["name"], f"{r.status_code} {r.text[:120]}"))
    assert checked > 0, "the document lists no parameters to check"
    return wrong


async def body_refusals(client: httpx.AsyncClient) -> list[tuple[str, str, str, str]]:
    """(method, path, field, answer) of every top-level string field of a JSON body not refusing a control character.

    Each field is sent alone: the other fields' "missing" errors may come too, but the poisoned one must be named
    with the control-character message (without the check, a string field would pass and a money field would say
    only "not a number").
    """
    document = (await client.get("/openapi.json")).json()
    components, wrong, checked = document["components"]["schemas"], [], 0
    headers = ADMIN | {"If-Match": '"1"'}
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            schema = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            if schema is None:
                continue
            many = schema.get("type") == "array"
            model = components[(schema["items"] if many else schema)["$ref"].rsplit("/", 1)[1]]
            url = _url(path, operation.get("parameters", []), "", "", components)
            for name, prop in model.get("properties", {}).items():
                if not _is_string(prop):
                    continue
                checked += 1
                body = [{name: "a\x00b"}] if many else {name: "a\x00b"}
                key = {"Idempotency-Key": uuid.uuid4().hex}
                r = await client.request(method.upper(), url, json=body, headers=headers | key)
                field = f"0.{name}" if many else name
                named = [f for f in (r.json().get("fields", []) if r.status_code == 422 else [])
                         if f["field"] == field and "控制字符" in f["message"]]
                if not named:
                    wrong.append((method, path, name, f"{r.status_code} {r.text[:160]}"))
    assert checked > 0, "the document lists no body strings to check"
    return wrong
