"""Excel imports never block: while the largest ledger the limits allow is imported, the same process keeps
answering /healthz promptly; a zip bomb and an oversized upload are refused without stalling it.

Named to sort after test_library_through_gateway: its feed check must not meet the 20,000 labourers imported here.
"""
import statistics
import threading
import time
from datetime import date, timedelta

import httpx
import pytest

from devtools.stack import Stack
from services.employment.idcard import with_check
from services.employment.ledger.columns import LABOURER_HEADERS
from services.kit.auth import Role
from services.kit.settings import ServiceSettings
from services.kit.xlsx import write_xlsx
from tests.kit.workbooks import upload, zip_bomb
from tests.system.http import token

pytestmark = pytest.mark.system

HR = token(Role.HR)
DEFAULTS = ServiceSettings()  # the stack runs with the default limits


def _labourers(count: int, born_from: date) -> list[list]:
    """`count` labourers with distinct valid ID numbers (900 serials per birth date)."""
    return [[with_check(f"450225{born_from + timedelta(days=i // 900):%Y%m%d}{100 + i % 900:03d}"), f"覃阿妹{i}",
             "450225", "安陲乡", "江门村", f"H-{i}", "贫困", "是", "缝纫、电焊"] for i in range(count)]


class HealthProbe:
    """Another client reading /healthz of the same process every 50 ms, timing each answer."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.latencies: list[float] = []
        self.failures: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        with httpx.Client(base_url=self.base_url, timeout=10.0) as client:
            while not self._stop.is_set():
                started = time.perf_counter()
                try:
                    ok = client.get("/healthz").status_code == 200
                except httpx.HTTPError as exc:  # a stalled process shows here as a timeout
                    ok, reason = False, repr(exc)
                else:
                    reason = "status"
                self.latencies.append(time.perf_counter() - started)
                if not ok:
                    self.failures.append(reason)
                self._stop.wait(0.05)

    def __enter__(self) -> "HealthProbe":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def summary(self) -> str:
        ordered = sorted(self.latencies)
        p99 = ordered[int(len(ordered) * 0.99) - 1] if len(ordered) >= 100 else ordered[-1]
        return (f"{len(ordered)} /healthz answers, p50 {statistics.median(ordered) * 1000:.1f} ms, "
                f"p99 {p99 * 1000:.1f} ms, max {ordered[-1] * 1000:.1f} ms")


def test_the_largest_import_allowed_leaves_the_process_answering(stack: Stack, migrated: str) -> None:
    rows = _labourers(DEFAULTS.ledger_max_rows, date(1950, 1, 1))
    content = write_xlsx("劳动力台账", LABOURER_HEADERS, rows)
    assert len(content) <= DEFAULTS.upload_max_bytes
    with httpx.Client(base_url=stack.url("employment"), timeout=900.0) as client, \
            HealthProbe(stack.url("employment")) as probe:
        started = time.perf_counter()
        r = client.post("/labourers/import.xlsx", headers=HR, files=upload(content))
        took = time.perf_counter() - started
        answered_during_import = len(probe.latencies)
    assert r.status_code == 201, r.text[:2000]
    assert len(r.json()) == DEFAULTS.ledger_max_rows
    print(f"\n[{migrated}] imported {len(rows)} rows ({len(content) / 1024:.0f} KiB) in {took:.1f} s; "
          f"{probe.summary()}")
    assert probe.failures == []
    assert answered_during_import >= took / 0.5  # answers kept coming all along, not in a burst at the end
    assert max(probe.latencies) < 1.0  # every one in well under a second


def test_a_zip_bomb_is_refused_without_stalling_the_process(stack: Stack, migrated: str) -> None:
    bomb = zip_bomb(LABOURER_HEADERS, 4 * DEFAULTS.ledger_max_unpacked_bytes)
    assert len(bomb) < DEFAULTS.upload_max_bytes / 4  # tiny on the wire, huge unpacked
    with httpx.Client(base_url=stack.url("employment"), timeout=60.0) as client, \
            HealthProbe(stack.url("employment")) as probe:
        time.sleep(0.2)
        started = time.perf_counter()
        r = client.post("/labourers/import.xlsx", headers=HR, files=upload(bomb))
        took = time.perf_counter() - started
        time.sleep(0.2)
    assert r.status_code == 422 and r.json()["code"] == "ledger.uncompressed_too_large"
    print(f"\n[{migrated}] zip bomb ({len(bomb) / 1024:.0f} KiB, "
          f"{4 * DEFAULTS.ledger_max_unpacked_bytes / 1024 / 1024:.0f} MiB unpacked) refused in {took * 1000:.0f} ms; "
          f"{probe.summary()}")
    assert took < 2.0 and probe.failures == [] and max(probe.latencies) < 1.0


def test_an_oversized_upload_is_refused_over_real_http(stack: Stack) -> None:
    too_big = b"PK" + b"\0" * DEFAULTS.upload_max_bytes
    with httpx.Client(base_url=stack.url("projects"), timeout=60.0) as client:
        r = client.post("/projects/import.xlsx", headers=token(Role.PROJECT_OWNER, "450225", "融水县农业农村局"),
                        files=upload(too_big))
    assert r.status_code == 413 and r.json()["code"] == "request.too_large"
