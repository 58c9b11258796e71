"""Helpers for driving the running system over HTTP: tokens signed with the stack's secret, GraphQL posts."""
import re
import uuid

import httpx

from services.kit.auth import Role
from services.kit.testing import bearer

# The processes get this secret through JWT_SECRET, so a token only works if the stack passed it on.
SECRET = f"system-test-{uuid.uuid4().hex}"


def token(role: Role, county: str | None = None, org: str | None = None) -> dict[str, str]:
    """An Authorization header the running processes accept."""
    return bearer(role, county, org, secret=SECRET)


def gql(client: httpx.Client, query: str, headers: dict[str, str], **variables) -> dict:
    """POST a document to /graphql; the whole response body (data and errors)."""
    r = client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
    assert r.status_code == 200, r.text
    return r.json()


def route_labels(metrics_text: str) -> set[str]:
    """Every value of a `route` label in a Prometheus exposition."""
    return set(re.findall(r'\broute="([^"]*)"', metrics_text))


def sample(metrics_text: str, name: str, /, **labels: str) -> float:
    """Sum of the samples of `name` whose labels include all of `labels` (0 when none)."""
    total = 0.0
    for line in metrics_text.splitlines():
        if not line.startswith(name + "{"):
            continue
        found = dict(re.findall(r'(\w+)="([^"]*)"', line[len(name):line.rindex("}")]))
        if all(found.get(k) == v for k, v in labels.items()):
            total += float(line.rsplit(" ", 1)[1])
    return total
