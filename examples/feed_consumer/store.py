"""The consumer's own copy in its own SQLite file: the entries, money movements and placements it may see, and
its cursor per feed, changed together in one transaction per page of events."""
import logging
import sqlite3
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from examples.feed_consumer.feed import Page

log = logging.getLogger("feed_consumer")
SCHEMA = """
CREATE TABLE IF NOT EXISTS cursors (feed TEXT PRIMARY KEY, after TEXT NOT NULL);
-- Every event applied, once: a second application would break the primary key and stop the consumer.
CREATE TABLE IF NOT EXISTS applied (feed TEXT NOT NULL, event_id INTEGER NOT NULL, type TEXT NOT NULL,
                                    PRIMARY KEY (feed, event_id));
CREATE TABLE IF NOT EXISTS entries (project_id INTEGER PRIMARY KEY, version INTEGER NOT NULL, status TEXT NOT NULL,
    county_code TEXT NOT NULL, owner_org TEXT NOT NULL, name TEXT NOT NULL, library_code TEXT, plan_year INTEGER,
    progress_percent INTEGER);
CREATE TABLE IF NOT EXISTS batches (batch_id INTEGER PRIMARY KEY, county_code TEXT NOT NULL, doc_number TEXT NOT NULL,
    amount_fen INTEGER NOT NULL, unallocated_fen INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS allocations (allocation_id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL,
    project_id INTEGER NOT NULL, county_code TEXT NOT NULL, amount_fen INTEGER NOT NULL, spent_fen INTEGER NOT NULL,
    recovered_fen INTEGER NOT NULL, balance_fen INTEGER NOT NULL);
-- One row per movement of money (allocated, spent, reversed, recovered, reallocated), keyed by its event.
CREATE TABLE IF NOT EXISTS movements (event_id INTEGER PRIMARY KEY, kind TEXT NOT NULL, record_id INTEGER NOT NULL,
    allocation_id INTEGER NOT NULL, amount_fen INTEGER NOT NULL, on_date TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS placements (placement_id INTEGER PRIMARY KEY, labourer_id INTEGER NOT NULL,
    labourer_name TEXT NOT NULL, labourer_id_number TEXT NOT NULL, county_code TEXT NOT NULL, kind TEXT NOT NULL,
    employer_id INTEGER, project_id INTEGER, site TEXT, starts_on TEXT NOT NULL, ends_on TEXT, leader TEXT);
"""


class OutOfStep(RuntimeError):
    """The copy disagrees with what an event says the service holds: stop rather than keep a wrong copy."""


def fen(amount: str) -> int:
    """Yuan as a decimal string ("1200.50") to whole fen (120050): money is never a float."""
    return int(Decimal(amount) * 100)


def open_store(path: Path) -> sqlite3.Connection:
    """The copy, created if new; transactions are explicit (BEGIN ... COMMIT), commits durable (WAL, FULL sync)."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.executescript(SCHEMA)
    return connection


def cursor(connection: sqlite3.Connection, feed: str) -> str | None:
    """Where to continue reading `feed` (None: from its start)."""
    row = connection.execute("SELECT after FROM cursors WHERE feed = ?", (feed,)).fetchone()
    return row[0] if row else None


def apply_page(connection: sqlite3.Connection, page: Page) -> None:
    """Apply every event of the page and move the feed's cursor, all in one transaction: a crash at any point
    leaves either the page applied and the cursor past it, or neither."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        for event in page.events:
            connection.execute("INSERT INTO applied (feed, event_id, type) VALUES (?, ?, ?)",
                               (page.feed, int(event["id"]), event["type"]))
            apply = APPLY.get(event["payload"]["__typename"])
            if apply is not None:
                apply(connection, int(event["id"]), event["payload"])
        connection.execute("INSERT INTO cursors (feed, after) VALUES (?, ?) ON CONFLICT (feed) DO UPDATE SET "
                           "after = excluded.after", (page.feed, page.next_cursor))
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def _entry(db: sqlite3.Connection, _event_id: int, p: dict[str, Any]) -> None:
    # Events of one entry carry its whole state and version: keep the newest (an older one changes nothing).
    db.execute("""INSERT INTO entries VALUES (:projectId, :version, :status, :countyCode, :ownerOrg, :name,
                  :libraryCode, :planYear, :progressPercent)
                  ON CONFLICT (project_id) DO UPDATE SET version = excluded.version, status = excluded.status,
                  county_code = excluded.county_code, owner_org = excluded.owner_org, name = excluded.name,
                  library_code = excluded.library_code, plan_year = excluded.plan_year,
                  progress_percent = excluded.progress_percent WHERE excluded.version > entries.version""", p)


def _batch(db: sqlite3.Connection, _event_id: int, p: dict[str, Any]) -> None:
    db.execute("INSERT INTO batches VALUES (?, ?, ?, ?, ?)",
               (p["batchId"], p["countyCode"], p["docNumber"], fen(p["amount"]), fen(p["amount"])))


