"""The whole system as real processes: fresh databases, the four processes on free ports, stopped at teardown."""
import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from devtools.stack import SERVICES, Stack, free_port
from services.kit.testing import DatabaseFactory
from tests.system.http import SECRET


def _logs(stack: Stack) -> str:
    """Every process's log, to explain a process that died or never came up."""
    parts = []
    for path in sorted(stack.log_dir.glob("*.log")):
        parts.append(f"--- {path.name} ---\n{path.read_text(errors='replace')[-4000:]}")
    return "\n".join(parts)


@contextmanager
def running_stack(databases: DatabaseFactory, backend: str, log_dir: Path) -> Iterator[Stack]:
    """The four processes on free ports and fresh copies of the templates; stopped and dropped afterwards.

    The template copy is the schema `make migrate` builds, made once per session; copying it is far cheaper
    than running Alembic in three child processes for every stack.
    """
    urls = {service: asyncio.run(databases.create(service, backend)) for service in SERVICES}
    ports = {name: free_port() for name in (*SERVICES, "gateway")}
    # The projects process adds the seconds in this file to its clock, so a test can pass a notice window.
    # The collaboration process reads the same file, so a test can let a key task pass its deadline.
    # The projects process checks its work queue for warnings every second (test_work_warnings.py).
    env = {"JWT_SECRET": SECRET, "PROJECTS_CLOCK_OFFSET_FILE": str(log_dir / "clock-offset"),
           "COLLABORATION_CLOCK_OFFSET_FILE": str(log_dir / "clock-offset"), "PROJECTS_WORK_SWEEP_SECONDS": "1"}
    running = Stack(ports, urls, extra_env=env, log_dir=log_dir)
    try:
        try:
            running.start_all()
        except (RuntimeError, TimeoutError) as exc:
            raise RuntimeError(f"{exc}\n{_logs(running)}") from None
        yield running
    finally:
        running.stop_all()
        for url in urls.values():
            asyncio.run(databases.drop(url))


@pytest.fixture(scope="session")
def stack(databases: DatabaseFactory, migrated: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """One running system per backend, started once for every system test.

    Tests share it, so they assert on their own rows and on metric deltas, never on totals. A test that
    stops a process starts it again before it ends (test_outage.py, which also runs last by its name).
    """
    with running_stack(databases, migrated, tmp_path_factory.mktemp(f"stack-{migrated}")) as running:
        yield running


@pytest.fixture
def move_clock(stack: Stack) -> Iterator:
    """Move the projects and collaboration processes' clocks forward by some days; put back after the test."""
    offset = stack.log_dir / "clock-offset"

    def move(days: int) -> None:
        offset.write_text(str(days * 86400))

    yield move
    offset.write_text("0")


@pytest.fixture(scope="session")
def gateway_http(stack: Stack) -> Iterator[httpx.Client]:
    """A real HTTP client of the gateway process."""
    with httpx.Client(base_url=stack.url("gateway"), timeout=15.0) as client:
        yield client


@pytest.fixture(scope="session")
def projects_http(stack: Stack) -> Iterator[httpx.Client]:
    """A real HTTP client of the projects service process, for checks behind the gateway's back."""
    with httpx.Client(base_url=stack.url("projects"), timeout=15.0) as client:
        yield client
