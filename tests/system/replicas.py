"""Helpers for tests that run several replicas of one process: their metrics, waiting, reading a database."""
import asyncio
import time
from collections.abc import Callable
from typing import TypeVar

import httpx
from sqlalchemy import text

from devtools.stack import Stack
from services.kit.db import make_engine
from tests.system.http import sample

T = TypeVar("T")


def metric(stack: Stack, name: str, metric_name: str, **labels: str) -> float:
    """One process's sample of a metric (summed over matching label sets; 0 when absent)."""
    return sample(httpx.get(stack.url(name) + "/metrics", timeout=10).text, metric_name, **labels)


def leaders(stack: Stack, names: list[str], job: str) -> list[str]:
    """Which of these processes report holding the job's lease."""
    return [name for name in names if metric(stack, name, "background_leader", job=job) == 1]


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
