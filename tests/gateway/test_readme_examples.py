"""Every GraphQL example of the README (each `curl … /graphql … -d '<body>'`) runs through the gateway and answers
what the projects service's REST API answers for the same objects."""
import json
import re
from collections.abc import Iterator
from typing import Any

from devtools.stack import ROOT
from services.kit.auth import Role
from services.kit.testing import bearer
from tests.gateway.graphql import gql

README = ROOT / "README.md"
CURL = re.compile(r"curl [^\n]*?/graphql.*?-d '(?P<body>.*?)'", re.S)
# The REST resource an example's top-level field reads (library entries unless named here).
REST_OF = {"villages": "/villages"}
README_TOKEN = bearer(Role.PROJECT_OWNER, "450225", "融水县农业农村局")  # `make token` as the README mints it


def examples() -> list[dict[str, Any]]:
    """The JSON body of every curl example posting to /graphql."""
    return [json.loads(match["body"]) for match in CURL.finditer(README.read_text(encoding="utf-8"))]


def _entries(data: Any) -> Iterator[dict[str, Any]]:
    """Every library entry in an answer: an object with an id and a name."""
    if isinstance(data, dict):
        if "id" in data and "name" in data:
            yield data
        for value in data.values():
            yield from _entries(value)
    elif isinstance(data, list):
        for item in data:
            yield from _entries(item)


def _snake(name: str) -> str:
    return re.sub(r"[A-Z]", lambda m: "_" + m.group().lower(), name)


def _same(shown: Any, rest: Any) -> bool:
    """GraphQL shows REST's value, an enum by its name (ADMITTED for admitted)."""
    return shown == rest or (isinstance(shown, str) and isinstance(rest, str) and shown == rest.upper())


def test_the_readme_posts_documents_with_their_variables():
    found = examples()
    assert len(found) >= 2 and all(isinstance(e["query"], str) for e in found)


async def test_every_readme_example_answers_what_rest_answers(system):
    for example in examples():
        body = await gql(system.gateway, example["query"], README_TOKEN, **example.get("variables", {}))
        assert "errors" not in body, (example["query"], body)
        entries = [(REST_OF.get(field, "/projects"), entry) for field, data in body["data"].items()
                   for entry in _entries(data)]
        assert entries, example["query"]
        for path, entry in entries:
            rest = (await system.projects.get(f"{path}/{entry['id']}", headers=README_TOKEN)).json()
            differing = {k: (v, rest[_snake(k)]) for k, v in entry.items() if k != "__typename"
                         and not _same(v, rest[_snake(k)])}
            assert differing == {}, example["query"]
