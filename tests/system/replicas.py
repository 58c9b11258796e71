"""Helpers for tests that run several replicas of one process: their metrics, waiting, reading a database."""
import asyncio
import time
from collections.abc import Callable
from typing import TypeVar

import httpx
from sqlalchemy import text

from devtools.stack import Stack
from services.kit.auth import Role
from services.kit.db import make_engine
from tests.system.http import sample, token

T = TypeVar("T")
INSPECTOR = token(Role.INSPECTOR)  # what the funds service reads the projects feed as: every county


def metric(stack: Stack, process: str, metric_name: str, /, **labels: str) -> float:
    """One process's sample of a metric (summed over matching label sets; 0 when absent)."""
    return sample(httpx.get(stack.url(process) + "/metrics", timeout=10).text, metric_name, **labels)


def leaders(stack: Stack, names: list[str], job: str) -> list[str]:
    """Which of these processes report holding the job's lease."""
    return [process for process in names if metric(stack, process, "background_leader", name=job) == 1]


def wait_until(probe: Callable[[], T], seconds: float, what: str) -> T:
    """Poll until probe() is truthy; its value. Fails naming `what` after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {seconds} s")
        time.sleep(0.1)


def scalar(url: str, sql: str, **params) -> object:
    """One value from a service's database, read directly (to check what the API does not show)."""

    async def read() -> object:
        engine = make_engine(url)
        try:
            async with engine.connect() as conn:
                return (await conn.execute(text(sql), params)).scalar()
        finally:
            await engine.dispose()

    return asyncio.run(read())


def _last_event(projects_http: httpx.Client) -> int:
    """Id of the newest event in the projects feed."""
    after = 0
    while True:
        page = projects_http.get("/events", params={"after": after, "limit": 1000}, headers=INSPECTOR).json()
        if not page["events"]:
            return after
        after = page["next_after"]


def caught_up(funds_url: str, projects_http: httpx.Client) -> int:
    """Wait until the funds database's feed cursor reaches the newest projects event; that event's id.

    Reaches, or passes: the projects service publishes on its own too (work-queue warnings), so newer events may
    arrive between reading the newest id and funds reading the feed."""
    last = _last_event(projects_http)
    cursor = "SELECT coalesce(max(after), 0) FROM feed_cursors WHERE feed = 'projects'"
    wait_until(lambda: scalar(funds_url, cursor) >= last, 30, "funds caught up with the projects feed")
    return last
