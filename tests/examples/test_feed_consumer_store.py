"""The reference consumer's copy: a page and its cursor change together or not at all; an event is never applied
twice; a copy out of step with what an event reports stops the consumer and keeps the copy as it was."""
import sqlite3

import pytest

from examples.feed_consumer.feed import Page
from examples.feed_consumer.store import OutOfStep, apply_page, cursor, open_store


def _event(event_id: int, typename: str, **payload) -> dict:
    return {"id": str(event_id), "type": typename, "version": 1, "payload": {"__typename": typename, **payload}}


BATCH = _event(1, "FundBatchReceivedV1", batchId=7, countyCode="450225", docNumber="桂财农〔2019〕1号",
               amount="1000.00")
ALLOCATED = _event(2, "FundsAllocatedV1", allocationId=11, batchId=7, projectId=3, countyCode="450225",
                   amount="600.50", allocatedOn="2026-01-02", batchUnallocated="399.50")


def _spent(event_id: int, balance: str) -> dict:
    return _event(event_id, "FundsSpentV1", spendingId=event_id, allocationId=11, amount="100", spentOn="2026-01-03",
                  allocationSpent="100.00", allocationBalance=balance)


def _money(copy: sqlite3.Connection) -> tuple:
    return copy.execute("SELECT spent_fen, balance_fen FROM allocations").fetchall(), \
        copy.execute("SELECT count(*) FROM movements").fetchone()[0]


def test_a_page_moves_the_cursor_with_its_events(tmp_path):
    copy = open_store(tmp_path / "copy.db")
    apply_page(copy, Page("funds", [BATCH, ALLOCATED, _spent(3, "500.50")], "3", False))
    assert cursor(copy, "funds") == "3" and cursor(copy, "projects") is None
    assert _money(copy) == ([(10000, 50050)], 2)
    assert copy.execute("SELECT unallocated_fen FROM batches").fetchone() == (39950,)


def test_a_page_applied_again_is_refused_whole(tmp_path):
    copy = open_store(tmp_path / "copy.db")
    apply_page(copy, Page("funds", [BATCH, ALLOCATED], "2", False))
    with pytest.raises(sqlite3.IntegrityError):
        apply_page(copy, Page("funds", [_spent(3, "500.50"), ALLOCATED], "3", False))
    assert cursor(copy, "funds") == "2" and _money(copy) == ([(0, 60050)], 1)  # the spending rolled back too


def test_out_of_step_stops_and_keeps_the_copy(tmp_path):
    copy = open_store(tmp_path / "copy.db")
    apply_page(copy, Page("funds", [BATCH, ALLOCATED], "2", False))
    with pytest.raises(OutOfStep, match="allocation 11: allocationBalance"):
        apply_page(copy, Page("funds", [_spent(3, "999.00")], "3", False))
    assert cursor(copy, "funds") == "2" and _money(copy) == ([(0, 60050)], 1)


def test_an_entry_keeps_its_newest_version(tmp_path):
    copy = open_store(tmp_path / "copy.db")
    entry = {"projectId": 5, "countyCode": "450225", "ownerOrg": "融水县农业农村局", "name": "百香果基地",
             "libraryCode": None, "planYear": None, "progressPercent": 0}
    newer = _event(2, "ProjectStatusChangedV1", **entry, version=3, status="ADMITTED")
    older = _event(1, "ProjectSubmittedV1", **entry, version=1, status="SUBMITTED")
    apply_page(copy, Page("projects", [newer, older], "2", False))
    assert copy.execute("SELECT version, status FROM entries").fetchall() == [(3, "ADMITTED")]
