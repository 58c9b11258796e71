"""Work-queue helpers: warnings from a deadline, the one queue order every service and the gateway share, and
cursors that are ours or refused."""
from datetime import date

import pytest

from contracts.page import encode_key
from contracts.work import NO_DEADLINE, WorkKind, WorkLink, position_of, work_cursor
from services.kit.errors import DomainError
from services.kit.work import after_position, order_key, urgency, work_item

TODAY = date(2026, 3, 10)


def item(ident: int, deadline: date | None, kind: WorkKind = WorkKind.CASE_DUE, period: str | None = None):
    link = WorkLink(service="funds", resource="rectification_case", id=ident, path=f"/rectification-cases/{ident}")
    return work_item(kind, link, "标题", "整改", deadline, "450225", TODAY, 7, period)


def test_due_soon_within_the_warning_days_then_overdue_after_the_deadline():
    assert urgency(None, TODAY, 7) == (False, False)
    assert urgency(date(2026, 3, 18), TODAY, 7) == (False, False)
    assert urgency(date(2026, 3, 17), TODAY, 7) == (True, False)
    assert urgency(TODAY, TODAY, 7) == (True, False)
    assert urgency(date(2026, 3, 9), TODAY, 7) == (False, True)


def test_the_queue_order_is_deadline_then_kind_then_numeric_id_then_period():
    items = [item(2, None), item(12, None), item(10, date(2026, 3, 1)), item(9, date(2026, 3, 1)),
             item(3, date(2026, 3, 1), WorkKind.IDLE_WITHOUT_CASE, "batch"),
             item(3, date(2026, 3, 1), WorkKind.IDLE_WITHOUT_CASE, "allocation")]
    ordered = [i.key for i in sorted(items, key=order_key)]
    assert ordered == ["funds:case_due:9", "funds:case_due:10", "funds:idle_without_case:3:allocation",
                       "funds:idle_without_case:3:batch", "funds:case_due:2", "funds:case_due:12"]
    assert position_of(None, "funds:case_due:2") == (NO_DEADLINE, "funds:case_due", 2, "")


def test_a_cursor_points_after_its_item_and_a_forged_one_is_refused():
    last = item(10, date(2026, 3, 1))
    assert after_position(work_cursor(last)) == ("2026-03-01", "funds:case_due", 10, "")
    assert after_position(None) is None and after_position("") is None
    forged = ["garbage", encode_key({"id": 1}), encode_key({"d": "2026-13-01", "k": "funds:case_due:1"}),
              encode_key({"d": "", "k": "funds:case_due:x"}), encode_key({"d": "", "k": "funds:case_due"}),
              encode_key({"d": "", "k": f"funds:case_due:{2**63}"}), encode_key({"d": "", "k": "a:b:" + "1" * 300}),
              encode_key({"d": 20260301, "k": "funds:case_due:1"})]
    for cursor in forged:
        with pytest.raises(DomainError) as refused:
            after_position(cursor)
        assert (refused.value.status, refused.value.code) == (422, "request.invalid_cursor"), cursor