def _movement(db: sqlite3.Connection, event_id: int, kind: str, record_id: int, allocation_id: int, amount: str,
              on: str) -> int:
    db.execute("INSERT INTO movements VALUES (?, ?, ?, ?, ?, ?)",
               (event_id, kind, record_id, allocation_id, fen(amount), on))
    return fen(amount)


def _new_allocation(db: sqlite3.Connection, allocation_id: int, batch_id: int, project_id: int, county: str,
                    amount: int) -> None:
    db.execute("INSERT INTO allocations VALUES (?, ?, ?, ?, ?, 0, 0, ?)",
               (allocation_id, batch_id, project_id, county, amount, amount))
    db.execute("UPDATE batches SET unallocated_fen = unallocated_fen - ? WHERE batch_id = ?", (amount, batch_id))


def _check(db: sqlite3.Connection, allocation_id: int, p: dict[str, Any], *fields: str) -> None:
    """The allocation as the copy has it must equal what the service reported with the event."""
    row = db.execute("SELECT spent_fen, balance_fen FROM allocations WHERE allocation_id = ?",
                     (allocation_id,)).fetchone()
    mine = dict(zip(("allocationSpent", "allocationBalance"), row or (None, None), strict=True))
    for field in fields:
        if mine[field] != fen(p[field]):
            raise OutOfStep(f"allocation {allocation_id}: {field} is {mine[field]} fen here, {p[field]} yuan there")


def _allocated(db: sqlite3.Connection, event_id: int, p: dict[str, Any]) -> None:
    amount = _movement(db, event_id, "allocated", p["allocationId"], p["allocationId"], p["amount"], p["allocatedOn"])
    _new_allocation(db, p["allocationId"], p["batchId"], p["projectId"], p["countyCode"], amount)
    [unallocated] = db.execute("SELECT unallocated_fen FROM batches WHERE batch_id = ?", (p["batchId"],)).fetchone()
    if unallocated != fen(p["batchUnallocated"]):
        raise OutOfStep(f"batch {p['batchId']}: {unallocated} fen unallocated here, {p['batchUnallocated']} there")


def _spent(db: sqlite3.Connection, event_id: int, p: dict[str, Any]) -> None:
    amount = _movement(db, event_id, "spent", p["spendingId"], p["allocationId"], p["amount"], p["spentOn"])
    db.execute("UPDATE allocations SET spent_fen = spent_fen + ?, balance_fen = balance_fen - ? "
               "WHERE allocation_id = ?", (amount, amount, p["allocationId"]))
    _check(db, p["allocationId"], p, "allocationSpent", "allocationBalance")


def _reversed(db: sqlite3.Connection, event_id: int, p: dict[str, Any]) -> None:
    amount = _movement(db, event_id, "reversed", p["reversalId"], p["allocationId"], p["amount"], p["reversedOn"])
    db.execute("UPDATE allocations SET spent_fen = spent_fen - ?, balance_fen = balance_fen + ? "
               "WHERE allocation_id = ?", (amount, amount, p["allocationId"]))
    _check(db, p["allocationId"], p, "allocationSpent", "allocationBalance")


def _recovered(db: sqlite3.Connection, event_id: int, p: dict[str, Any]) -> None:
    amount = _movement(db, event_id, "recovered", p["recoveryId"], p["allocationId"], p["amount"], p["recoveredOn"])
    db.execute("UPDATE allocations SET recovered_fen = recovered_fen + ?, balance_fen = balance_fen - ? "
               "WHERE allocation_id = ?", (amount, amount, p["allocationId"]))
    db.execute("UPDATE batches SET unallocated_fen = ? WHERE batch_id = ?", (fen(p["batchUnallocated"]), p["batchId"]))
    _check(db, p["allocationId"], p, "allocationBalance")


def _reallocated(db: sqlite3.Connection, event_id: int, p: dict[str, Any]) -> None:
    # One event: recovered money placed on another project as a new allocation of the same batch.
    amount = _movement(db, event_id, "reallocated", p["transferId"], p["toAllocationId"], p["amount"],
                       p["transferredOn"])
    _new_allocation(db, p["toAllocationId"], p["batchId"], p["toProjectId"], p["countyCode"], amount)


def _placement(db: sqlite3.Connection, _event_id: int, p: dict[str, Any]) -> None:
    # A placement event carries the placement's whole state (names and ID numbers masked for this reader).
    db.execute("""INSERT OR REPLACE INTO placements VALUES (:placementId, :labourerId, :labourerName,
                  :labourerIdNumber, :countyCode, :placementKind, :employerId, :projectId, :site, :startsOn, :endsOn,
                  :leader)""", p)


APPLY: dict[str, Callable[[sqlite3.Connection, int, dict[str, Any]], None]] = {
    "ProjectSubmittedV1": _entry, "ProjectImportedV1": _entry, "ProjectStatusChangedV1": _entry,
    "ProjectUpdatedV1": _entry, "FundBatchReceivedV1": _batch, "FundsAllocatedV1": _allocated,
    "FundsSpentV1": _spent, "SpendingReversedV1": _reversed, "FundsRecoveredV1": _recovered,
    "FundsReallocatedV1": _reallocated, "PlacementCreatedV1": _placement, "PlacementEndedV1": _placement,
}
