"""The reference feed consumer (examples/feed_consumer) as an outside system runs it: with its own external token
for one county, SIGKILLed several times while a few hundred changes stream through the services and the gateway,
restarted each time; then its SQLite copy equals the services' own REST answers — nothing lost, nothing applied
twice, nothing outside its grant, labourers' data masked."""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

from contracts.personal import mask_name
from devtools.stack import ROOT, Stack
from services.kit.auth import Role
from services.kit.testing import bearer
from tests.system.feed_driver import County, Driver
from tests.system.http import SECRET

pytestmark = pytest.mark.system

GRANTED, OTHER = "450225", "450226"  # 融水 (the token's county) and 三江 (outside it)
ROUNDS, KILL_AT = 20, (4, 8, 12, 16)
EXTERNAL = bearer(Role.EXTERNAL, GRANTED, sub="big-data-platform", secret=SECRET,
                  feeds=["projects", "funds", "employment"])


class Consumer:
    """The consumer as a child process of its own, started and SIGKILLed like any outside program."""

    def __init__(self, stack: Stack, db: Path, log: Path) -> None:
        self.stack, self.db, self.log = stack, db, log
        self.process: subprocess.Popen | None = None

    def _command(self, *extra: str) -> list[str]:
        return [sys.executable, "-m", "examples.feed_consumer", "--gateway", self.stack.url("gateway"),
                "--db", str(self.db), "--page-size", "7", "--poll", "0.05", *extra]

    def _env(self) -> dict[str, str]:
        return {**os.environ, "PYTHONPATH": str(ROOT),
                "FEED_CONSUMER_TOKEN": EXTERNAL["Authorization"].removeprefix("Bearer ")}

    def start(self) -> None:
        """Follow the feeds in the background."""
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(self._command(), cwd=ROOT, env=self._env(), stdout=out,
                                            stderr=subprocess.STDOUT)

    def applied(self) -> int:
        """Events the copy holds (0 before the first commit)."""
        if not self.db.exists():
            return 0
        with sqlite3.connect(self.db) as copy:
            try:
                return copy.execute("SELECT count(*) FROM applied").fetchone()[0]
            except sqlite3.OperationalError:  # the schema is not there yet
                return 0

    def kill_while_moving(self, delay: float, caught_up_after: float = 3.0) -> int:
        """SIGKILL it `delay` seconds after it has applied something since it started (or after `caught_up_after`
        seconds when there was nothing new to apply); the events its copy held then."""
        assert self.process is not None
        before, deadline = self.applied(), time.monotonic() + caught_up_after
        while self.applied() == before and time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text(errors="replace")[-3000:]
            time.sleep(0.01)
        time.sleep(delay)
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        return self.applied()

    def drain(self) -> None:
        """Run it to the end of every feed; it must exit cleanly."""
        done = subprocess.run(self._command("--drain"), cwd=ROOT, env=self._env(), capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr


def _all(client: httpx.Client, path: str, **params) -> list[dict]:
    """Every item of a keyset-paginated REST list, as the external system's token sees it."""
    items, after = [], None
    while True:
        r = client.get(path, params={**params, "limit": 200, **({"after": after} if after else {})},
                       headers=EXTERNAL)
        assert r.status_code == 200, r.text
        items += r.json()["items"]
        after = r.json()["next_cursor"]
        if not after:
            return items


def _feed_ids(client: httpx.Client) -> list[int]:
    """Every event id of a service's feed in the token's scope, from the service's own REST feed."""
    ids, after = [], 0
    while True:
        r = client.get("/events", params={"after": after, "limit": 1000}, headers=EXTERNAL)
        assert r.status_code == 200, r.text
        ids += [e["id"] for e in r.json()["events"]]
        if r.json()["next_after"] == after:
            return ids
        after = r.json()["next_after"]


def _fen(amount: str) -> int:
    return int(Decimal(amount) * 100)


def _stream(driver: Driver, counties: list[County], kills: list[int], failures: list[BaseException]) -> None:
    """The changes, in a thread of their own; at each of KILL_AT it waits until the consumer was killed once more,
    so at least len(KILL_AT) kills fall inside the stream however fast the machine is."""
    try:
        for county in counties:
            driver.setup(county)
        for n in range(ROUNDS):
            for county in counties:
                driver.round(county, n)
            if n in KILL_AT:
                deadline = time.monotonic() + 60
                while len(kills) <= KILL_AT.index(n) and time.monotonic() < deadline:
                    time.sleep(0.01)
    except BaseException as exc:  # reported by the test's own thread
        failures.append(exc)


def test_consumer_survives_kills_and_keeps_an_exact_copy(stack: Stack, tmp_path: Path):
    consumer = Consumer(stack, tmp_path / "copy.db", tmp_path / "consumer.log")
    driver = Driver(stack)
    granted, other = County(GRANTED), County(OTHER)
    kills: list[int] = []
    failures: list[BaseException] = []
    stream = threading.Thread(target=_stream, args=(driver, [granted, other], kills, failures))
    pace = random.Random(15)  # fixed seed: the same kill delays every run
    try:
        consumer.start()
        stream.start()
        while stream.is_alive():
            kills.append(consumer.kill_while_moving(pace.uniform(0.0, 0.25)))
            consumer.start()
    finally:
        stream.join()
        if consumer.process and consumer.process.poll() is None:
            consumer.process.kill()
            consumer.process.wait()
    assert not failures, failures
    consumer.drain()
    final = consumer.applied()
    assert driver.changes >= 300
    assert len([held for held in kills if 0 < held < final]) >= len(KILL_AT), (kills, final)  # mid-stream

    http = driver.http
    copy = sqlite3.connect(consumer.db)
    copy.row_factory = sqlite3.Row
    try:
        # Nothing lost, nothing twice: every event of every feed in scope applied exactly once (primary key).
        for feed in ("projects", "funds", "employment"):
            mine = [r[0] for r in copy.execute("SELECT event_id FROM applied WHERE feed = ? ORDER BY event_id",
                                               (feed,))]
            assert mine == _feed_ids(http[feed]), feed

        entries = {r["project_id"]: (r["version"], r["status"].lower(), r["name"], r["county_code"], r["owner_org"],
                                     r["progress_percent"]) for r in copy.execute("SELECT * FROM entries")}
        assert entries == {p["id"]: (p["version"], p["status"], p["name"], p["county_code"], p["owner_org"],
                                     p["progress_percent"]) for p in _all(http["projects"], "/projects")}
        assert set(granted.projects) <= set(entries) and not set(other.projects) & set(entries)

        batches = {r["batch_id"]: (r["amount_fen"], r["unallocated_fen"])
                   for r in copy.execute("SELECT * FROM batches")}
        assert batches == {b["id"]: (_fen(b["amount"]), _fen(b["unallocated"]))
                           for b in _all(http["funds"], "/batches")}
        allocations = {r["allocation_id"]: (r["batch_id"], r["project_id"], r["amount_fen"], r["spent_fen"],
                                            r["recovered_fen"], r["balance_fen"])
                       for r in copy.execute("SELECT * FROM allocations")}
        rest_allocations = _all(http["funds"], "/allocations")
        assert allocations == {a["id"]: (a["batch_id"], a["project_id"], _fen(a["amount"]), _fen(a["spent"]),
                                         _fen(a["recovered"]), _fen(a["balance"])) for a in rest_allocations}
        assert granted.batch in batches and other.batch not in batches
        spendings = {(r["record_id"], r["kind"]): r["amount_fen"]
                     for r in copy.execute("SELECT * FROM movements WHERE kind IN ('spent', 'reversed')")}
        kinds = {"spend": "spent", "reversal": "reversed"}
        assert spendings == {(s["id"], kinds[s["kind"]]): _fen(s["amount"]) for a in rest_allocations
                             for s in _all(http["funds"], f"/allocations/{a['id']}/spendings")}

        placements = {r["placement_id"]: (r["labourer_id"], r["kind"].lower(), r["employer_id"], r["starts_on"],
                                          r["ends_on"], r["labourer_id_number"], r["labourer_name"])
                      for r in copy.execute("SELECT * FROM placements")}
        assert placements == {p["id"]: (p["labourer_id"], p["kind"], p["employer_id"], p["starts_on"], p["ends_on"],
                                        p["labourer_id_number"], mask_name(p["labourer_name"]))
                              for p in _all(http["employment"], "/placements")}
        assert set(granted.placements) <= set(placements) and not set(other.placements) & set(placements)

        # Outside its grant: nothing of another county; labourers' data only masked.
        for table in ("entries", "batches", "allocations", "placements"):
            assert {r[0] for r in copy.execute(f"SELECT DISTINCT county_code FROM {table}")} == {GRANTED}, table
        numbers = {r[0] for r in copy.execute("SELECT labourer_id_number FROM placements")}
        assert all("*" * 10 in n for n in numbers) and not numbers & set(granted.id_numbers)
        assert all(r[0].endswith("**") for r in copy.execute("SELECT labourer_name FROM placements"))
    finally:
        copy.close()
        driver.close()
