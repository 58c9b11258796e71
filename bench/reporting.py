"""Bench section of the reporting service: a month's bulletin for the ten counties, built from the other
services' APIs, on the empty system and again over the bench data sets (100,000 library entries, 1,000,000
allocations, 5,000 enterprises with 500,000 placements); its upstream calls must not grow with the data.

`bulletin_on_empty_data` runs first in SECTIONS (before anything is seeded), `bulletin_on_bench_data` after the
funds and employment sections have seeded their tables."""
import statistics
import time
from typing import TYPE_CHECKING

from bench.report import Row
from services.kit.clock import Clock
from services.kit.months import Month

if TYPE_CHECKING:  # bench.sections imports this module
    from bench.sections import Bench

RUNS = 3
SECTION = "monthly bulletin"


def _bulletin(b: "Bench", label: str) -> tuple[float, int]:
    """Median seconds of a whole-city preview of last month (with the ranking change), and its upstream calls."""
    month = Month.of(Clock().today()).shifted(-1)
    seconds, calls = [], set()
    with b.client("reporting") as reporting:
        for _ in range(RUNS):
            started = time.perf_counter()
            r = reporting.get(f"/bulletins/{month}/preview", headers=b.city)
            seconds.append(time.perf_counter() - started)
            if r.status_code != 200 or len(r.json()["counties"]) != 10:
                raise RuntimeError(f"bulletin preview ({label}) answered {r.status_code}: {r.text[:300]}")
            calls.add(r.json()["upstream_calls"])
    if len(calls) != 1:
        raise RuntimeError(f"bulletin preview ({label}) made {sorted(calls)} upstream calls across runs")
    return statistics.median(seconds), calls.pop()


def bulletin_on_empty_data(b: "Bench") -> list[Row]:
    """The bulletin of last month over the empty system (the reference call count)."""
    seconds, calls = _bulletin(b, "empty")
    b.figures["bulletin upstream calls, empty"] = calls
    return [Row(SECTION, "bulletin of a month, 10 counties, empty system", f"{seconds:.2f} s"),
            Row(SECTION, "upstream calls, empty system", f"{calls}")]


def bulletin_on_bench_data(b: "Bench") -> list[Row]:
    """The same bulletin over the bench data sets: under 2 s, the same number of upstream calls."""
    seconds, calls = _bulletin(b, "bench data")
    empty = b.figures.get("bulletin upstream calls, empty")
    return [Row(SECTION, "bulletin of a month, 10 counties, bench data sets", f"{seconds:.2f} s", "< 2 s",
                seconds < 2),
            Row(SECTION, "upstream calls, bench data sets", f"{calls}", "= empty system", calls == empty)]
