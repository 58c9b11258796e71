"""Worker scaling: throughput of the projects service and of the gateway with one and with two uvicorn workers
(the production start command, devtools/serve.py), on the same machine and database."""
from urllib.parse import quote

from bench.load import Load, throughput
from bench.report import Row

CONNECTIONS, WARMUP, DURATION, ROUNDS = 16, 1.0, 5.0, 2
QUERY = "{ project(id: %d) { id name status totalBudget } }"


def worker_scaling(b) -> list[Row]:
    """GET /projects/{id} and the gateway's project(id) query (GraphQL over GET), 1 vs 2 workers, as ratios."""
    low, high = b.seed(100_000)
    project_id = (low + high) // 2
    stack = b.stack
    projects = {n: stack.replica("projects", workers=n) for n in (1, 2)}
    # Both gateways call the two-worker projects process, so the upstream is not what caps the gateway's figure.
    upstream = {"GATEWAY_PROJECTS_URL": stack.url(projects[2])}
    gateways = {n: stack.replica("gateway", workers=n, env=upstream) for n in (1, 2)}
    names = [*projects.values(), *gateways.values()]
    try:
        for name in names:
            stack.start(name)
        for name in names:
            stack.wait_ready(name)
        targets = {**{("projects", n): f"{stack.url(p)}/projects/{project_id}" for n, p in projects.items()},
                   **{("gateway", n): f"{stack.url(g)}/graphql?query={quote(QUERY % project_id)}"
                      for n, g in gateways.items()}}
        runs: dict[tuple[str, int], list[Load]] = {key: [] for key in targets}
        # Alternating rounds, best of each, as in the throughput section: a burst of other work on the shared
        # machine then lowers one reading of each, not one side of a ratio.
        for _ in range(ROUNDS):
            for key, url in targets.items():
                runs[key].append(throughput(url, b.city, CONNECTIONS, WARMUP, DURATION))
    finally:
        for name in names:
            stack.stop(name)
    for key, loads in runs.items():
        if any(load.errors for load in loads):
            raise RuntimeError(f"{key}: {sum(x.errors for x in loads)} of {sum(x.requests for x in loads)} failed")
    best = {key: max(loads, key=lambda x: x.rps) for key, loads in runs.items()}
    b.notes.append("worker scaling: " + ", ".join(f"{p} {n}w {[round(x.rps) for x in runs[(p, n)]]} req/s"
                                                  for p, n in runs) + f"; best of {ROUNDS} alternating rounds")
    rows = []
    for process, label in (("projects", "projects GET /projects/{id}"), ("gateway", "gateway project(id) query")):
        one, two = best[(process, 1)], best[(process, 2)]
        rows += [Row("workers", f"{label}, 1 worker", f"{one.rps:,.0f} req/s (p50 {one.p50_ms:.1f} ms)"),
                 Row("workers", f"{label}, 2 workers", f"{two.rps:,.0f} req/s (p50 {two.p50_ms:.1f} ms)"),
                 Row("workers", f"{process} 2 workers / 1 worker", f"{two.rps / one.rps:.2f}")]
    return rows
