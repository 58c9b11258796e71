"""Bench section of `myWork` (issue 17): the merged work queue of a city-wide caller over the bench data sets
(100,000 library entries under review, 1,000,000 allocations, most of them idle without a rectification case).

The gateway asks each queue service once per page, whatever the page or the size of the queues: the upstream calls
for `first: 10` and `first: 100`, on the first page and after a cursor, must all be the number of queue services.
The funds service's idle items without a case page from the tables' id indexes, and their exact count starts from
the per-county number of allocations holding a balance that triggers keep: neither reads every allocation.
Run alone with `python -m bench.work` (starts its own processes on fresh databases and seeds them).
"""
import asyncio
import statistics
import time
from typing import TYPE_CHECKING

from bench.funds import seed_allocations
from bench.report import Row
from services.kit.auth import Role
from services.kit.testing import bearer

if TYPE_CHECKING:  # bench.sections imports this module
    from bench.sections import Bench

SECTION = "my work"
RUNS = 3
QUERY = """query($first: Int!, $after: String) { myWork(first: $first, after: $after) {
  items { key kind deadline dueSoon overdue link { path } } counts { kind total } nextCursor complete } }"""
CALLERS = {"city office": bearer(Role.CITY_OFFICE), "city finance": bearer(Role.FINANCE),
           "admin (every kind)": bearer(Role.ADMIN)}
UPSTREAM = 'gateway_upstream_requests_total{'


def _work_calls(metrics: str) -> float:
    """Calls the gateway has made to the services' GET /work so far."""
    return sum(float(line.rsplit(" ", 1)[1]) for line in metrics.splitlines()
               if line.startswith(UPSTREAM) and 'route="/work"' in line)


def _page(gateway, headers: dict, first: int, after: str | None) -> tuple[dict, float, float]:
    """One page of myWork: (the page, seconds, upstream calls it made)."""
    before = _work_calls(gateway.get("/metrics").text)
    started = time.perf_counter()
    body = gateway.post("/graphql", json={"query": QUERY, "variables": {"first": first, "after": after}},
                        headers=headers).json()
    seconds = time.perf_counter() - started
    if body.get("errors") or not body["data"]["myWork"]["complete"]:
        raise RuntimeError(f"myWork: {str(body)[:300]}")
    return body["data"]["myWork"], seconds, _work_calls(gateway.get("/metrics").text) - before


def my_work(b: "Bench") -> list[Row]:
    """myWork(first: 50) for city-wide callers, first page and the next; upstream calls at first 10 and 100."""
    seconds = asyncio.run(seed_allocations(b.databases.urls["funds"]))
    if seconds:
        b.notes.append(f"my work: seeded the funds tables in {seconds:.1f} s")
    b.seed(100_000)
    rows, calls = [], set()
    with b.client("gateway") as gateway:
        for name, headers in CALLERS.items():
            first, second = [], []
            for _ in range(RUNS):
                page, took, made = _page(gateway, headers, 50, None)
                first.append(took)
                calls.add(made)
                if page["nextCursor"]:
                    _, took, made = _page(gateway, headers, 50, page["nextCursor"])
                    second.append(took)
                    calls.add(made)
            total = sum(c["total"] for c in page["counts"])
            later = f", next page {statistics.median(second) * 1000:.0f} ms" if second else ""
            rows.append(Row(SECTION, f"myWork(first: 50), {name}, {total:,} items",
                            f"{statistics.median(first) * 1000:.0f} ms{later}"))
        for first_n in (10, 100):
            calls.add(_page(gateway, CALLERS["admin (every kind)"], first_n, None)[2])
    return rows + [Row(SECTION, "upstream calls per page (first 10 / 50 / 100, any page)",
                       "/".join(f"{c:g}" for c in sorted(calls)), "one per queue service", len(calls) == 1)]


def main() -> None:
    """Run this section alone on its own processes and print its rows."""
    import shutil
    import tempfile
    from pathlib import Path

    from bench.database import choose
    from bench.report import console_table
    from bench.sections import Bench
    from devtools.stack import SERVICES, Stack, free_port

    databases = choose()
    log_dir = Path(tempfile.mkdtemp(prefix="lz-bench-work-"))
    stack = Stack({name: free_port() for name in (*SERVICES, "gateway")}, databases.urls, log_dir=log_dir)
    try:
        stack.migrate_all()
        stack.start_all()
        bench = Bench(stack, databases)
        print(console_table(my_work(bench)))
        for note in bench.notes:
            print(f"  note: {note}")
    finally:
        stack.stop_all()
        databases.drop()
        shutil.rmtree(log_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
