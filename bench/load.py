"""Load generation in a separate process, and sequential latency sampling.

The throughput generator speaks HTTP/1.1 over raw asyncio streams rather than through httpx: an httpx client
tops out at a few thousand requests a second on one core, which would cap the hello-world baseline and flatter
every ratio against it. A bare keep-alive loop costs a fraction of what the server spends per request.
"""
import asyncio
import multiprocessing
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx


@dataclass(frozen=True)
class Load:
    """Throughput of one endpoint under a fixed number of keep-alive connections."""

    requests: int
    errors: int
    seconds: float
    p50_ms: float

    @property
    def rps(self) -> float:
        """Successful requests per second in the measured window."""
        return (self.requests - self.errors) / self.seconds


def _request_bytes(url: str, headers: dict[str, str], body: bytes | None = None) -> tuple[str, int, bytes]:
    """One request's bytes: a GET, or a POST of a JSON body (a GraphQL query)."""
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    method = "GET" if body is None else "POST"
    lines = [f"{method} {target} HTTP/1.1", f"Host: {parts.netloc}", "Accept: application/json"]
    if body is not None:
        lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    return parts.hostname, parts.port, ("\r\n".join(lines) + "\r\n\r\n").encode() + (body or b"")


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value)
    # Every FastAPI JSON response carries a length; chunked bodies would need a parser this loop lacks.
    raise RuntimeError("response without Content-Length")


async def _connection(host: str, port: int, request: bytes, window: tuple[float, float],
                      latencies: list[float], errors: list[int]) -> None:
    start, end = window
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while True:
            sent = time.perf_counter()
            if sent >= end:
                return
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            await reader.readexactly(_content_length(head))
            # Only requests sent after the warm-up count, so connection set-up and first-call caches don't.
            if sent >= start:
                latencies.append(time.perf_counter() - sent)
                if not head.startswith(b"HTTP/1.1 2"):
                    errors.append(int(head[9:12]))
    finally:
        writer.close()


async def _generate(url: str, headers: dict[str, str], connections: int, warmup: float, duration: float,
                    body: bytes | None = None) -> Load:
    host, port, request = _request_bytes(url, headers, body)
    start = time.perf_counter() + warmup
    latencies: list[float] = []
    errors: list[int] = []
    await asyncio.gather(*(_connection(host, port, request, (start, start + duration), latencies, errors)
                           for _ in range(connections)))
    # Requests still in flight at the end finish after the window: divide by the time actually taken.
    seconds = max(time.perf_counter() - start, duration)
    p50 = statistics.median(latencies) * 1000 if latencies else float("nan")
    return Load(len(latencies), len(errors), seconds, p50)


def _generate_sync(url: str, headers: dict[str, str], connections: int, warmup: float, duration: float,
                   body: bytes | None) -> Load:
    return asyncio.run(_generate(url, headers, connections, warmup, duration, body))


def throughput(url: str, headers: dict[str, str] | None = None, connections: int = 16, warmup: float = 1.0,
               duration: float = 5.0, body: bytes | None = None) -> Load:
    """Hammer url from a child process with `connections` keep-alive connections; count after the warm-up.

    With `body` every request is a POST of that JSON (a GraphQL query), otherwise a GET."""
    # A child process, so the generator's own CPU never shares an interpreter (and a GIL) with this one.
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(_generate_sync, url, headers or {}, connections, warmup, duration, body).result()


Probe = tuple[httpx.Client, str, dict[str, str | int], dict[str, str]]  # client, path, params, headers


def interleaved_medians_ms(probes: dict[str, Probe], samples: int = 50, warmup: int = 5) -> dict[str, float]:
    """Median wall time of each probe over `samples` sequential requests, the probes taking turns.

    Taking turns request by request means a burst of unrelated load on the machine slows every probe alike,
    instead of whichever one happened to be running, so ratios between probes stay meaningful.
    """
    timings: dict[str, list[float]] = {name: [] for name in probes}
    for i in range(warmup + samples):
        for name, (client, path, params, headers) in probes.items():
            sent = time.perf_counter()
            response = client.get(path, params=params, headers=headers)
            elapsed = time.perf_counter() - sent
            if response.status_code != 200:
                raise RuntimeError(f"{name}: GET {path} {params} -> {response.status_code}: {response.text[:300]}")
            if i >= warmup:
                timings[name].append(elapsed)
    return {name: statistics.median(values) * 1000 for name, values in timings.items()}
