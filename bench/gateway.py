"""What the gateway costs over the services' own REST reads, measured side by side in one run (issue 12):

- one project by id with six fields: the gateway's p50 over the direct `GET /projects/{id}` p50, each under the
  same load (the same keep-alive connections, alternating rounds, best round of each);
- 1,000 projects walked in pages of 200: through the gateway's `projects` connection over the REST pages, without
  and with each project's funding (REST: the page, then one `GET /funding?ids=` per page).
"""
import json
import time

import httpx

from bench.load import throughput
from bench.report import Row

SINGLE = "query($id: Int!) { project(id: $id) { id name countyCode status totalBudget version } }"
FIELDS = "id name countyCode status totalBudget budget { source year amount } beneficiaries { poorPeople }"
LIST = "query($after: String) { projects(first: 200, after: $after) { edges { node { %s } } pageInfo { endCursor } } }"
WALK_PAGES, PAGE = 5, 200  # 1,000 projects
WALK_ROUNDS = 5


def single_object(urls: dict[str, str], city: dict[str, str], project_id: int, connections: int, warmup: float,
                  duration: float, rounds: int) -> tuple[float, float]:
    """p50 in ms of the gateway's `project(id)` and of the direct REST read, under the same load."""
    body = json.dumps({"query": SINGLE, "variables": {"id": project_id}}).encode()
    gateway, rest = [], []
    for _ in range(rounds):
        rest.append(throughput(f"{urls['projects']}/projects/{project_id}", city, connections, warmup, duration))
        gateway.append(throughput(f"{urls['gateway']}/graphql", city, connections, warmup, duration, body=body))
    for name, loads in (("gateway", gateway), ("rest", rest)):
        if any(load.errors for load in loads):
            raise RuntimeError(f"{name} single read: {sum(x.errors for x in loads)} failed")
    return min(x.p50_ms for x in gateway), min(x.p50_ms for x in rest)


def _walk_gateway(client: httpx.Client, city: dict[str, str], fields: str) -> int:
    """1,000 projects through the connection; how many arrived."""
    after, seen = None, 0
    for _ in range(WALK_PAGES):
        answer = client.post("/graphql", json={"query": LIST % fields, "variables": {"after": after}},
                             headers=city).json()
        if answer.get("errors"):
            raise RuntimeError(f"gateway walk: {str(answer['errors'])[:300]}")
        page = answer["data"]["projects"]
        seen += len(page["edges"])
        after = page["pageInfo"]["endCursor"]
    return seen


def _walk_rest(projects: httpx.Client, funds: httpx.Client | None, city: dict[str, str]) -> int:
    """1,000 projects through the REST pages (and their funding, one batch read per page)."""
    after, seen = None, 0
    for _ in range(WALK_PAGES):
        page = projects.get("/projects", params={"limit": PAGE, **({"after": after} if after else {})},
                            headers=city).raise_for_status().json()
        seen += len(page["items"])
        if funds is not None:
            ids = ",".join(str(item["id"]) for item in page["items"])
            funds.get("/funding", params={"ids": ids}, headers=city).raise_for_status()
        after = page["next_cursor"]
    return seen


def list_walks(urls: dict[str, str], city: dict[str, str]) -> dict[str, float]:
    """Median ms of each 1,000-project walk over WALK_ROUNDS rounds, the walks taking turns."""
    timings: dict[str, list[float]] = {}
    with httpx.Client(base_url=urls["gateway"], timeout=60) as gateway, \
            httpx.Client(base_url=urls["projects"], timeout=60) as projects, \
            httpx.Client(base_url=urls["funds"], timeout=60) as funds:
        walks = {"gateway": lambda: _walk_gateway(gateway, city, FIELDS),
                 "gateway+funding": lambda: _walk_gateway(gateway, city, FIELDS + " funding { allocated spent }"),
                 "rest": lambda: _walk_rest(projects, None, city),
                 "rest+funding": lambda: _walk_rest(projects, funds, city)}
        for round_no in range(WALK_ROUNDS + 1):  # the first round warms every path up and is not counted
            for name, walk in walks.items():
                started = time.perf_counter()
                if walk() != WALK_PAGES * PAGE:
                    raise RuntimeError(f"{name} walk did not reach {WALK_PAGES * PAGE} projects")
                if round_no:
                    timings.setdefault(name, []).append((time.perf_counter() - started) * 1000)
    return {name: sorted(values)[len(values) // 2] for name, values in timings.items()}


def gateway_rows(single: tuple[float, float], walks: dict[str, float]) -> list[Row]:
    """The figures and their targets."""
    section = "gateway"
    gateway_p50, rest_p50 = single
    ratio = gateway_p50 / rest_p50
    plain = walks["gateway"] / walks["rest"]
    nested = walks["gateway+funding"] / walks["rest+funding"]
    return [Row(section, "project(id) p50 under load / REST GET /projects/{id}",
                f"{ratio:.2f} ({gateway_p50:.1f} / {rest_p50:.1f} ms)", "<= 2", ratio <= 2),
            Row(section, "1,000 projects via gateway / REST pages",
                f"{plain:.2f} ({walks['gateway']:.0f} / {walks['rest']:.0f} ms)", "<= 1.5", plain <= 1.5),
            Row(section, "same with funding / REST pages + /funding",
                f"{nested:.2f} ({walks['gateway+funding']:.0f} / {walks['rest+funding']:.0f} ms)", "<= 2",
                nested <= 2)]
